import type { Side } from '../events';
import type { DisputeState } from '../state';
import type { Route, Status } from '../vocabulary';

// Words for messages a person reads.

const STATUS_WORDS: Record<Status | 'none', string> = {
  none: 'not filed',
  filed: 'filed and awaiting registration',
  awaiting_information: 'awaiting information from the claimant',
  awaiting_respondent: "awaiting the respondent's answer",
  route_negotiation: 'in route negotiation',
  awaiting_neutral: 'awaiting the appointment of a neutral',
  in_mediation: 'in mediation',
  mediation_ended: 'at the end of a mediation without full agreement',
  in_proceedings: 'in proceedings',
  settled: 'settled',
  decided: 'decided',
  withdrawn: 'withdrawn',
  declined: 'declined by the respondent',
  inadmissible: 'declared inadmissible',
  closed_without_resolution: 'closed without resolution',
};

/** Short form used after "while it is ...". */
const STATUS_SHORT: Record<Status | 'none', string> = {
  ...STATUS_WORDS,
  filed: 'filed',
};

export const describeStatus = (status: DisputeState['status']): string => STATUS_WORDS[status] ?? status;

export const describeStatuses = (statuses: readonly Status[]): string => {
  const words = statuses.map((s) => STATUS_SHORT[s] ?? s);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
};

const ROUTE_WORDS: Record<Route, string> = {
  mediation: 'mediation',
  binding_advice: 'binding advice',
  arbitration: 'arbitration',
};

export const describeRoute = (route: Route | undefined): string => (route ? (ROUTE_WORDS[route] ?? route) : 'no route');

export const describeSide = (side: Side): string => (side === 'claimant' ? 'the claimant' : 'the respondent');
