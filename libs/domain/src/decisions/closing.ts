import type { RecordSettlement, Withdraw, WithdrawParticipation } from '../commands';
import { forbidden, conflict } from '../errors';
import type { DisputeEvent } from '../events';
import type { DisputeState } from '../state';
import { orgName } from './describe';
import { requireOpenCase, requireRegistered, requireSecretariat, requireSide } from './guards';
import type { ActionRule, GuardContext } from './rule';

// Ways out at any moment: the claimant withdraws; the secretariat records a settlement the
// parties reached between themselves (only for a registered case: before that there is nothing
// to settle, the claimant withdraws).
//
// A collective dispute belongs to the association that filed it (rule 9): only its users withdraw
// the whole case; a member provider withdraws its own participation, and the case goes on for the
// others until none is left.

const isCollective = (state: DisputeState): boolean => state.filedOnBehalfBy !== undefined;

const guardWithdraw = (state: DisputeState, g: GuardContext): void => {
  requireOpenCase(state);
  requireSide(state, g, 'claimant');
  if (isCollective(state) && g.actor.organisationId !== state.filedOnBehalfBy) {
    const association = orgName(g, state.filedOnBehalfBy as string);
    throw forbidden('collective_case', {
      en: `This collective dispute belongs to ${association}, which filed it; only the association can withdraw it. To leave it yourself, use withdraw-participation.`,
      nl: `Deze collectieve zaak is van ${association}, die de zaak heeft ingediend. Alleen de brancheorganisatie kan de hele zaak intrekken. Wilt u zelf niet meer meedoen? Trek dan uw eigen deelname in.`,
    });
  }
};

export const withdraw: ActionRule<Withdraw> = {
  guard: guardWithdraw,
  decide(c, _state, ctx) {
    return [{ type: 'DisputeWithdrawn', data: { ...(c.reason ? { reason: c.reason } : {}), occurredAt: ctx.now } }];
  },
};

const guardParticipation = (state: DisputeState, g: GuardContext): string => {
  requireOpenCase(state);
  requireSide(state, g, 'claimant');
  const own = g.actor.organisationId as string;
  if (!isCollective(state)) {
    throw conflict('not_collective', {
      en: 'This is not a collective dispute; a claimant who does not want to go on withdraws the dispute.',
      nl: 'Dit is geen collectieve zaak. Wilt u niet verder? Trek dan de zaak in.',
    });
  }
  if (!state.claimantOrganisationIds.includes(own)) {
    throw forbidden('not_a_participant', {
      en: 'Only a member provider taking part in this collective dispute can withdraw its participation; the association withdraws the whole case.',
      nl: 'Alleen een zorgaanbieder die meedoet aan deze collectieve zaak kan zijn deelname intrekken. De brancheorganisatie trekt de hele zaak in.',
    });
  }
  return own;
};

export const withdrawParticipation: ActionRule<WithdrawParticipation> = {
  guard(state, g) {
    guardParticipation(state, g);
  },
  decide(c, state, ctx) {
    const organisationId = guardParticipation(state, ctx);
    const events: DisputeEvent[] = [
      { type: 'ParticipationWithdrawn', data: { organisationId, ...(c.reason ? { reason: c.reason } : {}), occurredAt: ctx.now } },
    ];
    // The last member leaving ends the case.
    if (state.claimantOrganisationIds.every((o) => o === organisationId)) {
      events.push({ type: 'DisputeWithdrawn', data: { reason: 'every_member_withdrew', occurredAt: ctx.now } });
    }
    return events;
  },
};

export const recordSettlement: ActionRule<RecordSettlement> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    requireRegistered(state, 'a settlement can only be recorded');
  },
  decide(c, _state, ctx) {
    return [{ type: 'SettledByParties', data: { ...(c.terms ? { terms: c.terms } : {}), occurredAt: ctx.now } }];
  },
};
