import { createHash } from 'node:crypto';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { statisticsAudience, type Actor } from '../../../../libs/domain/src';
import type { ReadModels } from '../../../../libs/read-models/src/contracts';
import { formatDate, renderStatisticsJson, statisticsToCsv, type StatisticsResult } from '../../../../libs/read-models/src/statistics';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Clock } from '../../../../libs/runtime/src/clock';
import { APP_CONFIG, CLOCK, READ_MODELS } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { ApiProblemResponses, ProblemSchema } from '../http/openapi';
import { viewerTag } from '../http/viewer-etag';
import { StatisticsQueryDto } from './dto/statistics-query.dto';
import { notForYourRole } from './forbidden';
import { parseStatisticsQuery } from './period-query';

export interface StatisticsAnswer extends StatisticsResult {
  from: string;
  to: string;
  groupBy: string;
  /** Observers: counts of 1..minCellCount-1 cases are withheld, and cells that would reveal them. */
  minCellCount: number;
  audience: 'secretariat' | 'observer';
}

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/statistics')
export class StatisticsController {
  /** Each reader's tag, hashed once: a hash per answer was a noticeable part of a cached answer's cost. */
  private readonly viewerTags = new Map<string, string>();

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Statistics per year or quarter (secretariat: every cell; observers: small cells withheld as null)',
    description:
      'Figures of docs/domain.md (Statistics) over the window [from, to] (Dutch calendar days) and per period. Medians and 90th ' +
      'percentiles use the nearest-rank method. For observers every count of 1..k-1 cases (k = ' +
      'STATISTICS_MIN_CELL_COUNT, default 5) is null, and so is every cell that would let one be recovered by ' +
      'subtraction or by solving the identities between all published figures; `suppressed` lists them. ' +
      'Observers get whole periods that have ended only (year=YYYY, quarter=YYYY-Qn, or from/to over whole years). ' +
      'format=csv answers text/csv.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The statistics' })
  @ApiForbiddenResponse({ type: ProblemSchema, description: 'Parties and neutrals do not read statistics' })
  @ApiProblemResponses()
  async get(@Query() dto: StatisticsQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<string> {
    // The visibility rules (libs/domain visibility.ts) decide who reads which cells.
    const audience = statisticsAudience(actor);
    if (!audience) {
      throw notForYourRole('Statistics are for the secretariat and the observers (the supervisory committee and the NZa).');
    }
    const now = this.clock.now();
    const query = parseStatisticsQuery(dto, now, audience);
    const answer = await this.readModels.statistics.statisticsAnswer({
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      audience,
      minCellCount: this.config.statisticsMinCellCount,
      now,
    });
    const window = { from: formatDate(query.from), to: formatDate(query.to) };
    // Rendered once per answer: a repeated question costs a cache lookup, not a serialisation.
    let rendered = answer.rendered.get(query.format);
    if (rendered === undefined) {
      // JSON from each period's text, serialised once until a change touches that period.
      const text =
        query.format === 'csv'
          ? statisticsToCsv(answer.result, window)
          : renderStatisticsJson(
              { ...window, groupBy: query.groupBy, minCellCount: this.config.statisticsMinCellCount, audience },
              answer.figures,
            );
      // Named by its content, so another process or a restart gives the same figures the same tag.
      rendered = { text, hash: createHash('sha1').update(text).digest('base64url') };
      answer.rendered.set(query.format, rendered);
    }
    // Our own validator: Express would otherwise hash the whole body on every answer.
    // Per viewer: observers and the secretariat see different cells for the same question.
    res.setHeader('ETag', `W/"${rendered.hash}-${this.viewerTagOf(actor)}"`);
    if (query.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="statistics-${window.from}-${window.to}-${query.groupBy}.csv"`);
    } else {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
    }
    return rendered.text;
  }

  private viewerTagOf(actor: Actor): string {
    // Keyed by exactly what viewerTag hashes, so equal keys give equal tags.
    const key = `${actor.userId}\n${actor.role}\n${actor.organisationId}`;
    let tag = this.viewerTags.get(key);
    if (tag === undefined) {
      tag = viewerTag(actor);
      if (this.viewerTags.size >= MAX_VIEWER_TAGS) this.viewerTags.delete(this.viewerTags.keys().next().value as string);
      this.viewerTags.set(key, tag);
    }
    return tag;
  }
}

/** Readers whose tag is kept (statistics readers are the secretariat and a few observers). */
const MAX_VIEWER_TAGS = 1000;
