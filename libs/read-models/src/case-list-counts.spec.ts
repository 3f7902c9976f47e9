import { CaseListCounts, type CountRows } from './case-list-counts';

/** A count the test settles by hand, to see what callers get while it is running. */
function manualCounts() {
  const calls: { sql: string; parameters: unknown[]; resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  const countRows: CountRows = (sql, parameters) => new Promise((resolve, reject) => calls.push({ sql, parameters, resolve, reject }));
  return { calls, countRows };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CaseListCounts', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('counts once for concurrent askers and keeps the number for a minute', async () => {
    const { calls, countRows } = manualCounts();
    const counts = new CaseListCounts(countRows, clock);
    const asked = [counts.filter('phase', 'contractual'), counts.filter('phase', 'contractual')];
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ sql: 'SELECT COUNT(*) AS n FROM case_list WHERE phase = ?', parameters: ['contractual'] });
    calls[0].resolve(42);
    expect(await Promise.all(asked)).toEqual([42, 42]);
    now += 59_000;
    expect(await counts.filter('phase', 'contractual')).toBe(42);
    expect(calls).toHaveLength(1);
  });

  it('after a minute answers the known number at once and counts again in the background, once', async () => {
    const { calls, countRows } = manualCounts();
    const counts = new CaseListCounts(countRows, clock);
    const first = counts.principal('org:a');
    calls[0].resolve(7);
    expect(await first).toBe(7);
    now += 61_000;
    // The recount is still running: both askers get the old number without waiting for it.
    expect(await counts.principal('org:a')).toBe(7);
    expect(await counts.principal('org:a')).toBe(7);
    expect(calls).toHaveLength(2);
    calls[1].resolve(9);
    await settle();
    expect(await counts.principal('org:a')).toBe(9);
    expect(calls).toHaveLength(2);
  });

  it('a failed first count is not kept; a failed recount keeps the old number and is tried again', async () => {
    const { calls, countRows } = manualCounts();
    const counts = new CaseListCounts(countRows, clock);
    const failed = counts.all();
    calls[0].reject(new Error('database is locked'));
    await expect(failed).rejects.toThrow('database is locked');
    await settle();
    const second = counts.all();
    expect(calls).toHaveLength(2);
    calls[1].resolve(100);
    expect(await second).toBe(100);
    now += 61_000;
    expect(await counts.all()).toBe(100);
    calls[2].reject(new Error('database is locked'));
    await settle();
    expect(await counts.all()).toBe(100);
    expect(calls).toHaveLength(4);
    calls[3].resolve(101);
    await settle();
    expect(await counts.all()).toBe(101);
  });
});
