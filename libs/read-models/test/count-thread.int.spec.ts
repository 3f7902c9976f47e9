import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startCountThread, type CountThread } from '../src/count-thread';
import { tempDir } from './support';

// The case list's plan counts run in a thread of their own (count-thread.ts): what they answer, that
// the event loop keeps turning while one runs, and how the thread fails and stops.

describe('count thread', () => {
  let dir: ReturnType<typeof tempDir>;
  let filename: string;
  let writer: Database.Database;
  let thread: CountThread | undefined;

  beforeEach(() => {
    dir = tempDir();
    filename = join(dir.path, 'counts.sqlite');
    writer = new Database(filename);
    writer.pragma('journal_mode = WAL');
    writer.exec('CREATE TABLE case_access (dispute_id TEXT, principal TEXT)');
  });
  afterEach(async () => {
    await thread?.stop();
    thread = undefined;
    writer.close();
    dir.remove();
  });

  const insert = (principal: string, n: number) => {
    const statement = writer.prepare('INSERT INTO case_access VALUES (?, ?)');
    writer.transaction(() => {
      for (let i = 0; i < n; i++) statement.run(`d-${principal}-${i}`, principal);
    })();
  };

  it('counts what another connection committed, also after later commits', async () => {
    insert('org:a', 3);
    insert('org:b', 5);
    thread = startCountThread(filename);
    const sql = 'SELECT COUNT(*) AS n FROM case_access WHERE principal = ?';
    expect(await Promise.all([thread.count(sql, ['org:a']), thread.count(sql, ['org:b']), thread.count(sql, ['org:c'])])).toEqual([
      3, 5, 0,
    ]);
    insert('org:a', 4);
    expect(await thread.count(sql, ['org:a'])).toBe(7);
  });

  it('the event loop turns while a count runs', async () => {
    thread = startCountThread(filename);
    // A count that takes a while: some hundreds of milliseconds of SQLite work in the thread.
    const slow = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) SELECT COUNT(*) FROM c';
    await thread.count(slow, [10]); // the thread is up
    let turns = 0;
    let counting = true;
    const spin = () => {
      if (!counting) return;
      turns++;
      setImmediate(spin);
    };
    const counted = thread.count(slow, [1_000_000]);
    setImmediate(spin);
    expect(await counted).toBe(1_000_000);
    counting = false;
    // On the event loop the count would have held it: not a single turn in between.
    expect(turns).toBeGreaterThan(10);
  });

  it('a statement that fails rejects with its error, and the thread goes on counting', async () => {
    insert('org:a', 2);
    thread = startCountThread(filename);
    await expect(thread.count('SELECT COUNT(*) FROM no_such_table', [])).rejects.toThrow(/no such table/);
    expect(await thread.count('SELECT COUNT(*) FROM case_access', [])).toBe(2);
  });

  it('a thread that cannot open the database says so once and refuses its counts', async () => {
    const failures: Error[] = [];
    thread = startCountThread(join(dir.path, 'missing.sqlite'), (error) => failures.push(error));
    await expect(thread.count('SELECT COUNT(*) FROM case_access', [])).rejects.toThrow();
    await expect(thread.count('SELECT COUNT(*) FROM case_access', [])).rejects.toThrow();
    expect(failures).toHaveLength(1);
  });

  it('after stop a count is refused', async () => {
    thread = startCountThread(filename);
    expect(await thread.count('SELECT COUNT(*) FROM case_access', [])).toBe(0);
    await thread.stop();
    await expect(thread.count('SELECT COUNT(*) FROM case_access', [])).rejects.toThrow();
  });
});
