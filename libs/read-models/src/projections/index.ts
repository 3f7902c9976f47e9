import { caseloadProjection } from './caseload.projection';
import { casesProjection } from './cases.projection';
import { mediationsProjection } from './mediations.projection';
import type { Projection } from './projection';
import { statisticsProjection } from './statistics.projection';
import { timelineProjection } from './timeline.projection';

export * from './projection';
export { foldFacts } from './statistics.projection';
export { casesProjection, timelineProjection, statisticsProjection, mediationsProjection, caseloadProjection };

/** The projections the engine runs by default, in this order. */
export const DEFAULT_PROJECTIONS: readonly Projection[] = [
  casesProjection,
  timelineProjection,
  statisticsProjection,
  mediationsProjection,
  caseloadProjection,
];
