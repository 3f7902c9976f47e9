import { DataSource } from 'typeorm';
import { inTurn, sqliteFileOf } from './sqlite-write-gate';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A piece of work that records when it runs and ends only after a few event-loop turns. */
function recorder(log: string[]) {
  return (name: string, fail = false) =>
    async (): Promise<string> => {
      log.push(`${name} start`);
      await tick();
      await tick();
      log.push(`${name} end`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
}

describe('inTurn (the in-process write gate per SQLite file)', () => {
  it('runs work on the same file one after the other, in order of arrival', async () => {
    const log: string[] = [];
    const work = recorder(log);
    const results = await Promise.all([inTurn('/tmp/a.sqlite', work('one')), inTurn('/tmp/a.sqlite', work('two'))]);
    expect(results).toEqual(['one', 'two']);
    expect(log).toEqual(['one start', 'one end', 'two start', 'two end']);
  });

  it('lets the next work run after one that failed, and passes the failure to its caller only', async () => {
    const log: string[] = [];
    const work = recorder(log);
    const failed = inTurn('/tmp/b.sqlite', work('one', true));
    const next = inTurn('/tmp/b.sqlite', work('two'));
    await expect(failed).rejects.toThrow('one failed');
    await expect(next).resolves.toBe('two');
    expect(log).toEqual(['one start', 'one end', 'two start', 'two end']);
  });

  it('does not hold back work on another file, or work without a file', async () => {
    const log: string[] = [];
    const work = recorder(log);
    await Promise.all([inTurn('/tmp/c.sqlite', work('c')), inTurn('/tmp/d.sqlite', work('d')), inTurn(undefined, work('none'))]);
    // All three had started before any ended.
    expect(log.slice(0, 3).sort()).toEqual(['c start', 'd start', 'none start']);
  });

  it('knows the file of a SQLite data source, and none for memory or PostgreSQL', () => {
    const file = new DataSource({ type: 'better-sqlite3', database: 'data/read-models.sqlite' });
    expect(sqliteFileOf(file)).toMatch(/\/data\/read-models\.sqlite$/);
    expect(sqliteFileOf(new DataSource({ type: 'better-sqlite3', database: ':memory:' }))).toBeUndefined();
    expect(sqliteFileOf(new DataSource({ type: 'postgres', url: 'postgres://localhost/x' }))).toBeUndefined();
  });
});
