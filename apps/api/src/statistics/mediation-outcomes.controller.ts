import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src';
import type { ReadModels } from '../../../../libs/read-models/src/contracts';
import { formatDate, periodsOf, type MediationOutcome } from '../../../../libs/read-models/src/statistics';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Clock } from '../../../../libs/runtime/src/clock';
import { CLOCK, READ_MODELS } from '../../../../libs/runtime/src/tokens';
import { ApiProblemResponses, ProblemSchema } from '../http/openapi';
import { MediationOutcomesQueryDto } from './dto/statistics-query.dto';
import type { FieldError } from '../http/problem';
import { notForYourRole } from './forbidden';
import { parsePeriodQuery } from './period-query';

export interface SettlementRate {
  concluded: number;
  fullAgreement: number;
  partialAgreement: number;
  noAgreement: number;
  /** fullAgreement / concluded, four decimals; null without concluded mediations. */
  settlementRate: number | null;
}

export interface MediationOutcomesAnswer extends SettlementRate {
  from: string;
  to: string;
  groupBy: string;
  /** At most `limit` mediations, oldest first; the figures above count all of the window. */
  items: MediationOutcome[];
  /** Pass as `cursor` for the next items; null on the last page. */
  nextCursor: string | null;
  periods: (SettlementRate & { period: string; from: string; to: string })[];
}

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 5000;

/** The keyset of the last item handed out; null when the text is not a cursor of ours. */
function decodeOutcomeCursor(cursor: string): { at: string; id: string } | null {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    return typeof parsed.at === 'string' && typeof parsed.id === 'string' ? { at: parsed.at, id: parsed.id } : null;
  } catch {
    return null;
  }
}

const rateOf = (items: MediationOutcome[]): SettlementRate => {
  const count = (result: string) => items.filter((i) => i.result === result).length;
  const fullAgreement = count('full_agreement');
  return {
    concluded: items.length,
    fullAgreement,
    partialAgreement: count('partial_agreement'),
    noAgreement: count('no_agreement'),
    settlementRate: items.length === 0 ? null : Math.round((fullAgreement / items.length) * 10_000) / 10_000,
  };
};

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/mediation-outcomes')
export class MediationOutcomesController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Concluded mediations with result, sector, route and days taken; settlement rate per period',
    description:
      'The secretariat sees every mediation, a mediator the mediations they conducted. Observers read ' +
      'anonymised statistics only (GET /api/statistics), parties their own cases.',
  })
  @ApiOkResponse({ description: 'The mediations concluded in [from, to], oldest first' })
  @ApiForbiddenResponse({ type: ProblemSchema, description: 'Only the secretariat and mediators' })
  @ApiProblemResponses()
  async get(@Query() dto: MediationOutcomesQueryDto, @CurrentActor() actor: Actor): Promise<MediationOutcomesAnswer> {
    if (actor.role !== 'secretariat' && actor.role !== 'mediator') {
      throw notForYourRole('Mediation outcomes are for the secretariat and mediators; observers read GET /api/statistics.');
    }
    const errors: FieldError[] = [];
    const limit = dto.limit === undefined ? DEFAULT_LIMIT : Number(dto.limit);
    if (!/^\d+$/.test(dto.limit ?? '1') || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      errors.push({ field: 'limit', message: `limit must be a whole number from 1 to ${MAX_LIMIT}` });
    }
    const after = dto.cursor === undefined ? undefined : decodeOutcomeCursor(dto.cursor);
    if (after === null) errors.push({ field: 'cursor', message: 'cursor is not valid: pass a nextCursor from a previous answer unchanged' });
    const query = parsePeriodQuery(dto, this.clock.now(), errors);
    const items = await this.readModels.statistics.mediationOutcomes(
      query.from,
      query.to,
      actor.role === 'mediator' ? actor.userId : undefined,
    );
    const periods = periodsOf(query.from, query.to, query.groupBy).map((p) => ({
      period: p.label,
      from: p.from,
      to: p.to,
      ...rateOf(items.filter((i) => i.concludedAt >= p.start && i.concludedAt < p.end)),
    }));
    const start = after ? items.findIndex((i) => i.concludedAt > after.at || (i.concludedAt === after.at && i.disputeId > after.id)) : 0;
    const rest = start < 0 ? [] : items.slice(start);
    const page = rest.slice(0, limit);
    const last = page[page.length - 1];
    return {
      from: formatDate(query.from),
      to: formatDate(query.to),
      groupBy: query.groupBy,
      ...rateOf(items),
      periods,
      items: page,
      nextCursor: rest.length > limit && last ? Buffer.from(JSON.stringify({ at: last.concludedAt, id: last.disputeId })).toString('base64url') : null,
    };
  }
}
