import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  LEGAL_FRAMEWORKS,
  PHASES,
  ROUTES,
  SECTORS,
  SUBJECTS,
  type LegalFramework,
  type Phase,
  type Route,
  type Sector,
  type Subject,
} from '../../../../../../libs/domain/src';
import { Cents, IsLegalFramework, MAX_ID, MAX_SUMMARY, MAX_TEXT, Required, RequiredText } from './validators';

export const MAX_PARTIES = 50;
export const MAX_CLAIMS = 100;

/** A non-empty list of distinct organisation ids: the claimants or the respondents. */
const OrganisationIds = (example: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type: [String], minItems: 1, maxItems: MAX_PARTIES, example: [example] }),
    Required(),
    IsArray(),
    ArrayNotEmpty(),
    ArrayMaxSize(MAX_PARTIES),
    ArrayUnique(),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(MAX_ID, { each: true }),
  );

export class ClaimDto {
  @ApiProperty({ maxLength: MAX_TEXT, example: 'Tariff for 2026 at the level of the NZa maximum' })
  @RequiredText(MAX_TEXT)
  description!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Amount claimed in euro cents' })
  @IsOptional()
  @Cents()
  amountCents?: number;
}

export class FileDisputeDto {
  @ApiProperty({ enum: [...PHASES] })
  @Required()
  @IsIn([...PHASES])
  phase!: Phase;

  @ApiProperty({
    enum: [...LEGAL_FRAMEWORKS],
    description: 'Wmo and Jeugdwet disputes are municipal and outside jurisdiction (400).',
  })
  @Required()
  @IsLegalFramework()
  legalFramework!: LegalFramework;

  @ApiProperty({ enum: [...SECTORS] })
  @Required()
  @IsIn([...SECTORS])
  sector!: Sector;

  @ApiProperty({ enum: [...SUBJECTS], isArray: true, minItems: 1, maxItems: SUBJECTS.length })
  @Required()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(SUBJECTS.length)
  @ArrayUnique()
  @IsIn([...SUBJECTS], { each: true })
  subjects!: Subject[];

  @ApiProperty({ minimum: 2016, maximum: 2100, example: 2026 })
  @Required()
  @IsInt()
  @Min(2016)
  @Max(2100)
  contractYear!: number;

  @OrganisationIds('org-fysio-delinde')
  claimantOrganisationIds!: string[];

  @OrganisationIds('org-zv-noord')
  respondentOrganisationIds!: string[];

  @ApiProperty({ maxLength: MAX_SUMMARY })
  @RequiredText(MAX_SUMMARY)
  summary!: string;

  @ApiProperty({ type: [ClaimDto], maxItems: MAX_CLAIMS })
  @Required()
  @IsArray()
  @ArrayMaxSize(MAX_CLAIMS)
  @IsObject({ each: true, message: 'each claim must be an object {description, amountCents?}' })
  @ValidateNested({ each: true })
  @Type(() => ClaimDto)
  claims!: ClaimDto[];

  @ApiProperty({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Total amount in dispute in euro cents' })
  @Required()
  @Cents()
  amountInDisputeCents!: number;

  @ApiProperty({ enum: [...ROUTES] })
  @Required()
  @IsIn([...ROUTES])
  proposedRoute!: Route;

  @ApiProperty()
  @Required()
  @IsBoolean()
  urgent!: boolean;

  @ApiPropertyOptional({ maxLength: MAX_TEXT, description: 'Required when urgent, e.g. a threatened client stop' })
  @ValidateIf((o: FileDisputeDto) => o.urgent === true || o.urgencyReason !== undefined)
  @IsString({ message: 'urgencyReason is required when urgent is true, and must be text' })
  @IsNotEmpty({ message: 'urgencyReason is required when urgent is true' })
  @MaxLength(MAX_TEXT)
  urgencyReason?: string;
}
