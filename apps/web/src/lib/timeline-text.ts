import { formatDate, formatEuros } from './format';
import { DEADLINE_LABELS, ROLE_LABELS, ROUTE_LABELS, STATEMENT_KIND_LABELS } from './labels';

export interface TimelineEntry {
  type: string;
  at: string;
  actor: { userId: string; role: string; organisationId?: string } | null;
  data: Record<string, unknown>;
}

const route = (value: unknown) => (ROUTE_LABELS[String(value)] ?? String(value)).toLowerCase();
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** Who did it, as a reader says it: the organisation's name, or "Het secretariaat", "De mediator". */
export function actorName(entry: TimelineEntry, orgName: (id: string) => string | undefined): string {
  const actor = entry.actor;
  if (!actor || actor.role === 'system') return 'Het systeem';
  if (actor.organisationId && ['provider', 'insurer', 'association'].includes(actor.role))
    return orgName(actor.organisationId) ?? ROLE_LABELS[actor.role]!;
  if (actor.role === 'secretariat') return 'Het secretariaat';
  return `De ${(ROLE_LABELS[actor.role] ?? actor.role).toLowerCase()}`;
}

/** One timeline line in Dutch, without the date: "Zorgverzekeraar Noord heeft mediation geaccepteerd". */
export function describeEvent(entry: TimelineEntry, orgName: (id: string) => string | undefined): string {
  const who = actorName(entry, orgName);
  const d = entry.data;
  const names = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => orgName(String(id)) ?? String(id)).join(', ') : '');
  switch (entry.type) {
    case 'DisputeFiled':
      return `${who} heeft de aanvraag ingediend`;
    case 'InformationRequested':
      return `${who} heeft om meer informatie gevraagd`;
    case 'InformationProvided':
      return `${who} heeft de gevraagde informatie gegeven`;
    case 'DisputeDeclaredInadmissible':
      return `${who} heeft de zaak niet-ontvankelijk verklaard`;
    case 'DisputeRegistered':
      return `${who} heeft de zaak ingeschreven${d.caseNumber ? ` als ${str(d.caseNumber)}` : ''}`;
    case 'RespondentInvited': {
      const deadline = d.deadline as { dueAt?: string } | undefined;
      return `${names(d.respondentOrganisationIds) || 'De wederpartij'} is uitgenodigd om te antwoorden${deadline?.dueAt ? `, uiterlijk ${formatDate(deadline.dueAt)}` : ''}`;
    }
    case 'SubmissionAccepted':
      return `${d.respondentOrganisationId ? (orgName(str(d.respondentOrganisationId)) ?? who) : who} heeft ${route(d.route)} geaccepteerd`;
    case 'SubmissionDeclined':
      return d.reason === 'no_answer'
        ? `${d.respondentOrganisationId ? orgName(str(d.respondentOrganisationId)) : 'De wederpartij'} heeft niet op tijd geantwoord; dat telt als niet meedoen`
        : `${d.respondentOrganisationId ? (orgName(str(d.respondentOrganisationId)) ?? who) : who} doet niet mee`;
    case 'RouteProposed':
      return `${who} heeft ${route(d.route)} voorgesteld`;
    case 'NeutralsNominated':
      return `${who} heeft een ${d.role === 'mediator' ? 'mediator' : d.role === 'arbitrator' ? 'arbiter' : d.role === 'adviser' ? 'adviseur' : 'adviseur of arbiter'} voorgesteld`;
    case 'NeutralTermEnded':
      return `De rol van de ${d.role === 'mediator' ? 'mediator' : d.role === 'arbitrator' ? 'arbiter' : 'adviseur'} in deze zaak is geëindigd`;
    case 'NeutralChallenged':
      return `${who} heeft bezwaar gemaakt tegen een voorgestelde neutrale (wraking)`;
    case 'ChallengeUpheld':
      return `${who} heeft het bezwaar toegewezen`;
    case 'ChallengeRejected':
      return `${who} heeft het bezwaar afgewezen`;
    case 'NeutralsAppointed':
      return `${who} heeft de ${d.route === 'mediation' ? 'mediator' : 'neutrale'} benoemd`;
    case 'SessionScheduled':
      return `${who} heeft een gesprek gepland op ${d.startsAt ? formatDate(str(d.startsAt)) : 'een nieuwe datum'}`;
    case 'SessionHeld':
      return `Het gesprek met de mediator heeft plaatsgevonden`;
    case 'MediationConcluded':
      return `De mediation is afgerond: ${d.result === 'full_agreement' ? 'de partijen zijn het eens' : d.result === 'partial_agreement' ? 'de partijen zijn het deels eens' : 'geen overeenstemming'}`;
    case 'EscalationRequested':
      return `${who} wil verder met ${route(d.route)}`;
    case 'EscalationAccepted':
      return `${who} gaat akkoord met het vervolg`;
    case 'EscalationDeclined':
      return d.reason === 'no_answer'
        ? 'Er kwam geen antwoord op het verzoek om een vervolg; dat telt als nee'
        : `${who} gaat niet akkoord met het vervolg`;
    case 'StatementSubmitted':
      return `${who} heeft een ${(STATEMENT_KIND_LABELS[str(d.kind)] ?? 'processtuk').split(' (')[0]!.toLowerCase()} ingediend`;
    case 'HearingScheduled':
      return `${who} heeft een zitting gepland op ${d.startsAt ? formatDate(str(d.startsAt)) : 'een nieuwe datum'}`;
    case 'HearingHeld':
      return 'De zitting heeft plaatsgevonden';
    case 'DecisionRendered':
      return `${who} heeft beslist: ${d.outcome === 'claim_granted' ? 'het verzoek is toegewezen' : d.outcome === 'claim_partially_granted' ? 'het verzoek is deels toegewezen' : 'het verzoek is afgewezen'}`;
    case 'DisputeWithdrawn':
      return `${who} heeft de zaak ingetrokken`;
    case 'SettledByParties':
      return 'De partijen zijn het samen eens geworden';
    case 'DocumentSubmitted':
      return `${who} heeft het document ${str(d.name) || ''} toegevoegd`.replace('  ', ' ');
    case 'DeadlineExtended':
      return `${who} heeft een termijn verlengd${d.dueAt ? ` tot ${formatDate(str(d.dueAt))}` : ''}`;
    case 'DeadlineMissed':
      return `Een termijn is verlopen: ${(DEADLINE_LABELS[str(d.kind)] ?? 'termijn').toLowerCase()}`;
    case 'FeeInvoiced':
      return `${who} heeft een rekening gestuurd aan ${orgName(str(d.organisationId)) ?? 'een partij'}${typeof d.amountCents === 'number' ? ` van ${formatEuros(d.amountCents)}` : ''}`;
    case 'FeePaid':
      return `Een rekening is betaald${typeof d.amountCents === 'number' ? ` (${formatEuros(d.amountCents)})` : ''}`;
    case 'DisputeClosedWithoutResolution':
      return 'De zaak is gesloten zonder oplossing';
    case 'ChallengeWaived':
      return `${who} ziet af van bezwaar tegen de voorgestelde neutrale`;
    case 'HearingWaived':
      return `${who} vindt een zitting niet nodig`;
    case 'ParticipationWithdrawn':
      return `${who} doet niet meer mee`;
    case 'ContinuedWithRespondents':
      return `${who} gaat verder met de partijen die meedoen`;
    default:
      return `${who}: ${entry.type}`;
  }
}
