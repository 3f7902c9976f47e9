import {
  resultOf,
  scopeFiguresOf,
  type PeriodFigures,
  type ScopeFigures,
  type StatisticsRequest,
  type StatisticsResult,
  type StatisticsTally,
  type WithheldPerPeriod,
} from './compute-statistics';

// A long window (every quarter since 2016) is asked often and every write to today's cases
// changes it, but only in its last period and the whole window. So the figures are kept per
// scope, with the tally stamp of that scope (StatisticsTally.scopeStamps) and their JSON text:
// a new answer recomputes and re-serialises the scopes a change touched, and reuses the rest.

/** One scope's figures as computed at a stamp; `json` is filled in the first time it is rendered. */
export interface CachedScope<F extends Figures = Figures> extends ScopeFigures<F> {
  stamp: number;
  json?: string;
}
type Figures = ScopeFigures['figures'];

/** An answer with the scopes it was put together from (to render it from their cached JSON). */
export interface TallyFigures {
  result: StatisticsResult;
  whole: CachedScope;
  periods: CachedScope<PeriodFigures>[];
}

/**
 * The scopes of one tally for one audience. Observers' scopes also depend on the publication:
 * another publication empties the cache.
 */
export class ScopeFiguresCache {
  private publication: WithheldPerPeriod | undefined;
  private whole: CachedScope | undefined;
  private periods: (CachedScope<PeriodFigures> | undefined)[] = [];

  /** The figures of `tally` (whose periods are the request's), recomputing only the scopes whose stamp moved. */
  figures(tally: StatisticsTally, request: StatisticsRequest): TallyFigures {
    if (this.publication !== request.publication) {
      this.publication = request.publication;
      this.whole = undefined;
      this.periods = [];
    }
    const stamps = tally.scopeStamps;
    let compute: ReturnType<typeof scopeFiguresOf> | undefined; // counts taken only when some scope is stale
    const periods = request.periods.map((_, i) => {
      const cached = this.periods[i];
      if (cached?.stamp === stamps[i]) return cached;
      compute ??= scopeFiguresOf(tally, request);
      const fresh: CachedScope<PeriodFigures> = { stamp: stamps[i], ...compute.period(i) };
      this.periods[i] = fresh;
      return fresh;
    });
    const P = request.periods.length;
    let whole = this.whole;
    if (whole?.stamp !== stamps[P]) {
      compute ??= scopeFiguresOf(tally, request);
      whole = { stamp: stamps[P], ...compute.whole() };
      this.whole = whole;
    }
    return { result: resultOf(whole, periods), whole, periods };
  }
}

/**
 * The answer as JSON: `header` (its fields first), the whole window's figures, `periods` and
 * `suppressed`, exactly as JSON.stringify({ ...header, ...result }) writes it, but with each
 * period's text serialised once per stamp instead of on every answer.
 */
export function renderStatisticsJson(header: Record<string, unknown>, figures: TallyFigures): string {
  const head = JSON.stringify({ ...header, ...figures.whole.figures });
  const periods = figures.periods.map((p) => (p.json ??= JSON.stringify(p.figures)));
  return `${head.slice(0, -1)},"periods":[${periods.join(',')}],"suppressed":${JSON.stringify(figures.result.suppressed)}}`;
}
