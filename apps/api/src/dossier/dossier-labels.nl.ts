// Dutch words for the dossier's PDF (B1), short as a list needs them; the sentences for outcomes
// come from libs/notifications (wording.ts). The portal keeps its own labels for its pages (an app
// never imports another app, lint:deps).

export const STATUS_NL: Record<string, string> = {
  filed: 'Ingediend',
  awaiting_information: 'Wacht op informatie van de indiener',
  awaiting_respondent: 'Wacht op antwoord van de wederpartij',
  route_negotiation: 'Overleg over de route',
  awaiting_neutral: 'Wacht op benoeming van een neutrale',
  in_mediation: 'Mediation loopt',
  mediation_ended: 'Mediation afgelopen zonder volledige oplossing',
  in_proceedings: 'Procedure loopt',
  settled: 'Opgelost: de partijen zijn het eens',
  decided: 'Beslist',
  withdrawn: 'Ingetrokken',
  declined: 'Afgewezen door de wederpartij',
  inadmissible: 'Niet-ontvankelijk',
  closed_without_resolution: 'Gesloten zonder oplossing',
};

export const ROUTE_NL: Record<string, string> = { mediation: 'Mediation', binding_advice: 'Bindend advies', arbitration: 'Arbitrage' };

export const ROLE_NL: Record<string, string> = {
  provider: 'Zorgaanbieder',
  insurer: 'Zorgverzekeraar of zorgkantoor',
  association: 'Branche- of beroepsorganisatie',
  mediator: 'Mediator',
  adviser: 'Bindend adviseur',
  arbitrator: 'Arbiter',
  secretariat: 'Secretariaat',
  system: 'Het systeem',
};

export const FEE_KIND_NL: Record<string, string> = { administration: 'Inschrijfkosten', neutral_fee: 'Kosten van de neutrale' };

export const TERM_STATUS_NL: Record<string, string> = {
  nominated: 'voorgedragen',
  appointed: 'benoemd',
  ended: 'taak beëindigd',
  lapsed: 'vervallen',
};

/** One line per event type; unknown types show their code, so nothing is silently dropped. */
export const EVENT_NL: Record<string, string> = {
  DisputeFiled: 'Aanvraag ingediend',
  InformationRequested: 'Om meer informatie gevraagd',
  InformationProvided: 'Gevraagde informatie gegeven',
  DisputeDeclaredInadmissible: 'Niet-ontvankelijk verklaard',
  DisputeRegistered: 'Zaak ingeschreven',
  RespondentInvited: 'Wederpartij uitgenodigd om te antwoorden',
  SubmissionAccepted: 'Route geaccepteerd',
  SubmissionDeclined: 'Wederpartij doet niet mee',
  RouteProposed: 'Andere route voorgesteld',
  RespondentsContinued: 'Verder met de wederpartijen die meedoen',
  NeutralsNominated: 'Neutrale(n) voorgesteld',
  ChallengeWaived: 'Afgezien van wraking',
  NeutralChallenged: 'Bezwaar tegen een neutrale (wraking)',
  ChallengeUpheld: 'Bezwaar toegewezen',
  ChallengeRejected: 'Bezwaar afgewezen',
  NeutralsAppointed: 'Neutrale(n) benoemd',
  SessionScheduled: 'Gesprek gepland',
  SessionHeld: 'Gesprek gehouden',
  MediationConcluded: 'Mediation afgerond',
  EscalationRequested: 'Vervolgprocedure gevraagd',
  EscalationAccepted: 'Akkoord met vervolgprocedure',
  EscalationDeclined: 'Niet akkoord met vervolgprocedure',
  StatementSubmitted: 'Processtuk ingediend',
  HearingScheduled: 'Zitting gepland',
  HearingHeld: 'Zitting gehouden',
  HearingWaived: 'Afgezien van een zitting',
  DecisionRendered: 'Beslissing genomen',
  DisputeWithdrawn: 'Zaak ingetrokken',
  ParticipationWithdrawn: 'Deelname ingetrokken',
  SettledByParties: 'Partijen zijn het eens geworden',
  DocumentSubmitted: 'Document ingediend',
  DeadlineExtended: 'Termijn verlengd',
  DeadlineMissed: 'Termijn verstreken',
  FeeInvoiced: 'Factuur verstuurd',
  FeePaid: 'Betaling ontvangen',
  FeeOverdue: 'Betaling te laat',
  CaseStalled: 'Zaak staat stil',
  DisputeClosedWithoutResolution: 'Zaak gesloten zonder oplossing',
};

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
const EUROS = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** A moment as the Dutch reader reads it, in Amsterdam time (rule 21). */
export const formatMoment = (iso: string | undefined): string => (iso ? DATE_TIME.format(new Date(iso)) : 'onbekend');
export const formatEuros = (cents: number | undefined): string => (cents === undefined ? 'onbekend' : EUROS.format(cents / 100));
