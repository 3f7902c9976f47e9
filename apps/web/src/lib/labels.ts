// Dutch words for the API's English codes. Everything a person reads is Dutch (B1); explanations
// keep the legal term and say what it means. Each map `satisfies` the domain's vocabulary, so a new
// code without its Dutch words fails the typecheck instead of reaching a page in English.
import type { DeadlineStatus } from '../../../../libs/domain/src/state';
import type {
  ActorRole,
  DeadlineKind,
  DocumentVisibility,
  LegalFramework,
  OrganisationKind,
  Phase,
  Route,
  Sector,
  StatementKind,
  Status,
  Subject,
} from '../../../../libs/domain/src/vocabulary';

export const PHASE_LABELS: Record<string, { label: string; hint: string }> = {
  precontractual: { label: 'Precontractueel', hint: 'Voordat er een contract is: u onderhandelt nog, of er komt geen contract.' },
  contractual: { label: 'Contractueel', hint: 'Er is een contract en het geschil gaat over de uitvoering ervan.' },
} satisfies Record<Phase, { label: string; hint: string }>;

export const FRAMEWORK_LABELS: Record<string, { label: string; hint: string }> = {
  zvw: { label: 'Zorgverzekeringswet (Zvw)', hint: 'Basisverzekering. U heeft een contract met een zorgverzekeraar.' },
  zvw_supplementary: { label: 'Aanvullende verzekering', hint: 'Zorg uit de aanvullende verzekering, samen met Zvw-zorg ingekocht.' },
  wlz: { label: 'Wet langdurige zorg (Wlz)', hint: 'Langdurige zorg. U heeft een contract met een zorgkantoor.' },
} satisfies Record<LegalFramework, { label: string; hint: string }>;

export const SECTOR_LABELS: Record<string, string> = {
  general_practice: 'Huisartsenzorg',
  community_nursing: 'Wijkverpleging',
  mental_health: 'Geestelijke gezondheidszorg (ggz)',
  hospital_care: 'Medisch-specialistische zorg',
  physiotherapy_paramedical: 'Fysiotherapie en paramedische zorg',
  pharmacy: 'Farmacie (apotheek)',
  medical_devices: 'Hulpmiddelen',
  dental: 'Mondzorg',
  maternity: 'Geboortezorg',
  multidisciplinary: 'Multidisciplinaire zorg',
  primary_care_stay: 'Eerstelijnsverblijf',
  wlz_nursing_care: 'Wlz: verpleging en verzorging',
  wlz_disability_care: 'Wlz: gehandicaptenzorg',
  wlz_mental_health: 'Wlz: ggz',
  other: 'Anders',
} satisfies Record<Sector, string>;

export const SUBJECT_LABELS: Record<string, { label: string; hint: string }> = {
  tariff: { label: 'Tarief', hint: 'De prijs die u krijgt voor de zorg.' },
  volume_ceiling: { label: 'Omzetplafond of budgetplafond', hint: 'Het maximale bedrag dat u per jaar mag declareren.' },
  contract_terms: { label: 'Contractvoorwaarden', hint: 'De regels in het contract.' },
  quality_requirements: { label: 'Kwaliteitseisen', hint: 'Eisen aan de zorg of aan uw praktijk.' },
  continuity_of_care: {
    label: 'Doorlevering van zorg of cliëntenstop',
    hint: 'U moet stoppen met nieuwe cliënten, of zorg moet doorgaan.',
  },
  payment: { label: 'Betaling', hint: 'Declaraties die niet of te laat betaald worden.' },
  multi_year_agreement: { label: 'Meerjarige afspraak', hint: 'Afspraken over meer dan één jaar.' },
  procurement_procedure: { label: 'Inkoopprocedure', hint: 'De manier en het tijdpad van de zorginkoop.' },
  refusal_to_contract: { label: 'Weigering om te contracteren', hint: 'De verzekeraar of het zorgkantoor wil geen contract.' },
  sector_agreement: { label: 'Bestuurlijk akkoord', hint: 'Landelijke afspraken die niet worden nagekomen.' },
  other: { label: 'Iets anders', hint: 'Beschrijf het in uw samenvatting.' },
} satisfies Record<Subject, { label: string; hint: string }>;

export const ROUTE_LABELS: Record<string, string> = {
  mediation: 'Mediation',
  binding_advice: 'Bindend advies',
  arbitration: 'Arbitrage',
} satisfies Record<Route, string>;

export const STATUS_LABELS: Record<string, string> = {
  filed: 'Ingediend, wacht op het secretariaat',
  awaiting_information: 'Wacht op informatie van de indiener',
  awaiting_respondent: 'Wacht op antwoord van de wederpartij',
  route_negotiation: 'Overleg over de route',
  awaiting_neutral: 'Wacht op benoeming mediator of adviseur',
  in_mediation: 'Mediation loopt',
  mediation_ended: 'Mediation afgelopen zonder (volledige) oplossing',
  in_proceedings: 'Procedure loopt',
  settled: 'Opgelost: de partijen zijn het eens',
  decided: 'Beslist',
  withdrawn: 'Ingetrokken',
  declined: 'Afgewezen door de wederpartij',
  inadmissible: 'Niet-ontvankelijk',
  closed_without_resolution: 'Gesloten zonder oplossing',
} satisfies Record<Status, string>;

export const ROLE_LABELS: Record<string, string> = {
  provider: 'Zorgaanbieder',
  insurer: 'Zorgverzekeraar of zorgkantoor',
  association: 'Branche- of beroepsorganisatie',
  mediator: 'Mediator',
  adviser: 'Bindend adviseur',
  arbitrator: 'Arbiter',
  secretariat: 'Secretariaat',
  observer: 'Begeleidingscommissie',
  system: 'Het systeem',
} satisfies Record<ActorRole, string>;

export const ORGANISATION_KIND_LABELS: Record<string, string> = {
  provider: 'Zorgaanbieder',
  insurer: 'Zorgverzekeraar',
  care_office: 'Zorgkantoor',
  association: 'Branche- of beroepsorganisatie',
  disputes_body: 'Geschilleninstantie',
  observer: 'Toezicht',
} satisfies Record<OrganisationKind, string>;

export const DEADLINE_LABELS: Record<string, string> = {
  information: 'Informatie aanleveren',
  respondent_answer: 'Antwoord van de wederpartij',
  challenge: 'Bezwaar maken tegen de voorgestelde mediator of adviseur (wraking)',
  statement_of_defence: 'Verweerschrift indienen',
  escalation: 'Kiezen voor een vervolgprocedure',
  escalation_answer: 'Antwoord op het verzoek om een vervolgprocedure',
  continuation: 'Kiezen: doorgaan met de partijen die meedoen, of intrekken',
  information_grace: 'Informatie alsnog aanleveren',
  fee_payment: 'Factuur betalen',
} satisfies Record<DeadlineKind, string>;

/** How a deadline that is no longer open stands (an open one says how many days are left). */
export const DEADLINE_STATUS_LABELS: Record<string, string> = {
  met: 'gehaald',
  missed: 'verlopen',
  // Rule 13: nobody challenged within the period (or all waived and the neutral was appointed).
  lapsed: 'niet gebruikt',
  // The case ended or moved on first: the deadline no longer applies.
  cancelled: 'vervallen',
} satisfies Record<Exclude<DeadlineStatus, 'open'>, string>;

/** The "Stand" of a closed deadline. A challenge period is not "gehaald" but used: a party objected in it. */
export function deadlineStatusLabel(kind: string, status: string): string {
  if (kind === 'challenge' && status === 'met') return 'gebruikt';
  return DEADLINE_STATUS_LABELS[status] ?? status;
}

export const VISIBILITY_LABELS: Record<string, { label: string; hint: string }> = {
  parties: { label: 'Alle partijen', hint: 'De wederpartij, de mediator of adviseur en het secretariaat kunnen het zien.' },
  neutral_only: {
    label: 'Alleen de mediator of adviseur',
    hint: 'De wederpartij ziet het niet. Wat in mediation gezegd wordt, blijft in mediation.',
  },
  secretariat: { label: 'Alleen het secretariaat', hint: 'Bijvoorbeeld een betaalbewijs.' },
} satisfies Record<DocumentVisibility, { label: string; hint: string }>;

export const STATEMENT_KIND_LABELS: Record<string, string> = {
  statement_of_claim: 'Eisenverzoek (uw standpunt en wat u vraagt)',
  statement_of_defence: 'Verweerschrift (antwoord op het eisenverzoek)',
  reply: 'Repliek (reactie op het verweer)',
  rejoinder: 'Dupliek (reactie op de repliek)',
} satisfies Record<StatementKind, string>;

export const DECLINE_REASON_LABELS: Record<string, string> = {
  no_answer: 'geen antwoord gegeven binnen de termijn',
};

export const label = (table: Record<string, string | { label: string }>, code: string | null | undefined): string => {
  if (code === null || code === undefined) return '';
  const entry = table[code];
  if (entry === undefined) return code;
  return typeof entry === 'string' ? entry : entry.label;
};
