import {
  DEFAULT_POLICIES,
  claimantAgrees,
  neutralFeeShares,
  type Policies,
  allowedActions,
  canSeeDocument,
  canSeeSessionNotes,
  sideOf,
  toAmsterdamIso,
  type Actor,
  type DirectoryView,
  type DisputeState,
  type NeutralOnCase,
} from '../../../../../libs/domain/src';
import { nameForType } from '../../documents/content/file-name';
import { documentUploadPath, OFFERED_ACTIONS } from '../action-table';
import type { CaseView, ConflictCheckView, FeeCostView, NeutralView, OrganisationView } from './views';

const SERVED: ReadonlySet<string> = new Set(OFFERED_ACTIONS);

function organisationView(directory: DirectoryView, id: string): OrganisationView {
  const org = directory.organisation(id);
  if (!org) return { id, name: id, kind: 'unknown' };
  return { id, name: org.name, kind: org.kind, ...(org.kind === 'provider' ? { smallProvider: !!org.smallProvider } : {}) };
}

/** What a nominated neutral sees (rule 2): the fields of CONFLICT_CHECK_FIELDS, the case's id and status. */
export function toConflictCheckView(state: DisputeState, directory: DirectoryView): ConflictCheckView {
  return {
    id: state.disputeId,
    access: 'conflict_check',
    caseNumber: state.caseNumber ?? null,
    status: state.status,
    phase: state.phase ?? '',
    sector: state.sector ?? '',
    subjects: state.subjects,
    route: state.route ?? null,
    summary: state.summary ?? '',
    claimants: state.claimantOrganisationIds.map((id) => organisationView(directory, id)),
    respondents: state.respondentOrganisationIds.map((id) => organisationView(directory, id)),
    filedOnBehalfBy: state.filedOnBehalfBy ? organisationView(directory, state.filedOnBehalfBy) : null,
    allowedActions: [],
  };
}

/** A neutral's term as a reader sees it: without the internal version at which it ended (rule 5). */
const neutralView = (n: NeutralOnCase, directory: DirectoryView): NeutralView => ({
  userId: n.userId,
  name: directory.user(n.userId)?.name ?? n.userId,
  role: n.role,
  // Summaries folded by older code call an ended term `lapsed`.
  status: n.status === 'nominated' || n.status === 'appointed' ? n.status : 'ended',
  chair: n.chair,
  ...(n.nominatedAt ? { nominatedAt: n.nominatedAt } : {}),
  ...(n.appointedAt ? { appointedAt: n.appointedAt } : {}),
  ...(n.endedAt ? { endedAt: n.endedAt } : {}),
  ...(n.endReason ? { endReason: n.endReason } : {}),
});

/**
 * The case as one caller may see it. `asOf` views are history, and so is the record of a former
 * neutral's own term (`termEndedAt`): no actions are offered on them.
 */
export function toCaseView(
  state: DisputeState,
  actor: Actor,
  directory: DirectoryView,
  now: Date,
  asOf?: Date,
  policies: Policies = DEFAULT_POLICIES,
  termEndedAt?: string,
): CaseView {
  const side = sideOf(state, actor) ?? null;
  const isSecretariat = actor.role === 'secretariat';
  const readOnly = asOf !== undefined || termEndedAt !== undefined;
  const actions = readOnly ? [] : allowedActions(state, actor, { now: now.toISOString(), directory }).filter((a) => SERVED.has(a));
  return {
    id: state.disputeId,
    access: termEndedAt !== undefined ? 'term_record' : 'full',
    termEndedAt: termEndedAt ?? null,
    caseNumber: state.caseNumber ?? null,
    status: state.status,
    phase: state.phase ?? '',
    legalFramework: state.legalFramework ?? '',
    sector: state.sector ?? '',
    subjects: state.subjects,
    contractYear: state.contractYear ?? 0,
    summary: state.summary ?? '',
    claims: state.claims,
    amountInDisputeCents: state.amountInDisputeCents ?? 0,
    urgent: state.urgent,
    urgencyReason: state.urgencyReason ?? null,
    initialRoute: state.initialRoute ?? '',
    route: state.route ?? null,
    pendingRouteProposal: state.pendingRouteProposal ?? null,
    pendingEscalation: state.pendingEscalation ?? null,
    claimants: state.claimantOrganisationIds.map((id) => organisationView(directory, id)),
    respondents: state.respondentOrganisationIds.map((id) => organisationView(directory, id)),
    filedOnBehalfBy: state.filedOnBehalfBy ? organisationView(directory, state.filedOnBehalfBy) : null,
    yourSide: side,
    neutrals: state.neutrals.map((n) => neutralView(n, directory)),
    challenges: state.challenges,
    // Rule 21: stored in UTC, also given in Amsterdam time with its offset, as people read it.
    deadlines: state.deadlines.map((d) => ({ ...d, dueAtAmsterdam: toAmsterdamIso(d.dueAt) })),
    // Session notes are the mediator's alone; everyone else sees that a session was held.
    sessions: canSeeSessionNotes(state, actor) ? state.sessions : state.sessions.map(({ notes: _notes, ...session }) => session),
    hearings: state.hearings,
    statements: state.statements,
    documents: state.documents
      .filter((d) => canSeeDocument(d, state, actor))
      // Offered under a name that fits its type, also when recorded before that rule.
      .map(({ submittedByUserId: _by, recordedAtVersion: _version, ...d }) => ({ ...d, name: nameForType(d.name, d.mediaType) })),
    administrationFee: state.administrationFee ?? null,
    // Fees are between the disputes body and each party: a party sees its own invoices only.
    invoices: state.invoices.filter((i) => isSecretariat || i.organisationId === actor.organisationId),
    costs: costsOf(state, directory, policies),
    consent: {
      claimantAgrees: claimantAgrees(state),
      respondentsAgreed: state.respondentsAgreeingRoute ?? [],
      respondentsReleased: state.releasedRespondentIds ?? [],
      formerRespondents: state.formerRespondentOrganisationIds ?? [],
    },
    formerClaimants: state.formerClaimantOrganisationIds ?? [],
    hearingWaivedBy: state.hearingWaivedBy ?? [],
    stalled: state.stalled === true,
    outcome: state.outcome ?? null,
    filedAt: state.filedAt ?? '',
    registeredAt: state.registeredAt ?? null,
    appointedAt: state.appointedAt ?? null,
    closedAt: state.closedAt ?? null,
    version: state.version,
    asOf: asOf ? asOf.toISOString() : null,
    allowedActions: actions,
    // submit-document has no action route of its own: it is the multipart upload here.
    documentUploadUrl: actions.includes('submit-document') ? documentUploadPath(state.disputeId) : null,
  };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Rules 18 and 19: the administration fee as registered, and the neutrals' fees as allocated now. */
function costsOf(state: DisputeState, directory: DirectoryView, policies: Policies): FeeCostView[] {
  const name = (id: string) => directory.organisation(id)?.name ?? id;
  const costs: FeeCostView[] = [];
  const admin = state.administrationFee;
  if (admin) {
    costs.push({
      fee: 'administration',
      basis: 'registration',
      totalCents: admin.totalCents,
      costAllocationReason: null,
      shares: admin.shares.map((s) => ({
        organisationId: s.organisationId,
        name: name(s.organisationId),
        pct: admin.totalCents > 0 ? round2((100 * s.amountCents) / admin.totalCents) : 0,
        amountCents: s.amountCents,
      })),
    });
  }
  if (state.route || state.outcome?.decision) {
    const { basis, shares } = neutralFeeShares(state, policies);
    const invoiced = state.invoices.filter((i) => i.kind === 'neutral_fee');
    const total = invoiced.reduce((sum, i) => sum + i.amountCents, 0);
    costs.push({
      fee: 'neutral_fee',
      basis,
      totalCents: invoiced.length > 0 ? total : null,
      costAllocationReason: state.outcome?.decision?.costAllocationReason ?? null,
      shares: shares.map((s) => ({
        organisationId: s.organisationId,
        name: name(s.organisationId),
        pct: round2(s.pct),
        amountCents:
          invoiced.length > 0
            ? invoiced.filter((i) => i.organisationId === s.organisationId).reduce((sum, i) => sum + i.amountCents, 0)
            : null,
      })),
    });
  }
  return costs;
}
