import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { amsterdamDateOf, readPersonInstant, type Actor, type FileDispute } from '../../../../../libs/domain/src';
import type { Clock } from '../../../../../libs/runtime/src/clock';
import { CLOCK } from '../../../../../libs/runtime/src/tokens';
import type { CaseListPage } from '../../../../../libs/read-models/src/contracts';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { IdempotencyInterceptor } from '../../http/idempotency.interceptor';
import { ApiCaseProblemResponses, ApiProblemResponses, ProblemSchema } from '../../http/openapi';
import { RequestValidationException } from '../../http/problem';
import { RateLimited } from '../../http/rate-limit';
import { RequestId } from '../../http/request-id';
import { caseViewETag } from '../../http/viewer-etag';
import { randomUUID } from 'node:crypto';
import { RunDisputeCommand, type CommandResult } from '../application/dispute-commands';
import { DisputeReader } from '../application/dispute-reader';
import type { CaseView, ConflictCheckView, TimelineItemView } from '../application/views';
import { DisputeIdPipe } from './dispute-id.pipe';
import { FileDisputeDto } from './dto/file-dispute.dto';
import { GetDisputeQueryDto, ListDisputesQueryDto } from './dto/query.dto';
import { CaseListResponse, CommandResultResponse } from './dto/responses.dto';

export const DEFAULT_PAGE_SIZE = 20;

@ApiTags('disputes')
@ApiBearerAuth()
@Controller('api/disputes')
export class DisputesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: DisputeReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @RateLimited('filing')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'File a dispute' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer' })
  @ApiCreatedResponse({ type: CommandResultResponse })
  @ApiProblemResponses()
  @ApiUnprocessableEntityResponse({ type: ProblemSchema, description: 'Idempotency-Key reused for another request' })
  async file(@Body() dto: FileDisputeDto, @CurrentActor() actor: Actor, @RequestId() requestId: string): Promise<CommandResult> {
    const disputeId = randomUUID();
    // Field by field: the DTOs' classes (the claims) must not travel into the events.
    const command: FileDispute = {
      type: 'file-dispute',
      disputeId,
      phase: dto.phase,
      legalFramework: dto.legalFramework,
      sector: dto.sector,
      subjects: [...dto.subjects],
      contractYear: dto.contractYear,
      claimantOrganisationIds: [...dto.claimantOrganisationIds],
      respondentOrganisationIds: [...dto.respondentOrganisationIds],
      summary: dto.summary,
      claims: dto.claims.map((c) => ({
        description: c.description,
        ...(c.amountCents !== undefined ? { amountCents: c.amountCents } : {}),
      })),
      amountInDisputeCents: dto.amountInDisputeCents,
      proposedRoute: dto.proposedRoute,
      urgent: dto.urgent,
      ...(dto.urgencyReason !== undefined ? { urgencyReason: dto.urgencyReason } : {}),
    };
    return this.commandBus.execute(new RunDisputeCommand(disputeId, command, actor, { correlationId: requestId }));
  }

  @Get()
  @ApiOperation({ summary: 'The cases the caller may see, newest first' })
  @ApiOkResponse({ type: CaseListResponse })
  @ApiProblemResponses()
  list(@Query() query: ListDisputesQueryDto, @CurrentActor() actor: Actor): Promise<CaseListPage> {
    return this.reader.list(actor, {
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.phase !== undefined ? { phase: query.phase } : {}),
      ...(query.legalFramework !== undefined ? { legalFramework: query.legalFramework } : {}),
      ...(query.sector !== undefined ? { sector: query.sector } : {}),
      ...(query.route !== undefined ? { route: query.route } : {}),
      ...(query.q !== undefined && query.q.trim() !== '' ? { q: query.q.trim() } : {}),
      ...(query.cursor !== undefined && query.cursor !== '' ? { cursor: query.cursor } : {}),
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'The case as the caller may see it (ETag: "<version>-<viewer tag>", usable as If-Match)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ description: 'The case view, with allowedActions' })
  @ApiCaseProblemResponses()
  async get(
    @Param('id', DisputeIdPipe) id: string,
    @Query() query: GetDisputeQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView | ConflictCheckView> {
    const asOf = query.asOf !== undefined ? parseAsOf(query.asOf, this.clock.now()) : undefined;
    const view = await this.reader.get(id, actor, asOf);
    // A nominee's conflict check carries no version: they cannot act on the case (rule 2).
    if ('version' in view) res.setHeader('ETag', caseViewETag(view.version, actor, view));
    return view;
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'The events the caller may see, oldest first' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCaseProblemResponses()
  timeline(@Param('id', DisputeIdPipe) id: string, @CurrentActor() actor: Actor): Promise<TimelineItemView[]> {
    return this.reader.timeline(id, actor);
  }
}

/**
 * Rule 21: asOf=YYYY-MM-DD is the end of that day in Amsterdam (today: the case as it is now); a
 * date-time without an offset is Amsterdam time; anything after now is refused.
 */
function parseAsOf(value: string, now: Date): Date {
  const date = readPersonInstant(value, 'end_of_day');
  if (date === undefined) {
    throw new RequestValidationException([{ field: 'asOf', message: 'asOf must be a date (2026-03-01) or an ISO 8601 date-time' }]);
  }
  const today = amsterdamDateOf(now);
  const asDate = /^\d{4}-\d{2}-\d{2}$/.test(value) ? amsterdamDateOf(date) : undefined;
  if (asDate && asDate.year === today.year && asDate.month === today.month && asDate.day === today.day) return now;
  if (date.getTime() > now.getTime()) {
    throw new RequestValidationException([
      { field: 'asOf', message: `asOf lies in the future; give a moment up to now (${now.toISOString()})` },
    ]);
  }
  return date;
}
