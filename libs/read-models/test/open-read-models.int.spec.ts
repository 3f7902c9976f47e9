import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openReadModels, READ_MODEL_MIGRATIONS, READ_MODELS_FILENAME } from '../src';
import type { CountThread } from '../src/count-thread';
import { resultOf, tempDir } from './support';

// The real count thread, with its starts and counts recorded.
const threads: { count: jest.Mock }[] = [];
jest.mock('../src/count-thread', () => {
  const actual: typeof import('../src/count-thread') = jest.requireActual('../src/count-thread');
  return {
    ...actual,
    startCountThread: (...args: Parameters<typeof actual.startCountThread>): CountThread => {
      const thread = actual.startCountThread(...args);
      const count = jest.fn((sql: string, parameters: unknown[]) => thread.count(sql, parameters));
      threads.push({ count });
      return { count, stop: () => thread.stop() };
    },
  };
});

const execFileAsync = promisify(execFile);

describe('openReadModels', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('creates the folder and the WAL database, and migrates it once', async () => {
    const dataDir = join(dir.path, 'nested', 'data');
    const first = await openReadModels({ dataDir });
    expect(existsSync(join(dataDir, READ_MODELS_FILENAME))).toBe(true);
    expect(await first.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    const tables = (await first.dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)).map(
      (r: { name: string }) => r.name,
    );
    expect(tables).toEqual(
      expect.arrayContaining([
        'case_access',
        'case_list',
        'case_summaries',
        'idempotency_records',
        'open_deadlines',
        'projection_checkpoints',
        'timeline_entries',
      ]),
    );
    await first.close();

    const again = await openReadModels({ dataDir });
    expect(await again.dataSource.query('SELECT name FROM migrations ORDER BY id')).toEqual(
      READ_MODEL_MIGRATIONS.map((m) => ({ name: m.name })),
    );
    await again.close();
  });

  it('prepareCaseListCounts starts the count thread before any list, and the list then counts in that thread', async () => {
    threads.length = 0;
    const opened = await openReadModels({ dataDir: dir.path });
    try {
      expect(threads).toHaveLength(0);
      await opened.prepareCaseListCounts();
      expect(threads).toHaveLength(1);
      expect(threads[0].count).toHaveBeenCalledTimes(1);
      // A provider's list: the plan counts the provider's own cases and the filter's.
      await opened.readModels.listCases({ organisationIds: ['org-a'], userId: 'user-a' }, { status: 'filed', limit: 20 });
      expect(threads).toHaveLength(1);
      expect(threads[0].count.mock.calls.length).toBeGreaterThan(1);
    } finally {
      await opened.close();
    }
  });

  it('survives several processes opening a fresh folder at the same instant', async () => {
    const worker = join(__dirname, 'open-worker.ts');
    const runner = join(__dirname, 'run-ts.js');
    const startAt = String(Date.now() + 1500); // after every child has loaded its code
    const results = await Promise.all([1, 2, 3, 4].map(() => execFileAsync(process.execPath, [runner, worker, dir.path, startAt])));
    expect(results.map((r) => resultOf(r.stdout))).toEqual(['opened', 'opened', 'opened', 'opened']);
    const opened = await openReadModels({ dataDir: dir.path });
    expect(await opened.dataSource.query('SELECT COUNT(*) AS n FROM migrations')).toEqual([{ n: READ_MODEL_MIGRATIONS.length }]);
    await opened.close();
  }, 30_000);
});
