import { LEGAL_FRAMEWORKS, PHASES, ROUTES, SECTORS, SUBJECTS } from '../../../domain/src';
import { OUTCOMES } from './case-facts';

// Every count the statistics publish, per scope (the whole window, and each period), by a dotted
// name that is also its place in the JSON answer. Rates and durations are derived from counts.

export const CLAIMANT_KINDS = ['provider', 'insurer', 'association'] as const;
export const FINAL_ROUTES = [...ROUTES, 'none'] as const;

/** Each breakdown, keyed by its JSON field, with its categories. */
export const BREAKDOWNS = {
  byPhase: PHASES,
  byLegalFramework: LEGAL_FRAMEWORKS,
  bySector: SECTORS,
  bySubject: SUBJECTS,
  byInitialRoute: ROUTES,
  byFinalRoute: FINAL_ROUTES,
  byClaimantKind: CLAIMANT_KINDS,
  outcomes: OUTCOMES,
} as const satisfies Record<string, readonly string[]>;
export type Breakdown = keyof typeof BREAKDOWNS;

export const COUNT_CELLS: readonly string[] = [
  'filed',
  'registered',
  'closed',
  'openAtEnd',
  ...Object.entries(BREAKDOWNS).flatMap(([name, keys]) => keys.map((k) => `${name}.${k}`)),
  'smallProviderShare.count',
  'respondentConsentRate.answered',
  'respondentConsentRate.consented',
  'mediation.concluded',
  'mediation.fullAgreement',
  'mediation.partialAgreement',
  'mediation.noAgreement',
  'escalations',
  'durationsDays.filingToAppointment.n',
  'deadlinesMissed',
];

export const CELL_INDEX: ReadonlyMap<string, number> = new Map(COUNT_CELLS.map((name, i) => [name, i]));
export const cell = (name: string): number => {
  const i = CELL_INDEX.get(name);
  if (i === undefined) throw new Error(`Unknown statistics cell ${name}`);
  return i;
};

export const DURATIONS = ['filingToRegistration', 'filingToAppointment', 'filingToClosure'] as const;
export type DurationName = (typeof DURATIONS)[number];
/** The count each duration is taken over: hiding that count hides the duration too. */
export const DURATION_POPULATION: Record<DurationName, string> = {
  filingToRegistration: 'registered',
  filingToAppointment: 'durationsDays.filingToAppointment.n',
  filingToClosure: 'closed',
};

/** Rates: numerator and denominator cells. A rate is withheld when either of them is. */
export const RATES = {
  'smallProviderShare.share': ['smallProviderShare.count', 'filed'],
  'respondentConsentRate.rate': ['respondentConsentRate.consented', 'respondentConsentRate.answered'],
  'mediation.successRate': ['mediation.fullAgreement', 'mediation.concluded'],
} as const;

/**
 * The additive identities inside one scope, as lists of cells whose values are tied by one linear
 * equation (total = sum of parts, or parts of two totals): knowing all but one recovers it.
 */
export const SCOPE_RELATIONS: readonly (readonly string[])[] = [
  ...(['byPhase', 'byLegalFramework', 'bySector', 'byInitialRoute', 'byClaimantKind'] as const).map((b) => [
    'filed',
    ...BREAKDOWNS[b].map((k) => `${b}.${k}`),
  ]),
  ...(['outcomes', 'byFinalRoute'] as const).map((b) => ['closed', ...BREAKDOWNS[b].map((k) => `${b}.${k}`)]),
  ['mediation.concluded', 'mediation.fullAgreement', 'mediation.partialAgreement', 'mediation.noAgreement'],
  // A declined submission closes the case at once: answered = consented + declined.
  ['respondentConsentRate.answered', 'respondentConsentRate.consented', 'outcomes.declined'],
];

/** Cells that add up over periods: the whole window's value is the sum of its periods'. */
export const ADDITIVE_CELLS: readonly string[] = COUNT_CELLS.filter((c) => c !== 'openAtEnd');
