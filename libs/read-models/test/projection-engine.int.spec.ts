import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import type { EventStore, StoredEvent } from '../../event-store/src/port';
import {
  casesProjection,
  DEFAULT_PROJECTIONS,
  openReadModels,
  type OpenedReadModels,
  type Projection,
  ProjectionFailedError,
  ProjectionWaitTimeoutError,
  timelineProjection,
} from '../src';
import { expectCaseListThrough, failingAfter } from './failing-projection';
import { CaseScript, eventually, openStore, resultOf, tempDir } from './support';

// The engine's promises: checkpoint and rows move together, a restart resumes exactly, several
// engines on the same files never apply an event twice, and read-your-writes waits are bounded.

const execFileAsync = promisify(execFile);

const TABLES: Record<string, string> = {
  projection_checkpoints: 'SELECT name, position FROM projection_checkpoints ORDER BY name',
  case_summaries: 'SELECT * FROM case_summaries ORDER BY dispute_id',
  case_list: 'SELECT * FROM case_list ORDER BY dispute_id',
  case_access: 'SELECT * FROM case_access ORDER BY dispute_id, principal',
  timeline_entries: 'SELECT * FROM timeline_entries ORDER BY dispute_id, revision',
  open_deadlines: 'SELECT * FROM open_deadlines ORDER BY dispute_id, deadline_id',
};

async function dump(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(TABLES)) out[table] = await dataSource.query(sql);
  return out;
}

/** A few cases at different stages: dispute events interleaved with case-number registry events. */
async function seed(store: EventStore, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    const day = String(i).padStart(2, '0');
    const c = await new CaseScript(store, { filedAt: `2025-03-${day}T09:00:00.000Z` }).file();
    if (i % 3 === 0) continue;
    await c.register(i, `2025-03-${day}T12:00:00.000Z`);
    if (i % 3 === 1) continue;
    await c.accept('mediation', `2025-04-${day}T09:00:00.000Z`);
    await c.nominate([`med-${i}`], `2025-04-${day}T10:00:00.000Z`);
  }
}

const disputeEventsOf = async (store: EventStore): Promise<StoredEvent[]> =>
  (await store.readAll()).filter((e) => e.streamId.startsWith('dispute-'));

describe('ProjectionEngine', () => {
  const dirs: ReturnType<typeof tempDir>[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const newDir = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir.path;
  };
  const open = async (dataDir: string): Promise<OpenedReadModels> => {
    const opened = await openReadModels({ dataDir });
    cleanups.push(() => opened.close());
    return opened;
  };

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    for (const dir of dirs.splice(0)) dir.remove();
  });

  function storeIn(dir: string): EventStore {
    const store = openStore(dir);
    cleanups.push(() => store.close());
    return store;
  }

  it('rolls back a failing projection alone, and a restart ends equal to a build from scratch', async () => {
    const eventsDir = newDir();
    const store = storeIn(eventsDir);
    await seed(store, 9);
    const all = await store.readAll();
    const head = await store.headPosition();
    const firstBatchEnd = all[4].position;

    // cases writes its rows, then fails, on every batch after the first.
    const failingCases = failingAfter(casesProjection, firstBatchEnd);
    const readDir = newDir();
    const first = await open(readDir);
    const errors: unknown[] = [];
    const engine = first.createProjectionEngine(store, {
      projections: [failingCases, timelineProjection],
      batchSize: 5,
      onError: (error) => errors.push(error),
    });
    await engine.start();
    await eventually(() => errors.length > 0);
    await eventually(async () => {
      const rows = await first.dataSource.query(`SELECT position FROM projection_checkpoints WHERE name = 'timeline'`);
      return rows[0]?.position === all[9].position;
    });
    await engine.stop();

    expect(errors[0]).toBeInstanceOf(ProjectionFailedError);
    expect((errors[0] as ProjectionFailedError).projection).toBe('cases');
    const checkpoints = Object.fromEntries(
      (await first.dataSource.query('SELECT name, position FROM projection_checkpoints')).map((r: { name: string; position: number }) => [
        r.name,
        r.position,
      ]),
    );
    // The other went on; cases stayed at the end of the first batch...
    expect(checkpoints['cases']).toBe(firstBatchEnd);
    expect(checkpoints['timeline']).toBe(all[9].position);
    expect(engine.position()).toBe(firstBatchEnd);
    // ...and its rows reflect exactly the events up to its checkpoint, nothing of the failed batch.
    await expectCaseListThrough(first.dataSource, all, firstBatchEnd);

    // Restart as a new process would: reopen the files, default projections.
    await first.close();
    const restarted = await open(readDir);
    const resumed = restarted.createProjectionEngine(store);
    await resumed.start();
    await resumed.waitForPosition(head);

    const fresh = await open(newDir());
    const scratch = fresh.createProjectionEngine(store);
    await scratch.start();
    await scratch.waitForPosition(head);

    const [resumedRows, freshRows] = [await dump(restarted.dataSource), await dump(fresh.dataSource)];
    expect(resumedRows).toEqual(freshRows);
    expect(resumedRows.timeline_entries).toHaveLength((await disputeEventsOf(store)).length);
    expect(resumedRows.case_list).toHaveLength(9);
  });

  it('with two engines in one process on the same files, applies every event exactly once', async () => {
    const store = storeIn(newDir());
    const readDir = newDir();
    const [a, b] = [await open(readDir), await open(readDir)];

    // Counts the events each projection applies, over both engines. The engine takes the write
    // lock before calling apply, so an apply that ran is an apply that commits.
    const applied = new Map<string, number>();
    const counting = (p: Projection): Projection => ({
      name: p.name,
      tables: p.tables,
      async apply(events, manager) {
        await p.apply(events, manager);
        applied.set(p.name, (applied.get(p.name) ?? 0) + events.length);
      },
    });
    const projections = DEFAULT_PROJECTIONS.map(counting);
    const options = { projections, batchSize: 3, onError: () => undefined };
    const engineA = a.createProjectionEngine(store, options);
    const engineB = b.createProjectionEngine(store, options);

    // Both start on a backlog, so they race for the very same batches.
    await seed(store, 12);
    await Promise.all([engineA.start(), engineB.start()]);
    await seed(store, 3); // and then on live appends

    const end = await store.headPosition();
    await Promise.all([engineA.waitForPosition(end, 20_000), engineB.waitForPosition(end, 20_000)]);

    const disputeEvents = (await disputeEventsOf(store)).length;
    expect(Object.fromEntries(applied)).toEqual(Object.fromEntries(DEFAULT_PROJECTIONS.map((p) => [p.name, disputeEvents])));
    expect(await a.dataSource.query('SELECT COUNT(*) AS n FROM timeline_entries')).toEqual([{ n: disputeEvents }]);
    expect(await dump(a.dataSource)).toEqual(await dump(b.dataSource));
  });

  it('with projectors in three processes on the same files, applies every event exactly once', async () => {
    const eventsDir = newDir();
    const readDir = newDir();
    const store = storeIn(eventsDir);
    await seed(store, 30);
    const head = await store.headPosition();

    const worker = join(__dirname, 'engine-worker.ts');
    const runner = join(__dirname, 'run-ts.js');
    const outputs = await Promise.all(
      [1, 2, 3].map(() => execFileAsync(process.execPath, [runner, worker, eventsDir, readDir, String(head)])),
    );
    const counts = outputs.map(({ stdout }) => JSON.parse(resultOf(stdout)) as Record<string, number>);
    const total = (name: string) => counts.reduce((sum, c) => sum + (c[name] ?? 0), 0);

    const disputeEvents = (await disputeEventsOf(store)).length;
    expect({ cases: total('cases'), timeline: total('timeline') }).toEqual({
      cases: disputeEvents,
      timeline: disputeEvents,
    });
    const check = await open(readDir);
    expect(await check.dataSource.query('SELECT COUNT(*) AS n FROM timeline_entries')).toEqual([{ n: disputeEvents }]);
    const fresh = await open(newDir());
    const scratch = fresh.createProjectionEngine(store);
    await scratch.start();
    await scratch.waitForPosition(head);
    expect(await dump(check.dataSource)).toEqual(await dump(fresh.dataSource));
  }, 60_000);

  it('waitForPosition resolves once the event is projected and times out otherwise', async () => {
    const store = storeIn(newDir());
    const opened = await open(newDir());
    const engine = opened.createProjectionEngine(store);
    await engine.start();

    const c = await new CaseScript(store, { filedAt: '2025-05-01T09:00:00.000Z' }).file();
    await engine.waitForPosition(c.lastPosition);
    expect(await opened.readModels.getCase(c.id)).toMatchObject({ status: 'filed' });

    // The register append ends with the registry's event; waiting for it covers the dispute's too.
    await c.register(7, '2025-05-02T09:00:00.000Z');
    await engine.waitForPosition(c.lastPosition);
    expect(await opened.readModels.getCase(c.id)).toMatchObject({ caseNumber: 'GZC-2025-0007' });

    const started = Date.now();
    await expect(engine.waitForPosition(c.lastPosition + 1, 100)).rejects.toThrow(ProjectionWaitTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    await expect(engine.waitForPosition(c.lastPosition + 1, 100)).rejects.toThrow(
      `Read models did not reach position ${c.lastPosition + 1} within 100 ms`,
    );

    // A waiter for a future event resolves when it arrives.
    const waiting = engine.waitForPosition(c.lastPosition + 1, 5000);
    await c.accept('mediation', '2025-05-03T09:00:00.000Z');
    await expect(waiting).resolves.toBeUndefined();
    expect(await opened.readModels.getCase(c.id)).toMatchObject({ status: 'awaiting_neutral' });
  });

  it('resumes from its checkpoints after a clean stop without applying anything twice', async () => {
    const store = storeIn(newDir());
    const readDir = newDir();
    await seed(store, 3);
    const first = await open(readDir);
    const engine = first.createProjectionEngine(store);
    await engine.start();
    await engine.waitForPosition(await store.headPosition());
    await first.close();

    await seed(store, 2);
    const second = await open(readDir);
    const again = second.createProjectionEngine(store);
    await again.start();
    expect(again.position()).toBeGreaterThan(0);
    await again.waitForPosition(await store.headPosition());
    expect(await second.dataSource.query('SELECT COUNT(*) AS n FROM timeline_entries')).toEqual([
      { n: (await disputeEventsOf(store)).length },
    ]);
  });

  /**
   * Projections that note, as each starts, how many of the event loop's check-phase callbacks have
   * run since the batch began: the first schedules one; it runs only if the engine yields between
   * projections.
   */
  function loopProbes(): { projections: Projection[]; batches: number[][] } {
    const batches: number[][] = [];
    let ticks = 0;
    const probe = (name: string, first: boolean): Projection => ({
      name,
      tables: [],
      async apply() {
        if (first) {
          ticks = 0;
          batches.push([]);
          setImmediate(() => ticks++);
        }
        batches[batches.length - 1].push(ticks);
      },
    });
    return { projections: [probe('probe-a', true), probe('probe-b', false), probe('probe-c', false)], batches };
  }

  it("applies a command's small batch to every projection in one stretch, without waiting for the event loop", async () => {
    const store = storeIn(newDir());
    const opened = await open(newDir());
    const { projections, batches } = loopProbes();
    const engine = opened.createProjectionEngine(store, { projections });
    await engine.start();
    const c = await new CaseScript(store, { filedAt: '2025-06-01T09:00:00.000Z' }).file();
    await engine.waitForPosition(c.lastPosition);
    // Under read load each yield waited a whole round of queued requests, and the command's
    // read-your-writes wait waited for every one of them.
    expect(batches.length).toBeGreaterThan(0);
    for (const seen of batches) expect(seen).toEqual([0, 0, 0]);
  });

  it('yields between projections in a large batch (a catch-up)', async () => {
    const store = storeIn(newDir());
    for (let i = 1; i <= 20; i++) await new CaseScript(store, { filedAt: `2025-06-${String(i).padStart(2, '0')}T09:00:00.000Z` }).file();
    const opened = await open(newDir());
    const { projections, batches } = loopProbes();
    const engine = opened.createProjectionEngine(store, { projections });
    await engine.start();
    await engine.waitForPosition(await store.headPosition());
    // One batch of 20 events: the engine yielded before the second projection (the callback ran).
    expect(batches).toEqual([[0, 1, 1]]);
  });
});
