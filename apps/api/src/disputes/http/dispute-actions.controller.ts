import { applyDecorators, Body, Controller, HttpCode, Param, Post, UseInterceptors, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Action, Actor } from '../../../../../libs/domain/src';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { IdempotencyInterceptor } from '../../http/idempotency.interceptor';
import { IfMatch } from '../../http/if-match';
import { ApiCaseProblemResponses, ProblemSchema } from '../../http/openapi';
import { RequestId } from '../../http/request-id';
import { RunDisputeActionCommand, type CommandResult } from '../application/dispute-commands';
import { DisputeIdPipe } from './dispute-id.pipe';
import {
  AcceptEscalationDto,
  AcceptSubmissionDto,
  AppointNeutralsDto,
  ChallengeNeutralDto,
  ConcludeMediationDto,
  DecideChallengeDto,
  DeclareInadmissibleDto,
  DeclineEscalationDto,
  DeclineSubmissionDto,
  ExtendDeadlineDto,
  InvoiceFeeDto,
  NominateNeutralsDto,
  ProposeRouteDto,
  ProvideInformationDto,
  RecordHearingDto,
  RecordPaymentDto,
  RecordSessionDto,
  RecordSettlementDto,
  RegisterDto,
  RenderDecisionDto,
  RequestEscalationDto,
  RequestInformationDto,
  ScheduleHearingDto,
  ScheduleSessionDto,
  SubmitStatementDto,
  WaiveChallengeDto,
  WithdrawDto,
} from './dto/action.dto';
import {
  CommandResultResponse,
  FeeInvoicedResponse,
  HearingScheduledResponse,
  SessionScheduledResponse,
} from './dto/responses.dto';

type ActionCommand = RunDisputeActionCommand['command'];

export { HTTP_ACTIONS } from '../application/served-actions';

/** POST /api/disputes/{id}/{action}: 200, idempotent with Idempotency-Key, conditional with If-Match. */
function ActionRoute(action: Exclude<Action, 'submit-document'>, summary: string, response: Type<unknown> = CommandResultResponse) {
  return applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    UseInterceptors(IdempotencyInterceptor),
    ApiOperation({ summary, operationId: action }),
    ApiParam({ name: 'id', format: 'uuid', description: 'The dispute' }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The case version (ETag) you last saw: 3, "3" or W/"3". 409 if the case moved on.',
    }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer' }),
    ApiOkResponse({ type: response }),
    ApiCaseProblemResponses(),
    ApiUnprocessableEntityResponse({ type: ProblemSchema, description: 'Idempotency-Key reused for another request' }),
  );
}

@ApiTags('dispute actions')
@ApiBearerAuth()
@Controller('api/disputes')
export class DisputeActionsController {
  constructor(private readonly commandBus: CommandBus) {}

  @ActionRoute('request-information', 'Secretariat: ask the claimant for information (deadline)')
  requestInformation(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: RequestInformationDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'request-information', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('provide-information', 'Claimant: answer a request for information')
  provideInformation(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: ProvideInformationDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'provide-information', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('declare-inadmissible', 'Secretariat: declare the dispute inadmissible')
  declareInadmissible(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: DeclareInadmissibleDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'declare-inadmissible', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('register', 'Secretariat: register the dispute (case number) and invite the respondent')
  register(
    @Param('id', DisputeIdPipe) id: string,
    @Body() _dto: RegisterDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    // The case number comes from the case-number registry in the command handler, never from the caller.
    return this.run(id, { type: 'register', caseNumber: '' }, actor, expectedVersion, requestId);
  }

  @ActionRoute('accept-submission', 'Respondent: agree to the procedure and its route')
  acceptSubmission(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: AcceptSubmissionDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'accept-submission', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('decline-submission', 'Respondent: decline the procedure')
  declineSubmission(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: DeclineSubmissionDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'decline-submission', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('propose-route', 'A party: propose another route')
  proposeRoute(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: ProposeRouteDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'propose-route', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('nominate-neutrals', 'Secretariat: nominate a neutral or a panel of three, naming its chair')
  nominateNeutrals(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: NominateNeutralsDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    const chair = dto.chairUserId !== undefined ? { chairUserId: dto.chairUserId } : {};
    return this.run(id, { type: 'nominate-neutrals', neutralUserIds: [...dto.neutralUserIds], ...chair }, actor, expectedVersion, requestId);
  }

  @ActionRoute('challenge-neutral', 'A party: challenge a nominee, or an appointed neutral on facts learned later')
  challengeNeutral(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: ChallengeNeutralDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'challenge-neutral', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('decide-challenge', 'Secretariat: decide a challenge')
  decideChallenge(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: DecideChallengeDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'decide-challenge', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('appoint-neutrals', 'Secretariat: appoint the nomination once the challenge period is over or every party waived')
  appointNeutrals(
    @Param('id', DisputeIdPipe) id: string,
    @Body() _dto: AppointNeutralsDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'appoint-neutrals' }, actor, expectedVersion, requestId);
  }

  @ActionRoute('waive-challenge', 'Party: give up the right to challenge the current nomination')
  waiveChallenge(
    @Param('id', DisputeIdPipe) id: string,
    @Body() _dto: WaiveChallengeDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'waive-challenge' }, actor, expectedVersion, requestId);
  }

  @ActionRoute('schedule-session', 'Mediator: schedule a mediation session (answers sessionId)', SessionScheduledResponse)
  async scheduleSession(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: ScheduleSessionDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult & { sessionId: string }> {
    const sessionId = randomUUID();
    const result = await this.run(id, { type: 'schedule-session', sessionId, ...dto }, actor, expectedVersion, requestId);
    return { ...result, sessionId };
  }

  @ActionRoute('record-session', 'Mediator: record that a session was held')
  recordSession(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: RecordSessionDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'record-session', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('conclude-mediation', 'Mediator: conclude the mediation with its result')
  concludeMediation(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: ConcludeMediationDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'conclude-mediation', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('request-escalation', 'A party: escalate to binding advice or arbitration after mediation')
  requestEscalation(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: RequestEscalationDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'request-escalation', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('accept-escalation', 'The other party: accept the escalation')
  acceptEscalation(
    @Param('id', DisputeIdPipe) id: string,
    @Body() _dto: AcceptEscalationDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'accept-escalation' }, actor, expectedVersion, requestId);
  }

  @ActionRoute('decline-escalation', 'The other party: decline the escalation (closes the case)')
  declineEscalation(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: DeclineEscalationDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'decline-escalation', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('submit-statement', 'A party: submit a statement in binding advice or arbitration')
  submitStatement(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: SubmitStatementDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(
      id,
      {
        type: 'submit-statement',
        kind: dto.kind,
        ...(dto.text !== undefined ? { text: dto.text } : {}),
        ...(dto.documentIds !== undefined ? { documentIds: [...dto.documentIds] } : {}),
      },
      actor,
      expectedVersion,
      requestId,
    );
  }

  @ActionRoute('schedule-hearing', 'Adviser or arbitrator: schedule a hearing (answers hearingId)', HearingScheduledResponse)
  async scheduleHearing(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: ScheduleHearingDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult & { hearingId: string }> {
    const hearingId = randomUUID();
    const result = await this.run(id, { type: 'schedule-hearing', hearingId, ...dto }, actor, expectedVersion, requestId);
    return { ...result, hearingId };
  }

  @ActionRoute('record-hearing', 'Adviser or arbitrator: record that the hearing was held')
  recordHearing(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: RecordHearingDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'record-hearing', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('render-decision', 'Adviser or arbitrator (chair): render the decision')
  renderDecision(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: RenderDecisionDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'render-decision', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('withdraw', 'Claimant: withdraw the dispute')
  withdraw(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: WithdrawDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'withdraw', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('record-settlement', 'Secretariat: record that the parties settled')
  recordSettlement(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: RecordSettlementDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'record-settlement', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('extend-deadline', 'Secretariat or appointed neutral: extend an open deadline')
  extendDeadline(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: ExtendDeadlineDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'extend-deadline', ...dto }, actor, expectedVersion, requestId);
  }

  @ActionRoute('invoice-fee', 'Secretariat: invoice a fee (answers invoiceId)', FeeInvoicedResponse)
  async invoiceFee(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: InvoiceFeeDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult & { invoiceId: string }> {
    const invoiceId = randomUUID();
    const result = await this.run(id, { type: 'invoice-fee', invoiceId, ...dto }, actor, expectedVersion, requestId);
    return { ...result, invoiceId };
  }

  @ActionRoute('record-payment', 'Secretariat: record that an invoice was paid')
  recordPayment(
    @Param('id', DisputeIdPipe) id: string,
    @Body() dto: RecordPaymentDto,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CommandResult> {
    return this.run(id, { type: 'record-payment', ...dto }, actor, expectedVersion, requestId);
  }

  private run(
    disputeId: string,
    command: ActionCommand,
    actor: Actor,
    expectedVersion: number | undefined,
    correlationId: string,
  ): Promise<CommandResult> {
    // A plain object: the DTO's class must not travel into the events.
    const plain = JSON.parse(JSON.stringify(command)) as ActionCommand;
    return this.commandBus.execute(
      new RunDisputeActionCommand(disputeId, plain, actor, {
        ...(expectedVersion !== undefined ? { expectedVersion } : {}),
        correlationId,
      }),
    );
  }
}
