import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore, Subscription } from '../../event-store/src/port';
import {
  casesProjection,
  DEFAULT_PROJECTIONS,
  openReadModels,
  ProjectionFailedError,
  projectionLockKey,
  timelineProjection,
  type OpenedReadModels,
} from '../src';
import type { ProjectionRunner } from '../src/contracts';
import { projectionRows } from './projection-rows';
import { expectCaseListThrough, failingAfter } from './failing-projection';
import { CaseScript, eventually, openStore, tempDir } from './support';
import { openTarget } from './targets';

// On PostgreSQL each projection runs in the one process that holds its advisory lock, and the
// projections a process leads run from ONE subscription (one catch-up read and one transaction a
// batch). When a process loses one lock, it goes on with the others and a standby takes the lost
// one; the rows end equal to a build from scratch. A small batch applies the projections side by
// side, each in its own transaction, so a failing one holds back only itself. Runs where
// DATABASE_URL is set (CI).
const describePostgres = process.env.DATABASE_URL ? describe : describe.skip;

const ALL = DEFAULT_PROJECTIONS.map((p) => p.name).sort();

/** The store, with a count of the subscriptions to the log that are running. */
function countingSubscriptions(store: EventStore): { store: EventStore; running: () => number } {
  let running = 0;
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'subscribeToAll') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (...args: Parameters<EventStore['subscribeToAll']>): Subscription => {
        const subscription = target.subscribeToAll(...args);
        running++;
        let stopped = false;
        return {
          async stop() {
            if (!stopped) running--;
            stopped = true;
            await subscription.stop();
          },
        };
      };
    },
  });
  return { store: counted, running: () => running };
}

describePostgres('leader-elected projections on PostgreSQL', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: EventStore;
  const opened: OpenedReadModels[] = [];
  const leading = (runner: ProjectionRunner): string[] => [...(runner as unknown as { leading(): string[] }).leading()].sort();

  beforeEach(() => {
    dir = tempDir();
    store = openStore(dir.path);
  });

  afterEach(async () => {
    // Closing stops the runners each created. The first drops the schema (openTarget): it closes last.
    for (const readModels of opened.splice(0).reverse()) await readModels.close();
    await store.close();
    dir.remove();
  });

  async function fileCases(from: number, count: number): Promise<void> {
    for (let i = from; i < from + count; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const c = await new CaseScript(store, { filedAt: `2025-03-${day}T09:00:00.000Z`, summary: `Case ${i}` }).file();
      await c.register(i, `2025-03-${day}T10:00:00.000Z`);
      if (i % 2 === 0) await c.accept('mediation', `2025-04-${day}T09:00:00.000Z`);
    }
  }

  it('a small batch applies the projections side by side; a failing one is rolled back alone, the others go on', async () => {
    const readModels = await openTarget('postgres', dir.path);
    opened.push(readModels);
    await fileCases(1, 4);
    const all = await store.readAll();
    const firstBatchEnd = all[4].position;
    // cases writes its rows, then fails, on every batch after the first.
    const failingCases = failingAfter(casesProjection, firstBatchEnd);
    const errors: unknown[] = [];
    const engine = readModels.createProjectionEngine(store, {
      projections: [failingCases, timelineProjection],
      batchSize: 5,
      onError: (error) => errors.push(error),
    });
    await engine.start();
    const checkpoint = async (name: string): Promise<number> => {
      const rows = await readModels.dataSource.query('SELECT position FROM projection_checkpoints WHERE name = $1', [name]);
      return rows.length ? Number(rows[0].position) : 0;
    };
    await eventually(async () => errors.length > 0 && (await checkpoint('timeline')) === all[9].position);
    await engine.stop();
    // The other went on through the batch that failed (the subscription retries that batch).
    expect(errors[0]).toBeInstanceOf(ProjectionFailedError);
    expect((errors[0] as ProjectionFailedError).projection).toBe('cases');
    expect(await checkpoint('cases')).toBe(firstBatchEnd);
    // Its rows hold exactly the events up to its checkpoint, nothing of the failed batches.
    await expectCaseListThrough(readModels.dataSource, all, firstBatchEnd);
  });

  it('runs every projection it leads from one subscription; a lost lock moves that projection alone to the standby', async () => {
    const first = await openTarget('postgres', dir.path);
    opened.push(first);
    if (first.location.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const { databaseUrl, schema } = first.location;
    const second = await openReadModels({ databaseUrl, schema });
    opened.push(second);

    const a = countingSubscriptions(store);
    const runnerA = first.createProjectionRunner(a.store, { lockRetryMs: 50 });
    await runnerA.start();
    await eventually(() => leading(runnerA).length === ALL.length && a.running() === 1);

    const b = countingSubscriptions(store);
    const runnerB = second.createProjectionRunner(b.store, { lockRetryMs: 50 });
    await runnerB.start();

    await fileCases(1, 6);
    // The standby reads its writes by the leader's checkpoints, and runs nothing itself.
    await runnerB.waitForPosition(await store.headPosition());
    expect(leading(runnerA)).toEqual(ALL);
    expect(a.running()).toBe(1);
    expect(leading(runnerB)).toEqual([]);
    expect(b.running()).toBe(0);

    // The leader's lock connection for one projection dies: PostgreSQL releases that lock alone.
    const lost = 'timeline';
    await first.dataSource.query(
      `SELECT pg_terminate_backend(l.pid) FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
          AND l.classid::bigint = (hashtextextended($1, 0) >> 32) & 4294967295
          AND l.objid::bigint = hashtextextended($1, 0) & 4294967295`,
      [projectionLockKey(schema, lost)],
    );
    await eventually(() => leading(runnerB).join() === lost && leading(runnerA).join() === ALL.filter((n) => n !== lost).join());
    await eventually(() => a.running() === 1 && b.running() === 1);

    await fileCases(7, 6);
    const head = await store.headPosition();
    await runnerA.waitForPosition(head);
    await runnerB.waitForPosition(head);

    mkdirSync(join(dir.path, 'scratch'));
    const scratch = await openTarget('sqlite', join(dir.path, 'scratch'));
    opened.push(scratch);
    const engine = scratch.createProjectionEngine(store);
    await engine.start();
    await engine.waitForPosition(head);
    expect(await projectionRows(first.dataSource)).toEqual(await projectionRows(scratch.dataSource));
  });
});
