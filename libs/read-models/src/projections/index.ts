import { casesProjection } from './cases.projection';
import type { Projection } from './projection';
import { timelineProjection } from './timeline.projection';

export * from './projection';
export { casesProjection, timelineProjection };

/** The projections the engine runs by default, in this order. */
export const DEFAULT_PROJECTIONS: readonly Projection[] = [casesProjection, timelineProjection];
