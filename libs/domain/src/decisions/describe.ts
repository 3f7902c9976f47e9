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

// --- Dutch words (plain Dutch, B1) for the same messages ---

const STATUS_WORDS_NL: Record<Status | 'none', string> = {
  none: 'nog niet ingediend',
  filed: 'ingediend en wacht op inschrijving',
  awaiting_information: 'wacht op informatie van de indiener',
  awaiting_respondent: 'wacht op het antwoord van de verweerder',
  route_negotiation: 'in overleg over de procedure',
  awaiting_neutral: 'wacht op de benoeming van een mediator, adviseur of arbiter',
  in_mediation: 'in mediation',
  mediation_ended: 'klaar met mediation zonder volledige overeenstemming',
  in_proceedings: 'in behandeling bij adviseurs of arbiters',
  settled: 'geschikt',
  decided: 'beslist',
  withdrawn: 'ingetrokken',
  declined: 'geweigerd door de verweerder',
  inadmissible: 'niet-ontvankelijk verklaard',
  closed_without_resolution: 'gesloten zonder oplossing',
};

export const dutchStatus = (status: DisputeState['status']): string => STATUS_WORDS_NL[status] ?? status;

export const dutchStatuses = (statuses: readonly Status[]): string => {
  const words = statuses.map((s) => STATUS_WORDS_NL[s] ?? s);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} of ${words[words.length - 1]}`;
};

const ROUTE_WORDS_NL: Record<Route, string> = {
  mediation: 'mediation',
  binding_advice: 'bindend advies',
  arbitration: 'arbitrage',
};

export const dutchRoute = (route: Route | undefined): string => (route ? (ROUTE_WORDS_NL[route] ?? route) : 'geen procedure');

export const dutchSide = (side: Side): string => (side === 'claimant' ? 'de indiener' : 'de verweerder');

const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });

/** A date as a person in the Netherlands reads it: "12 december 2026" (Amsterdam time). */
export const dutchDate = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : DUTCH_DATE.format(new Date(t));
};

/** An organisation's name from the directory, or its id when it is no longer listed. */
export const orgName = (ctx: { directory: { organisation(id: string): { name: string } | undefined } }, id: string): string =>
  ctx.directory.organisation(id)?.name ?? id;

const DUTCH_DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "12 december 2026 om 14:00" (Amsterdam time). */
export const dutchDateTime = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : DUTCH_DATE_TIME.format(new Date(t));
};
