import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  DECISION_OUTCOMES,
  ESCALATION_ROUTES,
  FEE_KINDS,
  INADMISSIBILITY_REASONS,
  MEDIATION_RESULTS,
  ROUTES,
  STATEMENT_KINDS,
  type DecisionOutcome,
  type EscalationRoute,
  type FeeKind,
  type InadmissibilityReason,
  type MediationResult,
  type Route,
  type StatementKind,
} from '../../../../../../libs/domain/src';
import { Cents, AmsterdamInstant, MAX_ID, MAX_SHORT_TEXT, MAX_TEXT, OptionalText, Required, RequiredId, RequiredText } from './validators';

// One body per JSON action of the action table (../../action-table.ts). Unknown fields are refused (400) by the global pipe.

export class RequestInformationDto {
  @ApiProperty({ maxLength: MAX_TEXT, description: 'What the claimant must supply' })
  @RequiredText(MAX_TEXT)
  questions!: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'The last day (Amsterdam; ends 23:59:59 there), or a date-time. Default: the information deadline of the policies',
  })
  @IsOptional()
  @AmsterdamInstant('end_of_day')
  dueDate?: string;
}

export class ProvideInformationDto {
  @ApiProperty({ maxLength: MAX_TEXT })
  @RequiredText(MAX_TEXT)
  answers!: string;
}

export class DeclareInadmissibleDto {
  @ApiProperty({ enum: [...INADMISSIBILITY_REASONS] })
  @Required()
  @IsIn([...INADMISSIBILITY_REASONS])
  reason!: InadmissibilityReason;

  @ApiProperty({ maxLength: MAX_TEXT })
  @RequiredText(MAX_TEXT)
  explanation!: string;
}

/** An action without a body: `{}` (or no body). */
export class EmptyBodyDto {}
export class RegisterDto extends EmptyBodyDto {}
export class AppointNeutralsDto extends EmptyBodyDto {}
export class AcceptEscalationDto extends EmptyBodyDto {}
// --- due-process (rules 6, 14) ---
export class ContinueWithRespondentsDto extends EmptyBodyDto {}
export class WaiveHearingDto extends EmptyBodyDto {}

export class WithdrawParticipationDto {
  @ApiPropertyOptional({ maxLength: MAX_TEXT })
  @OptionalText(MAX_TEXT)
  reason?: string;
}

/** The answering respondent (rule 6): optional; when given it must be the caller's organisation. */
const RESPONDENT_ORGANISATION = {
  maxLength: MAX_ID,
  description: 'The respondent you answer for (your organisation); required when you could answer for more than one',
};
// --- end due-process ---

export class AcceptSubmissionDto {
  @ApiProperty({ enum: [...ROUTES], description: 'The route the respondent agrees to' })
  @Required()
  @IsIn([...ROUTES])
  route!: Route;

  @ApiPropertyOptional(RESPONDENT_ORGANISATION)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ID)
  respondentOrganisationId?: string;
}

export class DeclineSubmissionDto {
  @ApiProperty({ maxLength: MAX_TEXT })
  @RequiredText(MAX_TEXT)
  reason!: string;

  @ApiPropertyOptional(RESPONDENT_ORGANISATION)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ID)
  respondentOrganisationId?: string;
}

export class ProposeRouteDto {
  @ApiProperty({ enum: [...ROUTES] })
  @Required()
  @IsIn([...ROUTES])
  route!: Route;

  @ApiPropertyOptional({ maxLength: MAX_TEXT })
  @OptionalText(MAX_TEXT)
  reason?: string;

  @ApiPropertyOptional(RESPONDENT_ORGANISATION)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ID)
  respondentOrganisationId?: string;
}

export class NominateNeutralsDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 3, description: '1 neutral, or a panel of 3 (first is chair)' })
  @Required()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_ID, { each: true })
  neutralUserIds!: string[];

  @ApiPropertyOptional({ maxLength: MAX_ID, description: 'The chair: required for a panel of 3, one of neutralUserIds' })
  @OptionalText(MAX_ID)
  chairUserId?: string;
}

export class ChallengeNeutralDto {
  @ApiProperty({ maxLength: MAX_ID })
  @RequiredId()
  neutralUserId!: string;

  @ApiProperty({ maxLength: MAX_TEXT })
  @RequiredText(MAX_TEXT)
  grounds!: string;

  @ApiPropertyOptional({ description: 'After appointment: true, the challenge rests on facts that became known later' })
  @IsOptional()
  @IsBoolean()
  newFacts?: boolean;

  @ApiPropertyOptional({ description: 'With newFacts: since when you know them, a date (Amsterdam) or date-time; at most 7 days ago' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  factsKnownSince?: string;
}

/** A party gives up its right to challenge the current nomination (no fields). */
export class WaiveChallengeDto {}

export class DecideChallengeDto {
  @ApiProperty({ maxLength: MAX_ID })
  @RequiredId()
  neutralUserId!: string;

  @ApiProperty({ description: 'true: the nomination lapses' })
  @Required()
  @IsBoolean()
  upheld!: boolean;

  @ApiPropertyOptional({ maxLength: MAX_TEXT })
  @OptionalText(MAX_TEXT)
  reasoning?: string;
}

export class ScheduleDto {
  @ApiProperty({ format: 'date-time', example: '2026-03-01T10:00', description: 'Without an offset: Amsterdam time' })
  @Required()
  @AmsterdamInstant('start_of_day')
  startsAt!: string;

  @ApiPropertyOptional({ maxLength: MAX_SHORT_TEXT })
  @OptionalText(MAX_SHORT_TEXT)
  location?: string;
}
export class ScheduleSessionDto extends ScheduleDto {}
export class ScheduleHearingDto extends ScheduleDto {}

export class RecordSessionDto {
  @ApiProperty({ maxLength: MAX_ID })
  @RequiredId()
  sessionId!: string;

  @ApiPropertyOptional({ maxLength: MAX_TEXT, description: 'Confidential to the mediator' })
  @OptionalText(MAX_TEXT)
  notes?: string;
}

export class ConcludeMediationDto {
  @ApiProperty({ enum: [...MEDIATION_RESULTS] })
  @Required()
  @IsIn([...MEDIATION_RESULTS])
  result!: MediationResult;

  @ApiPropertyOptional({ maxLength: MAX_ID })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ID)
  settlementDocumentId?: string;
}

export class RequestEscalationDto {
  @ApiProperty({ enum: [...ESCALATION_ROUTES] })
  @Required()
  @IsIn([...ESCALATION_ROUTES])
  route!: EscalationRoute;
}

export class DeclineEscalationDto {
  @ApiPropertyOptional({ maxLength: MAX_TEXT })
  @OptionalText(MAX_TEXT)
  reason?: string;
}

export class SubmitStatementDto {
  @ApiProperty({ enum: [...STATEMENT_KINDS] })
  @Required()
  @IsIn([...STATEMENT_KINDS])
  kind!: StatementKind;

  @ApiPropertyOptional({ maxLength: MAX_TEXT })
  @OptionalText(MAX_TEXT)
  text?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_ID, { each: true })
  documentIds?: string[];
}

export class RecordHearingDto {
  @ApiProperty({ maxLength: MAX_ID })
  @RequiredId()
  hearingId!: string;
}

export class RenderDecisionDto {
  @ApiProperty({ enum: [...DECISION_OUTCOMES] })
  @Required()
  @IsIn([...DECISION_OUTCOMES])
  outcome!: DecisionOutcome;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: "The claimant's share of the costs, in percent. Default from the outcome: granted 0, partially granted 50, rejected 100",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  claimantCostSharePct?: number;

  @ApiPropertyOptional({ maxLength: MAX_TEXT, description: 'Required when claimantCostSharePct differs from the default of the outcome' })
  @OptionalText(MAX_TEXT)
  costAllocationReason?: string;

  @ApiProperty({ maxLength: MAX_TEXT })
  @RequiredText(MAX_TEXT)
  summary!: string;
}

export class WithdrawDto {
  @ApiPropertyOptional({ maxLength: MAX_TEXT })
  @OptionalText(MAX_TEXT)
  reason?: string;
}

export class RecordSettlementDto {
  @ApiPropertyOptional({ maxLength: MAX_TEXT })
  @OptionalText(MAX_TEXT)
  terms?: string;
}

export class ExtendDeadlineDto {
  @ApiProperty({ maxLength: MAX_ID })
  @RequiredId()
  deadlineId!: string;

  @ApiProperty({ format: 'date', example: '2026-12-12', description: 'The new last day (ends 23:59:59 Amsterdam time), or a date-time' })
  @Required()
  @AmsterdamInstant('end_of_day')
  dueDate!: string;

  @ApiProperty({ maxLength: MAX_TEXT })
  @RequiredText(MAX_TEXT)
  reason!: string;
}

export class InvoiceFeeDto {
  @ApiProperty({ maxLength: MAX_ID })
  @RequiredId()
  organisationId!: string;

  @ApiProperty({ enum: [...FEE_KINDS] })
  @Required()
  @IsIn([...FEE_KINDS])
  kind!: FeeKind;

  @ApiProperty({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'euro cents' })
  @Required()
  @Cents()
  amountCents!: number;
}

export class RecordPaymentDto {
  @ApiProperty({ maxLength: MAX_ID })
  @RequiredId()
  invoiceId!: string;
}
