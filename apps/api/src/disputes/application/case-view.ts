import {
  allowedActions,
  canSeeDocument,
  canSeeSessionNotes,
  sideOf,
  type Actor,
  type DirectoryView,
  type DisputeState,
} from '../../../../../libs/domain/src';
import { nameForType } from '../../documents/content/file-name';
import { documentUploadPath, OFFERED_ACTIONS } from '../action-table';
import type { CaseView, OrganisationView } from './views';

const SERVED: ReadonlySet<string> = new Set(OFFERED_ACTIONS);

function organisationView(directory: DirectoryView, id: string): OrganisationView {
  const org = directory.organisation(id);
  if (!org) return { id, name: id, kind: 'unknown' };
  return { id, name: org.name, kind: org.kind, ...(org.kind === 'provider' ? { smallProvider: !!org.smallProvider } : {}) };
}

/** The case as one caller may see it. `asOf` views are history: no actions are offered on them. */
export function toCaseView(
  state: DisputeState,
  actor: Actor,
  directory: DirectoryView,
  now: Date,
  asOf?: Date,
): CaseView {
  const side = sideOf(state, actor) ?? null;
  const isSecretariat = actor.role === 'secretariat';
  const actions = asOf ? [] : allowedActions(state, actor, { now: now.toISOString(), directory }).filter((a) => SERVED.has(a));
  return {
    id: state.disputeId,
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
    neutrals: state.neutrals.map((n) => ({ ...n, name: directory.user(n.userId)?.name ?? n.userId })),
    challenges: state.challenges,
    deadlines: state.deadlines,
    // Session notes are the mediator's alone; everyone else sees that a session was held.
    sessions: canSeeSessionNotes(state, actor) ? state.sessions : state.sessions.map(({ notes: _notes, ...session }) => session),
    hearings: state.hearings,
    statements: state.statements,
    documents: state.documents
      .filter((d) => canSeeDocument(d, state, actor))
      // Offered under a name that fits its type, also when recorded before that rule.
      .map(({ submittedByUserId: _by, ...d }) => ({ ...d, name: nameForType(d.name, d.mediaType) })),
    administrationFee: state.administrationFee ?? null,
    // Fees are between the disputes body and each party: a party sees its own invoices only.
    invoices: state.invoices.filter((i) => isSecretariat || i.organisationId === actor.organisationId),
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
