// The closed vocabularies of docs/domain.md. Arrays first so that DTO validation, OpenAPI and the
// domain share one list; types are derived from them.

export const PHASES = ['precontractual', 'contractual'] as const;
export type Phase = (typeof PHASES)[number];

export const LEGAL_FRAMEWORKS = ['zvw', 'zvw_supplementary', 'wlz'] as const;
export type LegalFramework = (typeof LEGAL_FRAMEWORKS)[number];
/** Municipal frameworks: outside the disputes body's jurisdiction. */
export const OUT_OF_JURISDICTION_FRAMEWORKS = ['wmo', 'jeugdwet'] as const;

export const SECTORS = [
  'general_practice',
  'community_nursing',
  'mental_health',
  'hospital_care',
  'physiotherapy_paramedical',
  'pharmacy',
  'medical_devices',
  'dental',
  'maternity',
  'multidisciplinary',
  'primary_care_stay',
  'wlz_nursing_care',
  'wlz_disability_care',
  'wlz_mental_health',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const SUBJECTS = [
  'tariff',
  'volume_ceiling',
  'contract_terms',
  'quality_requirements',
  'continuity_of_care',
  'payment',
  'multi_year_agreement',
  'procurement_procedure',
  'refusal_to_contract',
  'sector_agreement',
  'other',
] as const;
export type Subject = (typeof SUBJECTS)[number];

export const ROUTES = ['mediation', 'binding_advice', 'arbitration'] as const;
export type Route = (typeof ROUTES)[number];
export const ESCALATION_ROUTES = ['binding_advice', 'arbitration'] as const;
export type EscalationRoute = (typeof ESCALATION_ROUTES)[number];

export const STATUSES = [
  'filed',
  'awaiting_information',
  'awaiting_respondent',
  'route_negotiation',
  'awaiting_neutral',
  'in_mediation',
  'mediation_ended',
  'in_proceedings',
  'settled',
  'decided',
  'withdrawn',
  'declined',
  'inadmissible',
  'closed_without_resolution',
] as const;
export type Status = (typeof STATUSES)[number];
export const TERMINAL_STATUSES: readonly Status[] = [
  'settled',
  'decided',
  'withdrawn',
  'declined',
  'inadmissible',
  'closed_without_resolution',
];

export const ROLES = [
  'provider',
  'insurer',
  'association',
  'mediator',
  'adviser',
  'arbitrator',
  'secretariat',
  'observer',
] as const;
export type Role = (typeof ROLES)[number];
/** The scheduler acts as `system`; no user has this role. */
export type ActorRole = Role | 'system';
export const PARTY_ROLES: readonly Role[] = ['provider', 'insurer', 'association'];
export const NEUTRAL_ROLES = ['mediator', 'adviser', 'arbitrator'] as const;
export type NeutralRole = (typeof NEUTRAL_ROLES)[number];

export const ORGANISATION_KINDS = [
  'provider',
  'insurer',
  /** A Wlz care office (zorgkantoor): on the insurers' side, UZOVI code, its users have role `insurer`. */
  'care_office',
  'association',
  'disputes_body',
  'observer',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const INADMISSIBILITY_REASONS = [
  'outside_jurisdiction',
  'not_a_contracting_dispute',
  'incomplete',
  'duplicate',
  'other',
] as const;
export type InadmissibilityReason = (typeof INADMISSIBILITY_REASONS)[number];

export const MEDIATION_RESULTS = ['full_agreement', 'partial_agreement', 'no_agreement'] as const;
export type MediationResult = (typeof MEDIATION_RESULTS)[number];

export const STATEMENT_KINDS = ['statement_of_claim', 'statement_of_defence', 'reply', 'rejoinder'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const DECISION_OUTCOMES = ['claim_granted', 'claim_partially_granted', 'claim_rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const DOCUMENT_VISIBILITIES = ['parties', 'neutral_only', 'secretariat'] as const;
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];

export const FEE_KINDS = ['administration', 'neutral_fee'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export const DEADLINE_KINDS = [
  'information',
  'respondent_answer',
  'challenge',
  'statement_of_defence',
  'escalation',
  // --- due-process (rules 6, 8, 17) ---
  /** The other side's answer to an escalation request (rule 8). */
  'escalation_answer',
  /** The claimant's choice to go on against the respondents who accepted, after the others declined (rule 6). */
  'continuation',
  /** After a missed information request: the case closes as incomplete unless the secretariat extends (rule 17). */
  'information_grace',
  /** Payment of an invoice (rule 17): missed → FeeOverdue. */
  'fee_payment',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Every action of the lifecycle table, named exactly as the routes of docs/api.md (file-dispute excepted: it creates the case). */
export const ACTIONS = [
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
  'waive-challenge',
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
  'submit-document',
  'extend-deadline',
  'invoice-fee',
  'record-payment',
  // --- due-process (rules 6, 9, 14) ---
  'continue-with-respondents',
  'withdraw-participation',
  'waive-hearing',
] as const;
export type Action = (typeof ACTIONS)[number];

// --- Neutrals' terms (rules 3, 10–13) ---

/** Why a neutral's term on a case ended; recorded in NeutralTermEnded. */
export const NEUTRAL_TERM_END_REASONS = [
  /** The nomination lapsed with the panel it belonged to (another nominee's challenge was upheld). */
  'nomination_lapsed',
  /** A challenge against this neutral was upheld (before or after appointment). */
  'challenge_upheld',
  /** The mediator concluded the mediation: the case moves on without them. */
  'mediation_concluded',
  /** Stored before terms were recorded: the role ended when the case was escalated. */
  'escalated',
] as const;
export type NeutralTermEndReason = (typeof NEUTRAL_TERM_END_REASONS)[number];

/** Days within which a party must challenge an appointed neutral after learning new facts (rule 12). */
export const NEW_FACTS_CHALLENGE_DAYS = 7;
