import { formatCaseNumber, type CaseNumberAssigned, type CaseNumberRegistryState } from './case-numbers';

// The per-year registry of case numbers, itself a tiny decider: its stream holds one
// CaseNumberAssigned per registered dispute, so the next number is always last + 1 (gap-free).

export const initialCaseNumberState = (year: number): CaseNumberRegistryState => ({ year, lastSequence: 0 });

export const evolveCaseNumbers = (state: CaseNumberRegistryState, e: CaseNumberAssigned): CaseNumberRegistryState =>
  e.data.year === state.year ? { year: state.year, lastSequence: Math.max(state.lastSequence, e.data.sequence) } : state;

const dutchYear = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric' });

/**
 * The year a case number belongs to: the calendar year in the Netherlands, so a case registered
 * at 00:30 on 1 January (23:30 UTC the day before) opens the new year's series.
 */
export const caseNumberYear = (now: string): number => Number(dutchYear.format(new Date(now)));

/** The next case number for `now`'s year. A registry state of another year counts as empty. */
export const assignCaseNumber = (state: CaseNumberRegistryState, disputeId: string, now: string): CaseNumberAssigned => {
  const year = caseNumberYear(now);
  const sequence = (state.year === year ? state.lastSequence : 0) + 1;
  return { type: 'CaseNumberAssigned', data: { year, sequence, caseNumber: formatCaseNumber(year, sequence), disputeId, occurredAt: now } };
};
