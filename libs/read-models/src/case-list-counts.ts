import type { EntityManager } from 'typeorm';
import { select } from './sql';

/** How long a count is trusted: it only picks the plan, so a minute's drift costs at most a slower page. */
const MAX_AGE_MS = 60_000;
/** Counts kept (principals and filter values); the oldest go first. */
const MAX_ENTRIES = 10_000;

/**
 * Row counts the case list chooses its walk by (see TypeOrmReadModels.listCases): how many cases a
 * principal may list, how many match a filter value. Counted on first use and again after a
 * minute; concurrent askers share one count.
 */
export class CaseListCounts {
  private readonly counts = new Map<string, { at: number; n: Promise<number> }>();

  constructor(
    private readonly manager: () => EntityManager,
    private readonly now: () => number = Date.now,
  ) {}

  /** Cases `principal` (org:…, user:…) may list. */
  principal(principal: string): Promise<number> {
    return this.count(`principal\u0000${principal}`, 'SELECT COUNT(*) AS n FROM case_access WHERE principal = ?', [principal]);
  }

  /** Cases whose `column` (one of the list's filter columns, never a caller's text) equals `value`. */
  filter(column: string, value: string): Promise<number> {
    return this.count(`${column}\u0000${value}`, `SELECT COUNT(*) AS n FROM case_list WHERE ${column} = ?`, [value]);
  }

  /** Every listed case. */
  all(): Promise<number> {
    return this.count('all', 'SELECT COUNT(*) AS n FROM case_list', []);
  }

  private count(key: string, sql: string, parameters: unknown[]): Promise<number> {
    const now = this.now();
    const known = this.counts.get(key);
    if (known && now - known.at < MAX_AGE_MS) return known.n;
    const n = select<{ n: number | string }>(this.manager(), sql, parameters).then(([row]) => Number(row?.n ?? 0));
    this.counts.delete(key); // re-inserted last: the map's order is the eviction order
    this.counts.set(key, { at: now, n });
    // A failed count is not kept: the next request counts again.
    n.catch(() => this.counts.get(key)?.n === n && this.counts.delete(key));
    while (this.counts.size > MAX_ENTRIES) this.counts.delete(this.counts.keys().next().value as string);
    return n;
  }
}
