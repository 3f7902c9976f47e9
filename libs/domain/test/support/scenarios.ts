import type { DisputeCommand, DisputeEvent } from '../../src';
import { fileCommand, story, type Step } from './given';

// Ready-made histories: each builds on the previous one, so a test starts where it needs to.

export const filed = (overrides: Partial<Extract<DisputeCommand, { type: 'file-dispute' }>> = {}, by = 'prov-anna') =>
  story([[by, fileCommand(overrides)]]);

export const registered = (base: DisputeEvent[] = filed()) =>
  story([['sec-jan', { type: 'register', caseNumber: 'GZC-2025-0001' }]], base);

export const accepted = (route: 'mediation' | 'binding_advice' | 'arbitration' = 'mediation') =>
  route === 'mediation'
    ? story([['ins-carla', { type: 'accept-submission', route: 'mediation' }]], registered())
    : story(
        [
          ['ins-carla', { type: 'propose-route', route }],
          ['prov-anna', { type: 'accept-submission', route }],
        ],
        registered(),
      );

export const nominated = (ids: string[] = ['med-femke'], base: DisputeEvent[] = accepted()) =>
  story([['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ids, ...(ids.length === 3 ? { chairUserId: ids[0] } : {}) }]], base);

/** Both parties waived their right to challenge the nomination (rule 11): it can be appointed at once. */
export const waived = (base: DisputeEvent[] = nominated()) =>
  story(
    [
      ['prov-anna', { type: 'waive-challenge' }],
      ['ins-carla', { type: 'waive-challenge' }],
    ],
    base,
  );

export const inMediation = () => story([['sec-jan', { type: 'appoint-neutrals' }]], waived());

export const SESSION_START = '2025-06-01T10:00:00.000Z';

/** In mediation with one session held (at its start: rule 16). */
export const sessionHeld = () =>
  story(
    [
      ['med-femke', { type: 'schedule-session', sessionId: 's1', startsAt: SESSION_START, location: 'Utrecht' }],
      ['med-femke', { type: 'record-session', sessionId: 's1' }, SESSION_START],
    ],
    inMediation(),
  );

/** An agreement needs a session held (rule 15); "no agreement" does not. */
export const mediationEnded = (result: 'partial_agreement' | 'no_agreement' = 'no_agreement') =>
  story([['med-femke', { type: 'conclude-mediation', result }]], result === 'no_agreement' ? inMediation() : sessionHeld());

export const escalated = () =>
  story(
    [
      ['prov-anna', { type: 'request-escalation', route: 'binding_advice' }],
      ['ins-carla', { type: 'accept-escalation' }],
    ],
    mediationEnded(),
  );

export const PANEL = ['adv-hanna', 'adv-isaac', 'adv-julia'];

export const inProceedings = () =>
  story(
    [
      ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: PANEL, chairUserId: PANEL[0] }],
      ['prov-anna', { type: 'waive-challenge' }],
      ['ins-carla', { type: 'waive-challenge' }],
      ['sec-jan', { type: 'appoint-neutrals' }],
    ],
    escalated(),
  );

export const steps = (...s: Step[]) => s;
