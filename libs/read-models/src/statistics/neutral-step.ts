import type { DisputeState } from '../../../domain/src';

/** The secretariat has a step to take about this open case's neutrals: nominate or appoint, or decide a challenge. */
export const needsNeutralStep = (state: DisputeState): boolean =>
  state.status === 'awaiting_neutral' || state.challenges.some((c) => c.status === 'pending');
