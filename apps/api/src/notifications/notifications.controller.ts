import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src';
import { decodeNotificationCursor, NotificationQueries } from '../../../../libs/notifications/src';
import type { OpenedReadModels } from '../../../../libs/read-models/src';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Clock } from '../../../../libs/runtime/src/clock';
import { CLOCK } from '../../../../libs/runtime/src/tokens';
import { ApiProblemResponses } from '../http/openapi';
import { ProblemException, problemType, RequestValidationException } from '../http/problem';
import { READ_MODEL_HANDLE } from '../infrastructure/infrastructure.tokens';
import {
  NotificationListQueryDto,
  NotificationListSchema,
  NotificationPreferencesDto,
  NotificationPreferencesSchema,
} from './notification.dto';

/** The caller's own messages ("Meldingen" in the portal): every user sees only what was sent to them. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiProblemResponses()
@Controller('api/notifications')
export class NotificationsController {
  private readonly queries: NotificationQueries;

  constructor(
    @Inject(READ_MODEL_HANDLE) readModels: OpenedReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new NotificationQueries(readModels.queryDataSource);
  }

  @Get()
  @ApiOperation({ summary: "The caller's messages, newest first, with the number still unread" })
  @ApiOkResponse({ type: NotificationListSchema })
  async list(@CurrentActor() actor: Actor, @Query() query: NotificationListQueryDto): Promise<NotificationListSchema> {
    const limit = query.limit === undefined ? 50 : Number(query.limit);
    if (!(limit >= 1 && limit <= 200))
      throw new RequestValidationException([{ field: 'limit', message: 'limit must be a whole number between 1 and 200' }]);
    const before = query.cursor === undefined ? undefined : decodeNotificationCursor(query.cursor);
    if (query.cursor !== undefined && !before)
      throw new RequestValidationException([{ field: 'cursor', message: "cursor must be a previous answer's nextCursor" }]);
    return this.queries.list(actor.userId, limit, before);
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiOperation({ summary: "Marks all of the caller's messages as read" })
  @ApiNoContentResponse()
  async readAll(@CurrentActor() actor: Actor): Promise<void> {
    await this.queries.markAllRead(actor.userId, this.clock.now());
  }

  @Get('preferences')
  @ApiOperation({ summary: "The caller's e-mail preferences" })
  @ApiOkResponse({ type: NotificationPreferencesSchema })
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesSchema> {
    return this.queries.preferences(actor.userId).then((p) => ({ ...p, nonEssentialKinds: [...p.nonEssentialKinds] }));
  }

  @Put('preferences')
  @ApiOperation({ summary: 'Switches e-mails that may be switched off on or off (deadlines and decisions always stay on)' })
  @ApiOkResponse({ type: NotificationPreferencesSchema })
  async setPreferences(@CurrentActor() actor: Actor, @Body() body: NotificationPreferencesDto): Promise<NotificationPreferencesSchema> {
    const saved = await this.queries.setPreferences(actor.userId, body.nonEssentialEmail, this.clock.now());
    return { ...saved, nonEssentialKinds: [...saved.nonEssentialKinds] };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks one of the caller’s messages as read (404 for anyone else’s)' })
  @ApiNoContentResponse()
  async markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    const found = /^[0-9a-f]{40}$/.test(id) && (await this.queries.markRead(actor.userId, id, this.clock.now()));
    if (!found) {
      throw new ProblemException({
        status: 404,
        type: problemType('not-found'),
        title: 'Not found',
        detail: `There is no message ${id.slice(0, 60)} for you.`,
        code: 'notification_not_found',
      });
    }
  }
}
