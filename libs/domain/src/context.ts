import type { ActorRole, DeadlineKind, OrganisationKind, Role } from './vocabulary';

/** Who asks. Identity always comes from the token, never from a body. */
export interface Actor {
  userId: string;
  role: ActorRole;
  organisationId?: string;
}

export interface OrganisationInfo {
  id: string;
  kind: OrganisationKind;
  name: string;
  /** Providers only: turnover under EUR 325,000 or at most 10 professionals. */
  smallProvider?: boolean;
  /** Associations only: the member provider organisations. */
  members?: string[];
}

export interface UserInfo {
  id: string;
  name: string;
  role: Role;
  organisationId: string;
  /** Where the person is reached (notifications); optional for users from before emails. */
  email?: string;
}

/** A synchronous view of the directory, so the domain can check parties without I/O. */
export interface DirectoryView {
  organisation(id: string): OrganisationInfo | undefined;
  user(id: string): UserInfo | undefined;
}

export interface Policies {
  /** Default deadline lengths in days; halved (rounded up) for urgent cases. */
  deadlineDays: Record<DeadlineKind, number>;
  /** Administration fee charged at registration, in euro cents. */
  administrationFeeCents: number;
  /** Percentage of the administration fee the respondent bears when the claimant is a small provider. */
  smallProviderRespondentSharePct: number;
}

export const DEFAULT_POLICIES: Policies = {
  deadlineDays: {
    information: 14,
    respondent_answer: 14,
    challenge: 7,
    statement_of_defence: 28,
    escalation: 30,
    escalation_answer: 14,
    continuation: 7,
    information_grace: 7,
    fee_payment: 30,
  },
  administrationFeeCents: 50_000,
  smallProviderRespondentSharePct: 50,
};

/** Everything decide() may know besides the command and the state: the domain reads no clock or database. */
export interface DecisionContext {
  actor: Actor;
  /** The clock's now, ISO 8601. */
  now: string;
  policies: Policies;
  directory: DirectoryView;
}
