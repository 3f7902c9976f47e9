import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STATUSES } from '../../../../../../libs/domain/src';

export class CommandResultResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [...STATUSES] }) status!: string;
  @ApiProperty({ description: 'The case version after the command: use it in If-Match' }) version!: number;
  @ApiPropertyOptional({ example: 'GZC-2026-0001' }) caseNumber?: string;
}

export class SessionScheduledResponse extends CommandResultResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
}

export class HearingScheduledResponse extends CommandResultResponse {
  @ApiProperty({ format: 'uuid' }) hearingId!: string;
}

export class FeeInvoicedResponse extends CommandResultResponse {
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
}

export class CaseListItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) caseNumber!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty() phase!: string;
  @ApiProperty() legalFramework!: string;
  @ApiProperty() sector!: string;
  @ApiProperty({ type: [String] }) subjects!: string[];
  @ApiProperty({ nullable: true, type: String }) route!: string | null;
  @ApiProperty({ type: [String] }) claimantOrganisationIds!: string[];
  @ApiProperty({ type: [String] }) respondentOrganisationIds!: string[];
  @ApiProperty() summary!: string;
  @ApiProperty() urgent!: boolean;
  @ApiProperty() filedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export class CaseListResponse {
  @ApiProperty({ type: [CaseListItemResponse] }) items!: CaseListItemResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
