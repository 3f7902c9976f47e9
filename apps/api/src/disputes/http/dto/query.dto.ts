import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LEGAL_FRAMEWORKS, PHASES, ROUTES, SECTORS, STATUSES } from '../../../../../../libs/domain/src';
import { IsoDate } from './validators';

export class ListDisputesQueryDto {
  @ApiPropertyOptional({ enum: [...STATUSES] })
  @IsOptional()
  @IsIn([...STATUSES])
  status?: string;

  @ApiPropertyOptional({ enum: [...PHASES] })
  @IsOptional()
  @IsIn([...PHASES])
  phase?: string;

  @ApiPropertyOptional({ enum: [...LEGAL_FRAMEWORKS] })
  @IsOptional()
  @IsIn([...LEGAL_FRAMEWORKS])
  legalFramework?: string;

  @ApiPropertyOptional({ enum: [...SECTORS] })
  @IsOptional()
  @IsIn([...SECTORS])
  sector?: string;

  @ApiPropertyOptional({ enum: [...ROUTES] })
  @IsOptional()
  @IsIn([...ROUTES])
  route?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Text over case number, summary and parties' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ maxLength: 500, description: "The previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class GetDisputeQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'The case as it stood then: a date is the end of that day in Amsterdam, a date-time without offset is Amsterdam time; not in the future',
  })
  @IsOptional()
  @IsoDate()
  asOf?: string;
}
