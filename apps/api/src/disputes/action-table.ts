import type { Type } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Action, DisputeCommand } from '../../../../libs/domain/src';
import * as dto from './http/dto/action.dto';
import { CommandResultResponse, FeeInvoicedResponse, HearingScheduledResponse, SessionScheduledResponse } from './http/dto/responses.dto';

// THE list of dispute actions. Each action of the domain (its `Action` union) has exactly one row:
// the compiler refuses a missing or unknown one. The routes (POST /api/disputes/{id}/{action}),
// their validation, the OpenAPI document and the actions a case view offers all come from here.
// Adding an action: the domain (command, event, decision, evolve), then one row below.

type CommandOf<A extends Action> = Extract<DisputeCommand, { type: A }>;

/** An action served as JSON: `POST /api/disputes/{id}/{action}`, 200 with the CommandResult. */
export interface JsonAction<A extends Action, Body extends object> {
  served: 'json';
  /** The OpenAPI summary: who does it, and what. */
  summary: string;
  /** The request body, validated by class-validator; unknown fields are refused. */
  body: Type<Body>;
  /** The 200 answer's schema; default CommandResultResponse. */
  response?: Type<CommandResultResponse>;
  /** The domain command from the validated body (a plain object: it ends up in the events). */
  command: (body: Body, newId: () => string) => CommandOf<A>;
  /** Ids the system generated for the command, answered beside the CommandResult. */
  answer?: (command: CommandOf<A>) => Record<string, string>;
}

/** An action with a route of its own elsewhere (e.g. the multipart document upload). */
export interface OtherRouteAction {
  served: 'elsewhere';
  summary: string;
  /** Where a client performs it, for case views that offer it. */
  path: (disputeId: string) => string;
}

// `any`: the table holds rows of different body types; each row is checked by `json()` below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionSpec<A extends Action> = JsonAction<A, any> | OtherRouteAction;

/** A JSON row, checked against its own body type and its action's command. */
function json<A extends Action, Body extends object>(row: Omit<JsonAction<A, Body>, 'served'>): JsonAction<A, Body> {
  return { served: 'json', ...row };
}

/** Where submit-document is served (multipart/form-data: file, visibility). */
export const documentUploadPath = (disputeId: string): string => `/api/disputes/${disputeId}/documents`;

export const ACTION_TABLE = {
  'request-information': json({
    summary: 'Secretariat: ask the claimant for information (deadline)',
    body: dto.RequestInformationDto,
    command: (b) => ({ type: 'request-information', ...b }),
  }),
  'provide-information': json({
    summary: 'Claimant: answer a request for information',
    body: dto.ProvideInformationDto,
    command: (b) => ({ type: 'provide-information', ...b }),
  }),
  'declare-inadmissible': json({
    summary: 'Secretariat: declare the dispute inadmissible',
    body: dto.DeclareInadmissibleDto,
    command: (b) => ({ type: 'declare-inadmissible', ...b }),
  }),
  register: json({
    summary: 'Secretariat: register the dispute (case number) and invite the respondent',
    body: dto.RegisterDto,
    // The case number comes from the case-number registry in the command handler, never from the caller.
    command: () => ({ type: 'register', caseNumber: '' }),
  }),
  'accept-submission': json({
    summary: 'Respondent: agree to the procedure and its route',
    body: dto.AcceptSubmissionDto,
    command: (b) => ({ type: 'accept-submission', ...b }),
  }),
  'decline-submission': json({
    summary: 'Respondent: decline the procedure',
    body: dto.DeclineSubmissionDto,
    command: (b) => ({ type: 'decline-submission', ...b }),
  }),
  'propose-route': json({
    summary: 'A party: propose another route',
    body: dto.ProposeRouteDto,
    command: (b) => ({ type: 'propose-route', ...b }),
  }),
  'nominate-neutrals': json({
    summary: 'Secretariat: nominate a neutral or a panel of three, naming its chair (chairUserId, required for three)',
    body: dto.NominateNeutralsDto,
    command: (b) => ({ type: 'nominate-neutrals', ...b }),
  }),
  'challenge-neutral': json({
    summary: 'A party: challenge a nominee, or an appointed neutral on facts learned later (newFacts, factsKnownSince)',
    body: dto.ChallengeNeutralDto,
    command: (b) => ({ type: 'challenge-neutral', ...b }),
  }),
  'decide-challenge': json({
    summary: 'Secretariat: decide a challenge',
    body: dto.DecideChallengeDto,
    command: (b) => ({ type: 'decide-challenge', ...b }),
  }),
  'appoint-neutrals': json({
    summary: 'Secretariat: appoint the nomination once the challenge period is over or every party waived it',
    body: dto.AppointNeutralsDto,
    command: () => ({ type: 'appoint-neutrals' }),
  }),
  'waive-challenge': json({
    summary: 'A party: give up its right to challenge the current nomination',
    body: dto.WaiveChallengeDto,
    command: () => ({ type: 'waive-challenge' }),
  }),
  'schedule-session': json({
    summary: 'Mediator: schedule a mediation session (answers sessionId)',
    body: dto.ScheduleSessionDto,
    response: SessionScheduledResponse,
    command: (b, newId) => ({ type: 'schedule-session', sessionId: newId(), ...b }),
    answer: (c) => ({ sessionId: c.sessionId }),
  }),
  'record-session': json({
    summary: 'Mediator: record that a session was held',
    body: dto.RecordSessionDto,
    command: (b) => ({ type: 'record-session', ...b }),
  }),
  'conclude-mediation': json({
    summary: 'Mediator: conclude the mediation with its result',
    body: dto.ConcludeMediationDto,
    command: (b) => ({ type: 'conclude-mediation', ...b }),
  }),
  'request-escalation': json({
    summary: 'A party: escalate to binding advice or arbitration after mediation',
    body: dto.RequestEscalationDto,
    command: (b) => ({ type: 'request-escalation', ...b }),
  }),
  'accept-escalation': json({
    summary: 'The other party: accept the escalation',
    body: dto.AcceptEscalationDto,
    command: () => ({ type: 'accept-escalation' }),
  }),
  'decline-escalation': json({
    summary: 'The other party: decline the escalation (closes the case)',
    body: dto.DeclineEscalationDto,
    command: (b) => ({ type: 'decline-escalation', ...b }),
  }),
  'submit-statement': json({
    summary: 'A party: submit a statement in binding advice or arbitration',
    body: dto.SubmitStatementDto,
    command: (b) => ({ type: 'submit-statement', ...b }),
  }),
  'schedule-hearing': json({
    summary: 'Adviser or arbitrator: schedule a hearing (answers hearingId)',
    body: dto.ScheduleHearingDto,
    response: HearingScheduledResponse,
    command: (b, newId) => ({ type: 'schedule-hearing', hearingId: newId(), ...b }),
    answer: (c) => ({ hearingId: c.hearingId }),
  }),
  'record-hearing': json({
    summary: 'Adviser or arbitrator: record that the hearing was held',
    body: dto.RecordHearingDto,
    command: (b) => ({ type: 'record-hearing', ...b }),
  }),
  'render-decision': json({
    summary: 'Adviser or arbitrator (chair): render the decision',
    body: dto.RenderDecisionDto,
    command: (b) => ({ type: 'render-decision', ...b }),
  }),
  withdraw: json({
    summary: 'Claimant: withdraw the dispute',
    body: dto.WithdrawDto,
    command: (b) => ({ type: 'withdraw', ...b }),
  }),
  'record-settlement': json({
    summary: 'Secretariat: record that the parties settled',
    body: dto.RecordSettlementDto,
    command: (b) => ({ type: 'record-settlement', ...b }),
  }),
  'submit-document': {
    served: 'elsewhere',
    summary: 'A party, the secretariat or an appointed neutral: upload a document (multipart/form-data: file, visibility)',
    path: documentUploadPath,
  },
  'extend-deadline': json({
    summary: 'Secretariat or appointed neutral: extend an open deadline',
    body: dto.ExtendDeadlineDto,
    command: (b) => ({ type: 'extend-deadline', ...b }),
  }),
  'invoice-fee': json({
    summary: 'Secretariat: invoice a fee (answers invoiceId)',
    body: dto.InvoiceFeeDto,
    response: FeeInvoicedResponse,
    command: (b, newId) => ({ type: 'invoice-fee', invoiceId: newId(), ...b }),
    answer: (c) => ({ invoiceId: c.invoiceId }),
  }),
  'record-payment': json({
    summary: 'Secretariat: record that an invoice was paid',
    body: dto.RecordPaymentDto,
    command: (b) => ({ type: 'record-payment', ...b }),
  }),
  // --- due-process (rules 6, 9, 14) ---
  'continue-with-respondents': json({
    summary: 'Claimant: go on against the respondents who accepted, after others declined',
    body: dto.ContinueWithRespondentsDto,
    command: () => ({ type: 'continue-with-respondents' }),
  }),
  'withdraw-participation': json({
    summary: 'Member provider of a collective dispute: leave it; it goes on for the others',
    body: dto.WithdrawParticipationDto,
    command: (b) => ({ type: 'withdraw-participation', ...b }),
  }),
  'waive-hearing': json({
    summary: 'A party: agree to a decision on the documents alone',
    body: dto.WaiveHearingDto,
    command: () => ({ type: 'waive-hearing' }),
  }),
} as const satisfies { readonly [A in Action]: ActionSpec<A> };

/** Actions with a JSON route of their own, `POST /api/disputes/{id}/{action}`, in table order. */
export type JsonServedAction = { [A in Action]: (typeof ACTION_TABLE)[A] extends { served: 'json' } ? A : never }[Action];

export const JSON_ACTIONS = (Object.keys(ACTION_TABLE) as Action[]).filter(
  (action): action is JsonServedAction => ACTION_TABLE[action].served === 'json',
);

/** Every action in the table is served somewhere, so a case view may offer each. */
export const OFFERED_ACTIONS: readonly Action[] = Object.keys(ACTION_TABLE) as Action[];

/** Generates the ids a command needs (sessions, hearings, invoices). */
export const newId = (): string => randomUUID();
