import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor, OrganisationKind, Role, UserInfo } from '../../../../../libs/domain/src';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { IfMatch } from '../../http/if-match';
import { ApiProblemResponses, ProblemSchema } from '../../http/openapi';
import { ProblemException, problemType } from '../../http/problem';
import { RequestId } from '../../http/request-id';
import { OrganisationResponse, toOrganisationResponse, UserResponse } from '../directory.controller';
import { DirectoryCommands } from '../directory-commands';
import type { DirectoryOrganisation } from '../../../../../libs/directory/src/directory-records';
import { DirectoryService, type Versioned } from '../../../../../libs/directory/src/directory.service';
import { ChangeOrganisationDto, ChangeUserDto, RegisterOrganisationDto, RegisterUserDto } from './directory.dto';

export class VersionedOrganisationResponse extends OrganisationResponse {
  @ApiProperty({ description: 'Number of changes so far; send it as If-Match to change it' }) version!: number;
}

export class VersionedUserResponse extends UserResponse {
  @ApiProperty({ description: 'Number of changes so far; send it as If-Match to change it' }) version!: number;
}

const IF_MATCH_HEADER = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The version (ETag) you last saw: 3, "3" or W/"3". 409 if it moved on.',
});

/**
 * The secretariat keeps the directory: organisations and users, each change an event. Everyone
 * else gets 403 here (the public list of organisations is GET /api/organisations).
 */
@ApiTags('directory')
@ApiBearerAuth()
@ApiProblemResponses()
@ApiForbiddenResponse({ type: ProblemSchema, description: 'Only the secretariat manages the directory' })
@Controller('api/directory')
export class DirectoryAdminController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly commands: DirectoryCommands,
  ) {}

  @Get('organisations')
  @ApiOperation({ summary: 'Every organisation with its version (secretariat)' })
  @ApiOkResponse({ type: [VersionedOrganisationResponse] })
  listOrganisations(@CurrentActor() actor: Actor): VersionedOrganisationResponse[] {
    requireSecretariat(actor);
    return this.directory.versionedOrganisations().map(organisationAnswer);
  }

  @Get('organisations/:id')
  @ApiOperation({ summary: 'One organisation (ETag: its version; secretariat)' })
  @ApiOkResponse({ type: VersionedOrganisationResponse })
  @ApiNotFoundResponse({ type: ProblemSchema })
  getOrganisation(@Param('id') id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): VersionedOrganisationResponse {
    requireSecretariat(actor);
    const found = this.directory.versionedOrganisation(id);
    if (!found) throw notFound(`No organisation ${id} in the directory.`);
    return withEtag(res, organisationAnswer(found));
  }

  @Post('organisations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an organisation (secretariat)' })
  @ApiCreatedResponse({ type: VersionedOrganisationResponse })
  async registerOrganisation(
    @Body() dto: RegisterOrganisationDto,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VersionedOrganisationResponse> {
    requireSecretariat(actor);
    const org: DirectoryOrganisation = {
      id: dto.id,
      kind: dto.kind as OrganisationKind,
      name: dto.name,
      codes: { ...(dto.codes ?? {}) },
      ...(dto.smallProvider !== undefined ? { smallProvider: dto.smallProvider } : {}),
      ...(dto.members !== undefined ? { members: [...dto.members] } : {}),
    };
    const saved = await this.commands.registerOrganisation(org, { actor, requestId });
    res.setHeader('Location', `/api/directory/organisations/${encodeURIComponent(saved.record.id)}`);
    return withEtag(res, organisationAnswer(saved));
  }

  @Patch('organisations/:id')
  @ApiOperation({ summary: 'Change an organisation: name, codes, small-provider flag, members (secretariat)' })
  @IF_MATCH_HEADER
  @ApiOkResponse({ type: VersionedOrganisationResponse })
  @ApiNotFoundResponse({ type: ProblemSchema })
  @ApiConflictResponse({ type: ProblemSchema, description: 'If-Match no longer matches' })
  async changeOrganisation(
    @Param('id') id: string,
    @Body() dto: ChangeOrganisationDto,
    @IfMatch() expectedVersion: number | undefined,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VersionedOrganisationResponse> {
    requireSecretariat(actor);
    const saved = await this.commands.changeOrganisation(
      id,
      {
        ...(dto.kind !== undefined ? { kind: dto.kind } : {}),
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(dto.codes !== undefined ? { codes: { ...dto.codes } } : {}),
        ...(dto.smallProvider !== undefined ? { smallProvider: dto.smallProvider } : {}),
        ...(dto.members !== undefined ? { members: [...dto.members] } : {}),
      },
      { actor, requestId, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
    );
    return withEtag(res, organisationAnswer(saved));
  }

  @Get('users')
  @ApiOperation({ summary: 'Every user with its version (secretariat)' })
  @ApiOkResponse({ type: [VersionedUserResponse] })
  listUsers(@CurrentActor() actor: Actor): VersionedUserResponse[] {
    requireSecretariat(actor);
    return this.directory.versionedUsers().map(userAnswer);
  }

  @Get('users/:id')
  @ApiOperation({ summary: 'One user (ETag: its version; secretariat)' })
  @ApiOkResponse({ type: VersionedUserResponse })
  @ApiNotFoundResponse({ type: ProblemSchema })
  getUser(@Param('id') id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): VersionedUserResponse {
    requireSecretariat(actor);
    const found = this.directory.versionedUser(id);
    if (!found) throw notFound(`No user ${id} in the directory.`);
    return withEtag(res, userAnswer(found));
  }

  @Post('users')
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a user of an organisation (secretariat)' })
  @ApiCreatedResponse({ type: VersionedUserResponse })
  async registerUser(
    @Body() dto: RegisterUserDto,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VersionedUserResponse> {
    requireSecretariat(actor);
    const user: UserInfo = {
      id: dto.id,
      name: dto.name,
      role: dto.role as Role,
      organisationId: dto.organisationId,
      ...(dto.email !== undefined ? { email: dto.email } : {}),
    };
    const saved = await this.commands.registerUser(user, { actor, requestId });
    res.setHeader('Location', `/api/directory/users/${encodeURIComponent(saved.record.id)}`);
    return withEtag(res, userAnswer(saved));
  }

  @Patch('users/:id')
  @ApiOperation({ summary: "Change a user's name, role or organisation (secretariat)" })
  @IF_MATCH_HEADER
  @ApiOkResponse({ type: VersionedUserResponse })
  @ApiNotFoundResponse({ type: ProblemSchema })
  @ApiConflictResponse({ type: ProblemSchema, description: 'If-Match no longer matches' })
  async changeUser(
    @Param('id') id: string,
    @Body() dto: ChangeUserDto,
    @IfMatch() expectedVersion: number | undefined,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VersionedUserResponse> {
    requireSecretariat(actor);
    const saved = await this.commands.changeUser(
      id,
      {
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(dto.role !== undefined ? { role: dto.role } : {}),
        ...(dto.organisationId !== undefined ? { organisationId: dto.organisationId } : {}),
        ...(dto.email !== undefined ? { email: dto.email } : {}),
      },
      { actor, requestId, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
    );
    return withEtag(res, userAnswer(saved));
  }

  @Delete('users/:id')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a user: their access ends at once; the id is not given out again (secretariat)" })
  @IF_MATCH_HEADER
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ type: ProblemSchema })
  @ApiConflictResponse({ type: ProblemSchema, description: 'If-Match no longer matches' })
  async removeUser(
    @Param('id') id: string,
    @IfMatch() expectedVersion: number | undefined,
    @CurrentActor() actor: Actor,
    @RequestId() requestId: string,
  ): Promise<void> {
    requireSecretariat(actor);
    await this.commands.removeUser(id, { actor, requestId, ...(expectedVersion !== undefined ? { expectedVersion } : {}) });
  }
}

function requireSecretariat(actor: Actor): void {
  if (actor.role !== 'secretariat') {
    throw new ProblemException({
      status: 403,
      type: problemType('forbidden'),
      title: 'Not allowed',
      detail: 'Only the secretariat manages the directory of organisations and users.',
      code: 'forbidden',
    });
  }
}

function notFound(detail: string): ProblemException {
  return new ProblemException({ status: 404, type: problemType('not_found'), detail, code: 'not_found' });
}

function withEtag<T extends { version: number }>(res: Response, body: T): T {
  res.setHeader('ETag', `"${body.version}"`);
  return body;
}

const organisationAnswer = (v: Versioned<DirectoryOrganisation>): VersionedOrganisationResponse => ({
  ...toOrganisationResponse(v.record),
  version: v.version,
});

const userAnswer = (v: Versioned<UserInfo>): VersionedUserResponse => ({ ...v.record, version: v.version });
