// The compact per-case facts the statistics are aggregated from (table statistics_cases), written
// by the statistics projection alone. One row per filed dispute; instants are ISO 8601 UTC.

export const OUTCOMES = [
  'settled',
  'decided_granted',
  'decided_partially_granted',
  'decided_rejected',
  'withdrawn',
  'declined',
  'inadmissible',
  'closed_without_resolution',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface CaseFacts {
  disputeId: string;
  caseNumber: string | null;
  filedAt: string;
  registeredAt: string | null;
  /** The first appointment of neutrals (an escalation appoints again; that does not count). */
  appointedAt: string | null;
  closedAt: string | null;
  outcome: Outcome | null;
  phase: string;
  legalFramework: string;
  sector: string;
  subjects: string[];
  /** The route the claimant proposed when filing. */
  initialRoute: string;
  /** The route agreed last (changes on escalation); null while no route was ever agreed. */
  finalRoute: string | null;
  claimantKind: string;
  smallProvider: boolean;
  urgent: boolean;
  /** How the submission was answered: accepted (a route agreed) or declined. */
  respondentAnswer: 'accepted' | 'declined' | null;
  respondentAnsweredAt: string | null;
  mediationResult: string | null;
  mediationConcludedAt: string | null;
  /** When an escalation from mediation to binding advice or arbitration was accepted. */
  escalatedAt: string | null;
  /** Log position of the last event folded into these facts. */
  lastPosition: number;
}

export const CASE_FACT_COLUMNS = [
  'dispute_id',
  'case_number',
  'filed_at',
  'registered_at',
  'appointed_at',
  'closed_at',
  'outcome',
  'phase',
  'legal_framework',
  'sector',
  'subjects',
  'initial_route',
  'final_route',
  'claimant_kind',
  'small_provider',
  'urgent',
  'respondent_answer',
  'respondent_answered_at',
  'mediation_result',
  'mediation_concluded_at',
  'escalated_at',
  'last_position',
] as const;

export type CaseFactRow = Record<(typeof CASE_FACT_COLUMNS)[number], string | number | null>;

export const toRowValues = (f: CaseFacts): (string | number | null)[] => [
  f.disputeId,
  f.caseNumber,
  f.filedAt,
  f.registeredAt,
  f.appointedAt,
  f.closedAt,
  f.outcome,
  f.phase,
  f.legalFramework,
  f.sector,
  JSON.stringify(f.subjects),
  f.initialRoute,
  f.finalRoute,
  f.claimantKind,
  f.smallProvider ? 1 : 0,
  f.urgent ? 1 : 0,
  f.respondentAnswer,
  f.respondentAnsweredAt,
  f.mediationResult,
  f.mediationConcludedAt,
  f.escalatedAt,
  f.lastPosition,
];

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export const fromRow = (r: CaseFactRow): CaseFacts => ({
  disputeId: String(r.dispute_id),
  caseNumber: text(r.case_number),
  filedAt: String(r.filed_at),
  registeredAt: text(r.registered_at),
  appointedAt: text(r.appointed_at),
  closedAt: text(r.closed_at),
  outcome: text(r.outcome) as Outcome | null,
  phase: String(r.phase),
  legalFramework: String(r.legal_framework),
  sector: String(r.sector),
  subjects: JSON.parse(String(r.subjects)) as string[],
  initialRoute: String(r.initial_route),
  finalRoute: text(r.final_route),
  claimantKind: String(r.claimant_kind),
  smallProvider: Number(r.small_provider) === 1,
  urgent: Number(r.urgent) === 1,
  respondentAnswer: text(r.respondent_answer) as CaseFacts['respondentAnswer'],
  respondentAnsweredAt: text(r.respondent_answered_at),
  mediationResult: text(r.mediation_result),
  mediationConcludedAt: text(r.mediation_concluded_at),
  escalatedAt: text(r.escalated_at),
  lastPosition: Number(r.last_position),
});
