import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openReadModels, READ_MODEL_MIGRATIONS, READ_MODELS_FILENAME } from '../src';
import { resultOf, tempDir } from './support';

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

  it('survives several processes opening a fresh folder at the same instant', async () => {
    const worker = join(__dirname, 'open-worker.ts');
    const runner = join(__dirname, 'run-ts.js');
    const startAt = String(Date.now() + 1500); // after every child has loaded its code
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => execFileAsync(process.execPath, [runner, worker, dir.path, startAt])),
    );
    expect(results.map((r) => resultOf(r.stdout))).toEqual(['opened', 'opened', 'opened', 'opened']);
    const opened = await openReadModels({ dataDir: dir.path });
    expect(await opened.dataSource.query('SELECT COUNT(*) AS n FROM migrations')).toEqual([{ n: READ_MODEL_MIGRATIONS.length }]);
    await opened.close();
  }, 30_000);
});
