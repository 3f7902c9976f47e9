import type { DeadlineKind } from '../../domain/src';

// The Dutch words for the domain's codes, in plain language (B1).

export const ROUTE_NL: Record<string, string> = {
  mediation: 'mediation (u zoekt samen met een mediator naar een oplossing)',
  binding_advice: 'bindend advies (een adviseur beslist, en u houdt zich daaraan)',
  arbitration: 'arbitrage (een arbiter beslist, zoals een rechter)',
};

export const ROUTE_SHORT_NL: Record<string, string> = {
  mediation: 'mediation',
  binding_advice: 'bindend advies',
  arbitration: 'arbitrage',
};

export const NEUTRAL_ROLE_NL: Record<string, string> = {
  mediator: 'mediator',
  adviser: 'bindend adviseur',
  arbitrator: 'arbiter',
};

export const DEADLINE_TASK_NL: Record<DeadlineKind, string> = {
  information: 'de gevraagde informatie sturen',
  respondent_answer: 'antwoorden op het verzoek om dit geschil voor te leggen',
  challenge: 'bezwaar maken tegen de voorgestelde neutrale persoon (wraking)',
  statement_of_defence: 'het verweerschrift indienen',
  escalation: 'laten weten of u verder wilt met bindend advies of arbitrage',
  escalation_answer: 'antwoorden op het verzoek om verder te gaan met bindend advies of arbitrage',
  continuation: 'kiezen of u doorgaat tegen de partijen die wel meedoen, of de aanvraag intrekt',
  information_grace: 'de gevraagde informatie alsnog sturen',
  fee_payment: 'de factuur betalen',
};

export const DEADLINE_MISSED_NL: Record<DeadlineKind, string> = {
  information:
    'De informatie is niet op tijd gekomen. Het secretariaat zet de zaak stil. Komt de informatie niet binnen 7 dagen, dan sluit het secretariaat de zaak.',
  respondent_answer:
    'Er is niet op tijd geantwoord. Geen antwoord telt als nee: de zaak gaat niet verder tegen de partij die niet antwoordde.',
  challenge: 'De termijn voor bezwaar is voorbij. Er kan nu alleen nog bezwaar komen op grond van nieuwe feiten.',
  statement_of_defence:
    'Het verweerschrift is niet op tijd gekomen. De beslissers mogen nu beslissen op basis van de stukken die er zijn.',
  escalation: 'Er is niet op tijd gekozen voor een vervolg. De zaak wordt gesloten zonder oplossing.',
  escalation_answer: 'Er is niet op tijd geantwoord. Geen antwoord telt als nee: de zaak wordt gesloten zonder oplossing.',
  continuation: 'Er is niet op tijd gekozen. Het secretariaat laat u weten wat er nu gebeurt.',
  information_grace: 'De informatie is ook na de extra tijd niet gekomen. De zaak wordt gesloten omdat de aanvraag niet compleet is.',
  fee_payment: 'De factuur is niet op tijd betaald. Het secretariaat neemt contact met u op.',
};

export const STATEMENT_NL: Record<string, string> = {
  statement_of_claim: 'een eis (het stuk waarin staat wat gevraagd wordt)',
  statement_of_defence: 'een verweerschrift (het antwoord op de eis)',
  reply: 'een reactie op het verweer (repliek)',
  rejoinder: 'een laatste reactie (dupliek)',
};

export const OUTCOME_NL: Record<string, string> = {
  claim_granted: 'De eis is toegewezen.',
  claim_partially_granted: 'De eis is voor een deel toegewezen.',
  claim_rejected: 'De eis is afgewezen.',
};

export const MEDIATION_RESULT_NL: Record<string, string> = {
  full_agreement: 'U bent het samen helemaal eens geworden. De zaak is daarmee opgelost.',
  partial_agreement: 'U bent het over een deel eens geworden.',
  no_agreement: 'U bent het samen niet eens geworden.',
};

export const CLOSED_AS_NL: Record<string, string> = {
  settled: 'De partijen hebben samen een oplossing gevonden.',
  withdrawn: 'De aanvraag is ingetrokken.',
  declined: 'De andere partij wil dit geschil niet aan ons voorleggen.',
  closed_without_resolution: 'De zaak is gesloten zonder oplossing.',
  inadmissible: 'De zaak is niet in behandeling genomen.',
  decided: 'Er is een beslissing.',
};

export const INADMISSIBLE_NL: Record<string, string> = {
  outside_jurisdiction: 'Dit geschil valt buiten wat wij mogen behandelen.',
  not_a_contracting_dispute: 'Dit is geen geschil over een zorgcontract.',
  incomplete: 'De aanvraag is niet compleet.',
  duplicate: 'Deze aanvraag is al eerder ingediend.',
  other: 'Het secretariaat legt de reden uit op de pagina van de zaak.',
};
