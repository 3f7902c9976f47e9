import type { DisputeCommand, DisputeCommandType } from './commands';
import type { Actor, DecisionContext } from './context';
import { DomainError, invalid } from './errors';
import type { DisputeEvent } from './events';
import type { DisputeState } from './state';
import { ACTIONS, type Action } from './vocabulary';
import { closing, deadlines, feesAndDocuments, filing, mediation, neutrals, proceedings, registration, routeAgreement } from './decisions';
import type { ActionRule, CommandOf, GuardContext } from './decisions/rule';
import { mayActOnCase } from './visibility';

/** One rule per command; the compiler insists every command has one. */
const RULES: { [T in DisputeCommandType]: ActionRule<CommandOf<T>> } = {
  'file-dispute': filing.fileDispute,
  'request-information': registration.requestInformation,
  'provide-information': registration.provideInformation,
  'declare-inadmissible': registration.declareInadmissible,
  register: registration.register,
  'accept-submission': routeAgreement.acceptSubmission,
  'decline-submission': routeAgreement.declineSubmission,
  'propose-route': routeAgreement.proposeRoute,
  'nominate-neutrals': neutrals.nominateNeutrals,
  'challenge-neutral': neutrals.challengeNeutral,
  'decide-challenge': neutrals.decideChallengeRule,
  'appoint-neutrals': neutrals.appointNeutrals,
  'waive-challenge': neutrals.waiveChallenge,
  'schedule-session': mediation.scheduleSession,
  'record-session': mediation.recordSession,
  'conclude-mediation': mediation.concludeMediation,
  'request-escalation': mediation.requestEscalation,
  'accept-escalation': mediation.acceptEscalation,
  'decline-escalation': mediation.declineEscalation,
  'submit-statement': proceedings.submitStatement,
  'schedule-hearing': proceedings.scheduleHearing,
  'record-hearing': proceedings.recordHearing,
  'render-decision': proceedings.renderDecision,
  withdraw: closing.withdraw,
  'record-settlement': closing.recordSettlement,
  'submit-document': feesAndDocuments.submitDocument,
  'extend-deadline': deadlines.extendDeadline,
  'invoice-fee': feesAndDocuments.invoiceFee,
  'record-payment': feesAndDocuments.recordPayment,
  'record-deadline-missed': deadlines.recordDeadlineMissed,
  // --- due-process ---
  'continue-with-respondents': routeAgreement.continueWithRespondents,
  'withdraw-participation': closing.withdrawParticipation,
  'waive-hearing': proceedings.waiveHearing,
};

const ruleFor = (type: unknown): ActionRule<DisputeCommand> | undefined =>
  typeof type === 'string' && Object.prototype.hasOwnProperty.call(RULES, type)
    ? (RULES[type as DisputeCommandType] as ActionRule<DisputeCommand>)
    : undefined;

/**
 * Decides a command against the dispute's current state: the events to record, or a DomainError
 * saying why not and what to do instead. Pure: the same command, state and context always give
 * the same answer.
 */
export const decide = (command: DisputeCommand, state: DisputeState, ctx: DecisionContext): DisputeEvent[] => {
  const rule = ruleFor(command?.type);
  if (!rule) throw invalid('type', 'unknown_command', `Unknown action ${String(command?.type)}.`);
  rule.guard(state, ctx);
  return rule.decide(command, state, ctx);
};

/** Whether the guard of `action` lets this caller act on this case now (payload not considered). */
export const isActionAllowed = (action: DisputeCommandType, state: DisputeState, g: GuardContext): boolean => {
  try {
    ruleFor(action)?.guard(state, g);
    return ruleFor(action) !== undefined;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
};

/** The actions of the lifecycle this caller may take on this case now, from the same guards decide() runs. */
export const allowedActions = (
  state: DisputeState,
  actor: Actor,
  ctx: Pick<DecisionContext, 'now' | 'directory'>,
): Action[] =>
  // A nominee checks conflicts and a former neutral reads their record: neither acts (rules 2, 3).
  mayActOnCase(state, actor)
    ? ACTIONS.filter((action) => isActionAllowed(action, state, { actor, now: ctx.now, directory: ctx.directory }))
    : [];
