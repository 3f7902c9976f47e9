import type { DisputeState } from '../../../domain/src';

/** The secretariat has a step to take about this open case's neutrals: nominate or appoint, or decide a challenge. */
export const needsNeutralStep = (state: DisputeState): boolean =>
  state.status === 'awaiting_neutral' || state.challenges.some((c) => c.status === 'pending');

/** The list of the secretariat's work queue a case with a neutral step is in (see work-queue.ts in the API). */
export type NeutralStepQueue = 'challenge' | 'nominate' | 'appoint';

/**
 * Which of the three lists the case belongs to, or null without a step: a pending challenge
 * first, else awaiting a neutral with or without a nomination. Together the lists hold exactly
 * the cases needsNeutralStep names.
 */
export function neutralStepQueue(state: DisputeState): NeutralStepQueue | null {
  if (state.challenges.some((c) => c.status === 'pending')) return 'challenge';
  if (state.status !== 'awaiting_neutral') return null;
  return state.neutrals.some((n) => n.status === 'nominated') ? 'appoint' : 'nominate';
}

/** When the case last changed: the queue's lists of neutral steps are ordered by it. */
export const neutralStepSince = (state: DisputeState): string => state.updatedAt ?? state.filedAt ?? '';
