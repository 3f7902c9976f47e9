import { CASE_NUMBER_PATTERN } from '../case-numbers';
import type { DeclareInadmissible, ProvideInformation, Register, RequestInformation } from '../commands';
import type { Policies } from '../context';
import { invalid } from '../errors';
import type { FeeShare } from '../events';
import type { DisputeState } from '../state';
import { INADMISSIBILITY_REASONS } from '../vocabulary';
import { requireOpenCase, requireSecretariat, requireSide, requireStatus } from './guards';
import { newDeadline } from './new-deadline';
import type { ActionRule } from './rule';
import { requireInstantAfter, requireOneOf, requireText } from './validate';

// From filing to the respondent's invitation: the secretariat screens, asks, registers or refuses.

export const requestInformation: ActionRule<RequestInformation> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    requireStatus(state, ['filed'], 'information can only be requested');
  },
  decide(c, state, ctx) {
    const questions = requireText(c.questions, 'questions', 'The questions for the claimant');
    const dueAt = c.dueDate === undefined ? undefined : requireInstantAfter(c.dueDate, ctx.now, 'dueDate', 'now');
    return [
      { type: 'InformationRequested', data: { questions, deadline: newDeadline('information', state, ctx, dueAt), occurredAt: ctx.now } },
    ];
  },
};

export const provideInformation: ActionRule<ProvideInformation> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSide(state, g, 'claimant');
    requireStatus(state, ['awaiting_information'], 'information can only be provided');
  },
  decide(c, _state, ctx) {
    const answers = requireText(c.answers, 'answers', 'Your answers');
    return [{ type: 'InformationProvided', data: { answers, occurredAt: ctx.now } }];
  },
};

export const declareInadmissible: ActionRule<DeclareInadmissible> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    requireStatus(state, ['filed', 'awaiting_information'], 'a dispute can only be declared inadmissible');
  },
  decide(c, _state, ctx) {
    const reason = requireOneOf(c.reason, INADMISSIBILITY_REASONS, 'reason');
    const explanation = requireText(c.explanation, 'explanation', 'An explanation for the claimant');
    return [{ type: 'DisputeDeclaredInadmissible', data: { reason, explanation, occurredAt: ctx.now } }];
  },
};

/**
 * Who pays the administration fee. Normally the (first) claimant organisation. When a claimant is
 * a small provider, the respondents bear the policy's share, split evenly (the remainder cent(s)
 * to the first respondent), and the first claimant the rest. Zero shares are left out.
 */
export const administrationFeeShares = (state: DisputeState, policies: Policies): FeeShare[] => {
  const total = policies.administrationFeeCents;
  // A collective dispute belongs to the association that filed it: it is invoiced (rule 9).
  const firstClaimant = state.filedOnBehalfBy ?? state.claimantOrganisationIds[0];
  const respondents = state.respondentOrganisationIds;
  if (!state.smallProviderClaimant || respondents.length === 0) return total > 0 ? [{ organisationId: firstClaimant, amountCents: total }] : [];
  const respondentTotal = Math.floor((total * policies.smallProviderRespondentSharePct) / 100);
  const each = Math.floor(respondentTotal / respondents.length);
  const remainder = respondentTotal - each * respondents.length;
  const shares: FeeShare[] = [
    { organisationId: firstClaimant, amountCents: total - respondentTotal },
    ...respondents.map((organisationId, i) => ({ organisationId, amountCents: each + (i === 0 ? remainder : 0) })),
  ];
  return shares.filter((s) => s.amountCents > 0);
};

export const register: ActionRule<Register> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    requireStatus(state, ['filed'], 'a dispute can only be registered');
  },
  decide(c, state, ctx) {
    if (typeof c.caseNumber !== 'string' || !CASE_NUMBER_PATTERN.test(c.caseNumber)) {
      throw invalid('caseNumber', 'bad_case_number', {
        en: 'A case number has the form GZC-<year>-<4-digit sequence>; take it from the case-number registry.',
        nl: 'Een zaaknummer ziet eruit als GZC-<jaar>-<volgnummer van 4 cijfers> en komt uit het zaaknummerregister.',
      });
    }
    return [
      {
        type: 'DisputeRegistered',
        data: {
          caseNumber: c.caseNumber,
          administrationFee: { totalCents: ctx.policies.administrationFeeCents, shares: administrationFeeShares(state, ctx.policies) },
          occurredAt: ctx.now,
        },
      },
      {
        type: 'RespondentInvited',
        data: {
          respondentOrganisationIds: [...state.respondentOrganisationIds],
          deadline: newDeadline('respondent_answer', state, ctx),
          occurredAt: ctx.now,
        },
      },
    ];
  },
};
