// Case numbers GZC-<year>-<4 digits>, unique and gap-free per year. Each year has its own
// registry stream (`case-numbers-<year>`); registering a dispute appends CaseNumberAssigned to
// that stream and DisputeRegistered to the dispute's stream in ONE atomic multi-stream append,
// each with its expected version. Two racing registrations cannot both win the same number, and
// a failed append assigns none, so no gap appears.

export interface CaseNumberAssigned {
  type: 'CaseNumberAssigned';
  data: { year: number; sequence: number; caseNumber: string; disputeId: string; occurredAt: string };
}

export interface CaseNumberRegistryState {
  year: number;
  lastSequence: number;
}

export const caseNumberStreamId = (year: number): string => `case-numbers-${year}`;

export const formatCaseNumber = (year: number, sequence: number): string => `GZC-${year}-${String(sequence).padStart(4, '0')}`;

export const CASE_NUMBER_PATTERN = /^GZC-(\d{4})-(\d{4,})$/;
