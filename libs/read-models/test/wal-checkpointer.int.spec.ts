import Database from 'better-sqlite3';
import { openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { openReadModels, READ_MODELS_FILENAME } from '../src';
import { startWalCheckpointer } from '../src/wal-checkpointer';
import { tempDir } from './support';

// The read models' commits no longer checkpoint the WAL on the event loop; a worker thread does.
// A WAL that was checkpointed completely starts over at the next commit, with a new salt in its
// header: that is what these tests look for.

/** Salt-1 of the WAL header (bytes 16..19): SQLite changes it each time the WAL starts over. */
function walSalt(filename: string): number {
  const fd = openSync(`${filename}-wal`, 'r');
  try {
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    return header.readUInt32BE(16);
  } finally {
    closeSync(fd);
  }
}

const until = async (check: () => boolean, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
};

describe('WAL checkpoints off the event loop', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('the read models turn automatic checkpoints off, and the worker checkpoints so the WAL starts over', async () => {
    const opened = await openReadModels({ dataDir: dir.path });
    try {
      for (const connection of [opened.dataSource, opened.queryDataSource])
        expect(await connection.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 0 }]);
      const write = () =>
        opened.dataSource.query(
          `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (?, 1, 'x')
          ON CONFLICT (name) DO UPDATE SET position = projection_checkpoints.position + 1`,
          ['wal-test'],
        );
      await write();
      const filename = join(dir.path, READ_MODELS_FILENAME);
      const salt = walSalt(filename);
      // Each commit after a complete checkpoint may restart the WAL: keep committing until one does.
      let restarted = false;
      const end = Date.now() + 10_000;
      while (!restarted && Date.now() < end) {
        await write();
        restarted = walSalt(filename) !== salt;
        if (!restarted) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(restarted).toBe(true);
    } finally {
      await opened.close();
    }
  });

  it('without the worker nothing checkpoints (the test above proves the worker did it)', async () => {
    const filename = join(dir.path, 'plain.sqlite');
    const db = new Database(filename);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x INTEGER)');
    const salt = walSalt(filename);
    for (let i = 0; i < 20; i++) db.prepare('INSERT INTO t VALUES (?)').run(i);
    expect(walSalt(filename)).toBe(salt);

    const checkpointer = startWalCheckpointer(filename, () => undefined, 20);
    try {
      const restarted = await until(() => {
        db.prepare('INSERT INTO t VALUES (0)').run();
        return walSalt(filename) !== salt;
      }, 10_000);
      expect(restarted).toBe(true);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('tells the caller when the worker cannot run', async () => {
    let tell: (error: unknown) => void = () => undefined;
    const failed = new Promise<unknown>((resolve) => (tell = resolve));
    const checkpointer = startWalCheckpointer(join(dir.path, 'missing', 'none.sqlite'), (error) => tell(error), 20);
    // Raised in the worker: an error of another realm, so compared by its message.
    expect(String((await failed) as Error)).toMatch(/does not exist/);
    await checkpointer.stop();
  });
});
