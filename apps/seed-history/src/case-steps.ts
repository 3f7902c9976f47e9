import {
  PANEL_RULES,
  currentNeutrals,
  nominatedNeutrals,
  routeOnTheTable,
  statementsDue,
  type Actor,
  type DeadlineKind,
  type DisputeCommand,
  type DisputeState,
  type Route,
} from '../../../libs/domain/src';
import { actorOf, otherRoute, type Cast, type CasePlan } from './case-plan';
import type { Random } from '../../../libs/runtime/src/seeded-random';

// The next thing that happens to a case, from its folded state and its plan: who does what, and
// when. A step whose command is null only lets time pass (a deadline runs out unanswered).

export const DAY_MS = 86_400_000;

export interface Step {
  at: number;
  actor: Actor;
  command: DisputeCommand | null;
}

export interface CaseRun {
  index: number;
  disputeId: string;
  plan: CasePlan;
  rng: Random;
  state: DisputeState;
  /** Time of the case's last event (ms). */
  last: number;
  steps: number;
  ids: number;
  /** Steps the domain refused; a case that keeps being refused is left as it is. */
  refusals?: number;
}

const openDeadline = (state: DisputeState, kind: DeadlineKind) =>
  [...state.deadlines].reverse().find((d) => d.kind === kind && d.status === 'open');

/** Some time after the last event: `days` scaled down for urgent cases. */
const after = (run: CaseRun, minDays: number, maxDays: number): number =>
  run.last + run.rng.between(minDays, maxDays) * (run.plan.urgent ? 0.5 : 1) * DAY_MS;

/** Before the deadline of `kind` runs out (or soon, if there is none). */
const beforeDue = (run: CaseRun, kind: DeadlineKind): number => {
  const d = openDeadline(run.state, kind);
  if (!d) return after(run, 0.5, 5);
  const due = Date.parse(d.dueAt);
  return run.last + run.rng.between(0.1, 0.9) * Math.max(due - run.last, 60_000);
};

/** Some days after the deadline of `kind` ran out. */
const afterDue = (run: CaseRun, kind: DeadlineKind, minDays: number, maxDays: number): number => {
  const d = openDeadline(run.state, kind);
  const base = d ? Math.max(Date.parse(d.dueAt), run.last) : run.last;
  return base + run.rng.between(minDays, maxDays) * DAY_MS;
};

const freshId = (run: CaseRun, prefix: string): string => `${prefix}-${run.index}-${++run.ids}`;

export function nextStep(run: CaseRun, cast: Cast): Step | null {
  const { state, plan, rng } = run;
  const secretariat = actorOf(cast.secretariat);
  const claimant = plan.claimant;
  const respondent = plan.respondent;
  run.steps++;
  if (plan.withdrawAtStep === run.steps && state.status !== 'none') {
    return { at: after(run, 1, 20), actor: claimant, command: { type: 'withdraw', reason: 'Partijen zijn er samen uitgekomen' } };
  }
  switch (state.status) {
    case 'filed': {
      if (plan.requestInformation && !state.deadlines.some((d) => d.kind === 'information')) {
        return {
          at: after(run, 1, 6),
          actor: secretariat,
          command: { type: 'request-information', questions: 'Stuur de offerte en de correspondentie met de verzekeraar mee.' },
        };
      }
      if (plan.inadmissible) {
        return {
          at: after(run, 2, 20),
          actor: secretariat,
          command: {
            type: 'declare-inadmissible',
            reason: rng.pick(['not_a_contracting_dispute', 'duplicate', 'other'] as const),
            explanation: 'Het geschil valt buiten de reikwijdte van het reglement.',
          },
        };
      }
      return { at: after(run, 1, 12), actor: secretariat, command: { type: 'register', caseNumber: '' } };
    }
    case 'awaiting_information':
      if (plan.provideInformation) {
        return { at: beforeDue(run, 'information'), actor: claimant, command: { type: 'provide-information', answers: 'Zie bijlagen.' } };
      }
      // Rule 17: the information deadline and the week of grace after it run out; the system closes the case.
      return { at: afterDue(run, 'information', 8, 9), actor: secretariat, command: null };
    case 'awaiting_respondent': {
      if (plan.invoice && state.invoices.length === 0) {
        const share = state.administrationFee?.shares[0];
        return {
          at: after(run, 0.2, 2),
          actor: secretariat,
          command: {
            type: 'invoice-fee',
            invoiceId: freshId(run, 'inv'),
            organisationId: share?.organisationId ?? plan.claimantOrgIds[0],
            kind: 'administration',
            amountCents: share?.amountCents ?? 50_000,
          },
        };
      }
      if (plan.pay && state.invoices.some((i) => !i.paid)) {
        const invoice = state.invoices.find((i) => !i.paid)!;
        return { at: after(run, 0.2, 2), actor: secretariat, command: { type: 'record-payment', invoiceId: invoice.invoiceId } };
      }
      const route = routeOnTheTable(state)?.route ?? plan.proposedRoute;
      switch (plan.respondentAnswer) {
        case 'accept':
          return { at: beforeDue(run, 'respondent_answer'), actor: respondent, command: { type: 'accept-submission', route } };
        case 'decline':
          return {
            at: beforeDue(run, 'respondent_answer'),
            actor: respondent,
            command: { type: 'decline-submission', reason: 'Wij zien geen grond voor geschilbeslechting.' },
          };
        case 'counter':
          return {
            at: beforeDue(run, 'respondent_answer'),
            actor: respondent,
            command: { type: 'propose-route', route: otherRoute(rng, route), reason: 'Liever een bindend oordeel.' },
          };
        case 'late':
          return plan.lateAccepted
            ? { at: afterDue(run, 'respondent_answer', 1, 12), actor: respondent, command: { type: 'accept-submission', route } }
            : {
                at: afterDue(run, 'respondent_answer', 1, 12),
                actor: respondent,
                command: { type: 'decline-submission', reason: 'Te laat, en geen grond.' },
              };
      }
      return null;
    }
    case 'route_negotiation': {
      const table = routeOnTheTable(state);
      const answering = table?.side === 'respondent' ? claimant : respondent;
      if (plan.counterAccepted) {
        return {
          at: after(run, 2, 15),
          actor: answering,
          command: { type: 'accept-submission', route: table?.route ?? plan.proposedRoute },
        };
      }
      // Only the respondent declines; a claimant who will not go along withdraws.
      return answering === claimant
        ? { at: after(run, 2, 15), actor: claimant, command: { type: 'withdraw', reason: 'Geen overeenstemming over de route.' } }
        : {
            at: after(run, 2, 15),
            actor: respondent,
            command: { type: 'decline-submission', reason: 'Geen overeenstemming over de route.' },
          };
    }
    case 'awaiting_neutral':
      return neutralStep(run, cast, secretariat);
    case 'in_mediation': {
      const mediator = chairOf(state, cast);
      const pending = state.sessions.find((s) => !s.held);
      if (pending) {
        return {
          at: Math.max(Date.parse(pending.startsAt), run.last) + rng.between(0.05, 0.2) * DAY_MS,
          actor: mediator,
          command: { type: 'record-session', sessionId: pending.sessionId, notes: 'Partijen hebben hun standpunten toegelicht.' },
        };
      }
      if (state.sessions.length < plan.sessions) {
        const at = after(run, 1, 8);
        return {
          at,
          actor: mediator,
          command: {
            type: 'schedule-session',
            sessionId: freshId(run, 'ses'),
            startsAt: new Date(at + rng.between(4, 25) * DAY_MS).toISOString(),
            location: 'Utrecht',
          },
        };
      }
      if (plan.mediationResult === 'full_agreement' && state.documents.length === 0) {
        // Rule 15: a full agreement records the settlement document.
        return {
          at: after(run, 0.5, 5),
          actor: claimant,
          command: {
            type: 'submit-document',
            documentId: freshId(run, 'doc'),
            name: 'vaststellingsovereenkomst.pdf',
            mediaType: 'application/pdf',
            sizeBytes: 48_213,
            sha256: 'a'.repeat(64),
            visibility: 'parties',
          },
        };
      }
      const settlement = plan.mediationResult === 'full_agreement' ? state.documents[state.documents.length - 1]?.documentId : undefined;
      return {
        at: after(run, 0.5, 10),
        actor: mediator,
        command: { type: 'conclude-mediation', result: plan.mediationResult, ...(settlement ? { settlementDocumentId: settlement } : {}) },
      };
    }
    case 'mediation_ended': {
      const pending = state.pendingEscalation;
      if (pending) {
        const answering = pending.side === 'claimant' ? respondent : claimant;
        return plan.escalationAccepted
          ? { at: after(run, 2, 14), actor: answering, command: { type: 'accept-escalation' } }
          : {
              at: after(run, 2, 14),
              actor: answering,
              command: { type: 'decline-escalation', reason: 'Wij zien af van verdere procedures.' },
            };
      }
      if (plan.escalate && openDeadline(state, 'escalation')) {
        return {
          at: beforeDue(run, 'escalation'),
          actor: rng.chance(0.8) ? claimant : respondent,
          command: { type: 'request-escalation', route: plan.escalationRoute },
        };
      }
      // Nobody asks: the escalation deadline runs out and the case closes without resolution.
      return { at: afterDue(run, 'escalation', 0.001, 0.01), actor: secretariat, command: null };
    }
    case 'in_proceedings':
      return proceedingsStep(run, cast, secretariat);
    default:
      return null;
  }
}

function chairOf(state: DisputeState, cast: Cast): Actor {
  const chair = currentNeutrals(state).find((n) => n.status === 'appointed' && n.chair) ?? currentNeutrals(state)[0];
  const user = [...cast.neutrals.mediator, ...cast.neutrals.adviser, ...cast.neutrals.arbitrator].find((u) => u.id === chair?.userId);
  if (!user) throw new Error(`Case ${state.disputeId} has no appointed neutral to act`);
  return actorOf(user);
}

function neutralStep(run: CaseRun, cast: Cast, secretariat: Actor): Step {
  const { state, plan, rng } = run;
  const nominated = nominatedNeutrals(state);
  const route = state.route as Route;
  const rule = PANEL_RULES[route];
  const roster = cast.neutrals[rule.role as 'mediator' | 'adviser' | 'arbitrator'];
  const upheld = new Set(state.challenges.filter((c) => c.status === 'upheld').map((c) => c.neutralUserId));
  const available = roster.filter((u) => !upheld.has(u.id));
  if (nominated.length === 0) {
    const size = plan.panelOfThree && rule.sizes.includes(3) && available.length >= 3 ? 3 : 1;
    const start = rng.int(0, Math.max(0, available.length - 1));
    const panel = Array.from({ length: size }, (_, i) => available[(start + i) % available.length].id);
    // The secretariat names the chair of a panel of three (rule 10).
    const chair = size === 3 ? { chairUserId: panel[0] } : {};
    return { at: after(run, 2, 10), actor: secretariat, command: { type: 'nominate-neutrals', neutralUserIds: panel, ...chair } };
  }
  const pending = state.challenges.find((c) => c.status === 'pending');
  if (pending) {
    // Upholding needs someone else to nominate in the challenged neutral's place.
    const canReplace = available.length > nominated.length;
    return {
      at: after(run, 2, 6),
      actor: secretariat,
      command: {
        type: 'decide-challenge',
        neutralUserId: pending.neutralUserId,
        upheld: plan.challengeUpheld && canReplace,
        reasoning: 'Gewogen.',
      },
    };
  }
  if (plan.challenge && state.challenges.length === 0) {
    return {
      at: beforeDue(run, 'challenge'),
      actor: plan.respondent,
      command: {
        type: 'challenge-neutral',
        neutralUserId: nominated[0].userId,
        grounds: 'Eerdere betrokkenheid bij een zaak van de wederpartij.',
      },
    };
  }
  return { at: afterDue(run, 'challenge', 0.5, 3), actor: secretariat, command: { type: 'appoint-neutrals' } };
}

function proceedingsStep(run: CaseRun, cast: Cast, secretariat: Actor): Step {
  const { state, plan, rng } = run;
  const chair = chairOf(state, cast);
  const submitted = (kind: string) => state.statements.some((s) => s.kind === kind);
  if (!submitted('statement_of_claim')) {
    return { at: after(run, 5, 25), actor: plan.claimant, command: { type: 'submit-statement', kind: 'statement_of_claim', text: 'Eis.' } };
  }
  if (!submitted('statement_of_defence')) {
    return {
      at: plan.defenceMissed ? afterDue(run, 'statement_of_defence', 2, 15) : beforeDue(run, 'statement_of_defence'),
      actor: plan.respondent,
      command: { type: 'submit-statement', kind: 'statement_of_defence', text: 'Verweer.' },
    };
  }
  if (plan.settleInProceedings) {
    return { at: after(run, 5, 40), actor: secretariat, command: { type: 'record-settlement', terms: 'Schikking ter zitting.' } };
  }
  if (plan.replies) {
    if (statementsDue(state, 'claimant').includes('reply')) {
      return { at: after(run, 5, 20), actor: plan.claimant, command: { type: 'submit-statement', kind: 'reply', text: 'Repliek.' } };
    }
    if (statementsDue(state, 'respondent').includes('rejoinder')) {
      return { at: after(run, 5, 20), actor: plan.respondent, command: { type: 'submit-statement', kind: 'rejoinder', text: 'Dupliek.' } };
    }
  }
  const pending = state.hearings.find((h) => !h.held);
  if (pending) {
    return {
      at: Math.max(Date.parse(pending.startsAt), run.last) + rng.between(0.05, 0.2) * DAY_MS,
      actor: chair,
      command: { type: 'record-hearing', hearingId: pending.hearingId },
    };
  }
  if (plan.hearing && state.hearings.length === 0) {
    const at = after(run, 2, 10);
    return {
      at,
      actor: chair,
      command: {
        type: 'schedule-hearing',
        hearingId: freshId(run, 'hrg'),
        startsAt: new Date(at + rng.between(14, 40) * DAY_MS).toISOString(),
        location: 'Utrecht',
      },
    };
  }
  if (!plan.hearing && !state.hearings.some((h) => h.held)) {
    // Rule 14: without a hearing every party waives it first.
    const waived = state.hearingWaivedBy ?? [];
    const claimantVoice = state.filedOnBehalfBy ?? state.claimantOrganisationIds[0];
    if (!waived.includes(claimantVoice)) return { at: after(run, 1, 5), actor: plan.claimant, command: { type: 'waive-hearing' } };
    if (!state.respondentOrganisationIds.every((o) => waived.includes(o)))
      return { at: after(run, 1, 5), actor: plan.respondent, command: { type: 'waive-hearing' } };
  }
  return {
    at: after(run, 10, 40),
    actor: chair,
    command: {
      type: 'render-decision',
      outcome: plan.decision,
      claimantCostSharePct: plan.decision === 'claim_granted' ? 0 : plan.decision === 'claim_rejected' ? 100 : 50,
      summary: 'Beslissing.',
    },
  };
}
