import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

// Query strings are checked in period-query.ts (dates, order, vocabularies) so that each problem
// names its field in words a person can act on; these classes list the allowed parameters (an
// unknown one is refused) and describe them for OpenAPI.

export class PeriodQueryDto {
  @ApiPropertyOptional({ format: 'date', example: '2024-01-01', description: 'First day (Dutch calendar), default 2016-06-02' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2024-12-31', description: 'Last day, inclusive; default today' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ enum: ['year', 'quarter'], default: 'year' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  groupBy?: string;
}

export class MediationOutcomesQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5000, default: 1000, description: 'Largest number of items in one answer' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  limit?: string;

  @ApiPropertyOptional({ maxLength: 500, description: "The previous answer's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class StatisticsQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ example: '2024', description: 'One whole calendar year (instead of from/to); observers: a year that has ended' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  year?: string;

  @ApiPropertyOptional({ example: '2024-Q2', description: 'One whole quarter (instead of from/to); observers: a quarter that has ended' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  quarter?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: text/csv, one row per figure and period' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  format?: string;
}
