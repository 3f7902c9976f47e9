import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src';
import type { ReadModels } from '../../../../libs/read-models/src/contracts';
import { formatDate, periodsOf, type MediationOutcome } from '../../../../libs/read-models/src/statistics';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Clock } from '../common/clock';
import { CLOCK, READ_MODELS } from '../common/tokens';
import { ApiProblemResponses, ProblemSchema } from '../http/openapi';
import { PeriodQueryDto } from './dto/statistics-query.dto';
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
  items: MediationOutcome[];
  periods: (SettlementRate & { period: string; from: string; to: string })[];
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
  async get(@Query() dto: PeriodQueryDto, @CurrentActor() actor: Actor): Promise<MediationOutcomesAnswer> {
    if (actor.role !== 'secretariat' && actor.role !== 'mediator') {
      throw notForYourRole('Mediation outcomes are for the secretariat and mediators; observers read GET /api/statistics.');
    }
    const query = parsePeriodQuery(dto, this.clock.now());
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
    return { from: formatDate(query.from), to: formatDate(query.to), groupBy: query.groupBy, ...rateOf(items), periods, items };
  }
}
