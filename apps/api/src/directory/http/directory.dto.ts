import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ORGANISATION_KINDS, ROLES } from '../../../../../libs/domain/src';

// Shapes only: types and lengths. The directory's rules (code formats, roles that fit the
// organisation, members that are providers, ids not taken) are checked by DirectoryCommands,
// which name the field of each problem just the same.

const MAX = 200;

export class OrganisationCodesDto {
  @ApiPropertyOptional({ example: '04012345', description: 'AGB code, 8 digits (care providers)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX)
  agb?: string;

  @ApiPropertyOptional({ example: '61234567', description: 'KvK number, 8 digits (care providers; optional for others)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX)
  kvk?: string;

  @ApiPropertyOptional({ example: '9001', description: 'UZOVI code, 4 digits (insurers and care offices)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX)
  uzovi?: string;
}

/** In a change, null removes a code. */
export class OrganisationCodesChangeDto {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(MAX) agb?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(MAX) kvk?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(MAX) uzovi?: string | null;
}

export class RegisterOrganisationDto {
  @ApiProperty({ example: 'org-fysio-noord', description: 'Letters, digits, ".", "_" or "-"; at most 100' })
  @IsDefined({ message: 'id is required' })
  @IsString()
  @MaxLength(MAX)
  id!: string;

  @ApiProperty({ enum: [...ORGANISATION_KINDS] })
  @IsDefined({ message: 'kind is required' })
  @IsString()
  @MaxLength(MAX)
  kind!: string;

  @ApiProperty({ example: 'Fysiotherapie Noord' })
  @IsDefined({ message: 'name is required' })
  @IsString()
  @MaxLength(MAX)
  name!: string;

  @ApiPropertyOptional({ type: OrganisationCodesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OrganisationCodesDto)
  codes?: OrganisationCodesDto;

  @ApiPropertyOptional({ description: 'Care providers (required for them): turnover under EUR 325,000 or at most 10 professionals' })
  @IsOptional()
  @IsBoolean()
  smallProvider?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Associations (required for them): member care provider ids' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(MAX, { each: true })
  members?: string[];
}

export class ChangeOrganisationDto {
  @ApiPropertyOptional({ description: 'Cannot change; allowed here only with the current value' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX)
  kind?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX) name?: string;

  @ApiPropertyOptional({ type: OrganisationCodesChangeDto, description: 'Codes to set; null removes one' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OrganisationCodesChangeDto)
  codes?: OrganisationCodesChangeDto;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() smallProvider?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(MAX, { each: true })
  members?: string[];
}

export class RegisterUserDto {
  @ApiProperty({ example: 'prov-piet' }) @IsDefined({ message: 'id is required' }) @IsString() @MaxLength(MAX) id!: string;
  @ApiProperty({ example: 'Piet Noord' }) @IsDefined({ message: 'name is required' }) @IsString() @MaxLength(MAX) name!: string;
  @ApiProperty({ enum: [...ROLES] }) @IsDefined({ message: 'role is required' }) @IsString() @MaxLength(MAX) role!: string;
  @ApiProperty({ example: 'org-fysio-noord' })
  @IsDefined({ message: 'organisationId is required' })
  @IsString()
  @MaxLength(MAX)
  organisationId!: string;
  @ApiPropertyOptional({ example: 'piet@fysio-noord.example' }) @IsOptional() @IsString() @MaxLength(MAX) email?: string;
}

export class ChangeUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX) email?: string;
  @ApiPropertyOptional({ enum: [...ROLES] }) @IsOptional() @IsString() @MaxLength(MAX) role?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX) organisationId?: string;
}
