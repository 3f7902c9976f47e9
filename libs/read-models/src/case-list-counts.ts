/** How long a count is trusted: it only picks the plan, so a minute's drift costs at most a slower page. */
const MAX_AGE_MS = 60_000;
/** Counts kept (principals and filter values); the oldest go first. */
const MAX_ENTRIES = 10_000;

/** Runs a `SELECT COUNT(*) AS n ...` (with `?` placeholders) and returns the number. */
export type CountRows = (sql: string, parameters: unknown[]) => Promise<number>;

interface Entry {
  at: number;
  n: Promise<number>;
  /** The number once counted: what a stale entry answers while it is counted again. */
  value?: number;
  recounting?: boolean;
}

/**
 * Row counts the case list chooses its walk by (see TypeOrmReadModels.listCases): how many cases a
 * principal may list, how many match a filter value. Counted on first use (concurrent askers share
 * one count); after a minute the known number is still answered at once while it is counted again,
 * so only the very first asker of a count ever waits for one.
 */
export class CaseListCounts {
  private readonly counts = new Map<string, Entry>();

  constructor(
    private readonly countRows: CountRows,
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
    if (known?.value !== undefined) {
      if (!known.recounting) this.recount(key, known, sql, parameters);
      return known.n;
    }
    const entry: Entry = { at: now, n: this.countRows(sql, parameters) };
    this.keep(key, entry);
    entry.n.then(
      (n) => (entry.value = n),
      // A failed count is not kept: the next request counts again.
      () => this.counts.get(key) === entry && this.counts.delete(key),
    );
    return entry.n;
  }

  /** Counts a stale entry again in the background; until then (or if it fails) the old number stands. */
  private recount(key: string, stale: Entry, sql: string, parameters: unknown[]): void {
    stale.recounting = true;
    this.countRows(sql, parameters).then(
      (n) => {
        if (this.counts.get(key) === stale) this.keep(key, { at: this.now(), n: Promise.resolve(n), value: n });
      },
      () => (stale.recounting = false),
    );
  }

  private keep(key: string, entry: Entry): void {
    this.counts.delete(key); // re-inserted last: the map's order is the eviction order
    this.counts.set(key, entry);
    while (this.counts.size > MAX_ENTRIES) this.counts.delete(this.counts.keys().next().value as string);
  }
}
