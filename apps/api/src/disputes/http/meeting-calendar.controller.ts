import { applyDecorators, Controller, Get, Header, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import type { Response } from 'express';
import type { Actor } from '../../../../../libs/domain/src';
import type { AppConfig } from '../../../../../libs/runtime/src/config/app-config';
import type { Clock } from '../../../../../libs/runtime/src/clock';
import { APP_CONFIG, CLOCK } from '../../../../../libs/runtime/src/tokens';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiCaseProblemResponses } from '../../http/openapi';
import { DisputeReader } from '../application/dispute-reader';
import { meetingIcs, type MeetingKind } from '../application/meeting-calendar';
import { DisputeIdPipe } from './dispute-id.pipe';

const ICS_DESCRIPTION =
  'text/calendar in Europe/Amsterdam time with its VTIMEZONE; the same UID as the e-mailed invitation. ' +
  'To whoever the case page shows the meeting; a meeting that can no longer take place comes as METHOD:CANCEL.';

/** The route of one kind of meeting: `GET /api/disputes/{id}/{sessions|hearings}/{…Id}/calendar.ics`. */
const MeetingIcsRoute = (kind: MeetingKind) =>
  applyDecorators(
    Get(`:id/${kind}s/:${kind}Id/calendar.ics`),
    ApiOperation({
      summary: `A ${kind === 'session' ? 'mediation session' : 'hearing'} as an iCalendar file (.ics)`,
      description: ICS_DESCRIPTION,
    }),
    ApiParam({ name: 'id', format: 'uuid' }),
    ApiParam({ name: `${kind}Id` }),
    ApiProduces('text/calendar'),
    ApiOkResponse({ description: `The ${kind} (text/calendar)` }),
    ApiCaseProblemResponses(),
    Header('Cache-Control', 'private, no-store'),
  );

/** "Zet in mijn agenda (.ics)": a session or hearing as an iCalendar file. */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('api/disputes')
export class MeetingCalendarController {
  constructor(
    private readonly reader: DisputeReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MeetingIcsRoute('session')
  session(
    @Param('id', DisputeIdPipe) id: string,
    @Param('sessionId') sessionId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return this.send(id, 'session', sessionId, actor, res);
  }

  @MeetingIcsRoute('hearing')
  hearing(
    @Param('id', DisputeIdPipe) id: string,
    @Param('hearingId') hearingId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return this.send(id, 'hearing', hearingId, actor, res);
  }

  /** Visible as the case page is: the same reader, so a nominee, an outsider or an observer gets 404. */
  private async send(id: string, kind: MeetingKind, meetingId: string, actor: Actor, res: Response): Promise<string> {
    const view = await this.reader.get(id, actor);
    const ics = meetingIcs(view, kind, meetingId, this.config.notifications.publicUrl, this.clock.now());
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition(ics.fileName, { type: 'attachment' }));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return ics.content;
  }
}
