import { describeDaysLeft, daysLeft, formatDeadline } from './format';
import { ROUTE_LABELS } from './labels';

/** The parts of the case view this text needs (a subset of GET /api/disputes/{id}). */
export interface NextStepCase {
  status: string;
  route: string | null;
  yourSide: 'claimant' | 'respondent' | null;
  claimants: { name: string }[];
  respondents: { name: string }[];
  deadlines: { kind: string; dueAt: string; status: string; side?: string }[];
  pendingRouteProposal: { route: string; side: string } | null;
  pendingEscalation: { route: string; side: string } | null;
  outcome: { status: string } | null;
}

export interface NextStep {
  /** Who acts next, from the reader's point of view ("U", "Zorgverzekeraar Noord", "Het secretariaat"). */
  who: string;
  /** What they do, one or two short sentences. */
  what: string;
  /** True when the reader (their organisation) is the one to act. */
  youAct: boolean;
  /** The open deadline that applies, if any, with Dutch text for it. */
  deadline: { dueAt: string; text: string } | null;
  /** What happens if nobody acts. */
  ifNobody: string;
}

const names = (orgs: { name: string }[]): string => {
  const list = orgs.map((o) => o.name);
  if (list.length <= 1) return list[0] ?? 'de wederpartij';
  return `${list.slice(0, -1).join(', ')} en ${list[list.length - 1]}`;
};

const openDeadline = (c: NextStepCase, kind: string) => c.deadlines.find((d) => d.kind === kind && d.status === 'open') ?? null;

const deadlineText = (d: { dueAt: string } | null, now: string): NextStep['deadline'] =>
  d ? { dueAt: d.dueAt, text: `uiterlijk ${formatDeadline(d.dueAt)} (${describeDaysLeft(daysLeft(d.dueAt, now))})` } : null;

/** "Wat gebeurt er nu?" for a case, from the reader's side. Pure: `now` is passed in. */
export function nextStep(c: NextStepCase, now: string): NextStep {
  const side = c.yourSide;
  const claimantWho = side === 'claimant' ? 'U' : names(c.claimants);
  const respondentWho = side === 'respondent' ? 'U' : names(c.respondents);
  const sideWho = (s: string | undefined) => (s === 'claimant' ? claimantWho : respondentWho);
  const route = c.route ? (ROUTE_LABELS[c.route] ?? c.route) : null;

  switch (c.status) {
    case 'filed':
      return {
        who: 'Het secretariaat',
        what: 'Het secretariaat controleert of de aanvraag compleet is. Daarna schrijft het de zaak in en krijgt de wederpartij bericht. Het secretariaat kan u ook eerst om meer informatie vragen.',
        youAct: false,
        deadline: null,
        ifNobody: 'Hiervoor geldt geen vaste termijn. De wederpartij ziet de zaak pas na de inschrijving.',
      };
    case 'awaiting_information':
      return {
        who: claimantWho,
        what: `${side === 'claimant' ? 'U geeft' : `${claimantWho} geeft`} het secretariaat de gevraagde informatie.`,
        youAct: side === 'claimant',
        deadline: deadlineText(openDeadline(c, 'information'), now),
        ifNobody:
          'Komt de informatie niet op tijd, dan sluit het secretariaat de zaak 7 dagen na de termijn als niet-ontvankelijk (onvolledig), tenzij het de termijn verlengt.',
      };
    case 'awaiting_respondent':
      return {
        who: respondentWho,
        what: `${respondentWho === 'U' ? 'U kiest' : `${respondentWho} kiest`}: meedoen met ${route ?? 'de voorgestelde route'}, een andere route voorstellen, of niet meedoen.`,
        youAct: side === 'respondent',
        deadline: deadlineText(openDeadline(c, 'respondent_answer'), now),
        ifNobody: 'Komt er geen antwoord op tijd, dan telt dat als niet meedoen. De zaak stopt dan tegen die partij.',
      };
    case 'route_negotiation': {
      const proposal = c.pendingRouteProposal;
      const proposer = proposal?.side;
      const answerer = proposer === 'claimant' ? 'respondent' : 'claimant';
      const who = sideWho(answerer);
      const proposed = proposal ? (ROUTE_LABELS[proposal.route] ?? proposal.route) : 'een andere route';
      return {
        who,
        what: `${sideWho(proposer)} ${sideWho(proposer) === 'U' ? 'heeft' : 'heeft'} ${proposed.toLowerCase()} voorgesteld. ${who === 'U' ? 'U accepteert' : `${who} accepteert`} dit voorstel, stelt iets anders voor of doet niet mee.`,
        youAct: side === answerer,
        deadline: deadlineText(openDeadline(c, 'respondent_answer'), now),
        ifNobody: 'Komt er geen antwoord op tijd, dan telt dat als niet meedoen. De zaak stopt dan.',
      };
    }
    case 'awaiting_neutral': {
      const challenge = openDeadline(c, 'challenge');
      // The secretariat and the neutrals read this too: the right to object is the parties'.
      const mayObject = c.yourSide
        ? 'U kunt bezwaar maken (wraken) als u twijfelt'
        : 'De partijen kunnen bezwaar maken (wraken) als zij twijfelen';
      return {
        who: 'Het secretariaat',
        what: challenge
          ? `Het secretariaat heeft een mediator of adviseur voorgesteld. ${mayObject} aan diens onpartijdigheid. Daarna benoemt het secretariaat de mediator of adviseur.`
          : `Het secretariaat zoekt een onafhankelijke ${c.route === 'mediation' ? 'mediator' : c.route === 'arbitration' ? 'arbiter' : 'adviseur'} en stelt die voor aan beide partijen.`,
        youAct: false,
        deadline: deadlineText(challenge, now),
        ifNobody: challenge
          ? 'Maakt niemand bezwaar binnen de termijn, dan kan het secretariaat de benoeming afronden.'
          : 'Hiervoor geldt geen vaste termijn.',
      };
    }
    case 'in_mediation':
      return {
        who: 'De mediator',
        what: 'De mediator plant gesprekken met beide partijen. Wat in mediation gezegd wordt, blijft in mediation.',
        youAct: false,
        deadline: null,
        ifNobody: 'Hiervoor geldt geen vaste termijn. U kunt de zaak altijd intrekken.',
      };
    case 'mediation_ended': {
      const escalation = c.pendingEscalation;
      if (escalation) {
        const answerer = escalation.side === 'claimant' ? 'respondent' : 'claimant';
        const who = sideWho(answerer);
        return {
          who,
          what: `${sideWho(escalation.side)} wil verder met ${(ROUTE_LABELS[escalation.route] ?? escalation.route).toLowerCase()}. ${who === 'U' ? 'U kiest' : `${who} kiest`} of ${who === 'U' ? 'u' : 'zij'} daarmee akkoord ${who === 'U' ? 'gaat' : 'gaan'}.`,
          youAct: side === answerer,
          deadline: deadlineText(openDeadline(c, 'escalation'), now),
          ifNobody: 'Komt er geen antwoord op tijd, dan telt dat als nee. De zaak wordt dan gesloten zonder oplossing.',
        };
      }
      return {
        who: side ? 'U of de wederpartij' : 'De partijen',
        what: 'De mediation is klaar zonder volledige oplossing. Een partij kan vragen om verder te gaan met bindend advies of arbitrage.',
        youAct: side !== null,
        deadline: deadlineText(openDeadline(c, 'escalation'), now),
        ifNobody: 'Vraagt niemand op tijd om een vervolg, dan wordt de zaak gesloten zonder oplossing.',
      };
    }
    case 'in_proceedings': {
      const defence = openDeadline(c, 'statement_of_defence');
      return {
        who: defence ? respondentWho : `De ${c.route === 'arbitration' ? 'arbiter' : 'adviseur'}`,
        what: defence
          ? `${respondentWho === 'U' ? 'U dient' : `${respondentWho} dient`} een verweerschrift in. Daarna volgt een zitting en een beslissing.`
          : `De ${c.route === 'arbitration' ? 'arbiter' : 'adviseur'} bereidt de zitting en de beslissing voor. Beide partijen kunnen stukken indienen.`,
        youAct: defence ? side === 'respondent' : false,
        deadline: deadlineText(defence, now),
        ifNobody: defence
          ? 'Komt het verweerschrift niet op tijd, dan kan de adviseur of arbiter beslissen op basis van de stukken die er zijn.'
          : 'Hiervoor geldt geen vaste termijn.',
      };
    }
    default:
      return {
        who: 'Niemand',
        what: `Deze zaak is gesloten (${closedText(c.status)}). Er gebeurt niets meer.`,
        youAct: false,
        deadline: null,
        ifNobody: 'U kunt de zaak en de documenten hier blijven bekijken.',
      };
  }
}

const closedText = (status: string): string =>
  ({
    settled: 'opgelost: de partijen zijn het eens',
    decided: 'er is een beslissing',
    withdrawn: 'ingetrokken',
    declined: 'de wederpartij doet niet mee',
    inadmissible: 'niet-ontvankelijk',
    closed_without_resolution: 'gesloten zonder oplossing',
  })[status] ?? status;
