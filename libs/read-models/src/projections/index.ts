import { caseListProjection } from './case-list.projection';
import { caseSummaryProjection } from './case-summary.projection';
import type { Projection } from './projection';
import { timelineProjection } from './timeline.projection';

export * from './projection';
export { caseListProjection, caseSummaryProjection, timelineProjection };

/** The projections the engine runs by default, in this order. */
export const DEFAULT_PROJECTIONS: readonly Projection[] = [caseSummaryProjection, caseListProjection, timelineProjection];
