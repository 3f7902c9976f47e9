import { Controller, Get, NotFoundException, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ORGANISATION_KINDS, ROLES, type Actor } from '../../../../libs/domain/src';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { ApiRequest } from '../http/request-context';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';

class OrganisationCodesView {
  @ApiPropertyOptional({ description: 'AGB code (providers), 8 digits' }) agb?: string;
  @ApiPropertyOptional({ description: 'KvK number (providers), 8 digits' }) kvk?: string;
  @ApiPropertyOptional({ description: 'UZOVI code (insurers and care offices), 4 digits' }) uzovi?: string;
}

export class OrganisationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: [...ORGANISATION_KINDS] }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: OrganisationCodesView }) codes!: OrganisationCodesView;
  @ApiPropertyOptional({ description: 'Providers: turnover under EUR 325,000 or at most 10 professionals' })
  smallProvider?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Associations: member provider organisations' })
  members?: string[];
}

export class UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: [...ROLES] }) role!: string;
  @ApiProperty() organisationId!: string;
  @ApiPropertyOptional({ example: 'anna@fysio-delinde.example' }) email?: string;
}

export class MeResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ type: OrganisationResponse, nullable: true }) organisation!: OrganisationResponse | null;
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('me')
  @ApiOperation({ summary: 'The caller: user, role and organisation' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentActor() actor: Actor, @Req() request: ApiRequest): MeResponse {
    // The user as the token's verifier saw it: from the directory (dev tokens) or the token's claims (OIDC).
    const user = request.directoryUser ?? this.directory.user(actor.userId);
    if (!user) throw new NotFoundException('Your user is no longer in the directory.');
    const organisation = this.directory.organisation(user.organisationId) ?? null;
    return { user: { ...user }, organisation: organisation ? toOrganisationResponse(organisation) : null };
  }

  @Get('organisations')
  @ApiOperation({ summary: 'The directory of organisations' })
  @ApiOkResponse({ type: [OrganisationResponse] })
  organisations(): OrganisationResponse[] {
    return this.directory.organisations().map(toOrganisationResponse);
  }
}

export function toOrganisationResponse(org: OrganisationResponse): OrganisationResponse {
  return {
    id: org.id,
    kind: org.kind,
    name: org.name,
    codes: { ...org.codes },
    ...(org.smallProvider !== undefined ? { smallProvider: org.smallProvider } : {}),
    ...(org.members !== undefined ? { members: [...org.members] } : {}),
  };
}
