import type { Action } from '../../../../../libs/domain/src';

/**
 * The actions served over HTTP, one route each. Documents arrive with their upload route in a later
 * release, so `submit-document` is not offered in allowedActions until then.
 */
export const HTTP_ACTIONS: readonly Exclude<Action, 'submit-document'>[] = [
  'request-information',
  'provide-information',
  'declare-inadmissible',
  'register',
  'accept-submission',
  'decline-submission',
  'propose-route',
  'nominate-neutrals',
  'challenge-neutral',
  'decide-challenge',
  'appoint-neutrals',
  'schedule-session',
  'record-session',
  'conclude-mediation',
  'request-escalation',
  'accept-escalation',
  'decline-escalation',
  'submit-statement',
  'schedule-hearing',
  'record-hearing',
  'render-decision',
  'withdraw',
  'record-settlement',
  'extend-deadline',
  'invoice-fee',
  'record-payment',
];
