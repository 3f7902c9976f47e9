import { existsSync, readdirSync, statSync } from 'node:fs';
import { NotificationRuntime } from '../../libs/notifications/src';
import { EVENT_STORE } from '../../libs/runtime/src/tokens';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { upload } from '../e2e/support/documents';
import { fileDispute } from '../e2e/support/dispute-fixtures';
import { removeDataDir, startTestApp } from '../e2e/support/test-app';

// Finding 5: DATA_DIR 0700; the databases, their -wal/-shm files and the documents 0600, even when
// the server is started with a umask that would let everyone read them.

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Every file and folder under `dir`. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? [path, ...walk(path)] : [path];
  });
}

describe('files on disk are only the server’s', () => {
  let previousUmask: number;
  beforeAll(() => {
    previousUmask = process.umask(0o000); // the worst case: nothing taken away
  });
  afterAll(() => {
    process.umask(previousUmask);
  });

  it('DATA_DIR is created 0700; databases, their WAL and shared-memory files, documents and the token secret 0600', async () => {
    const dataDir = join(tmpdir(), `gzc-perm-${randomUUID()}`, 'data'); // not there yet: the server creates it
    const t = await startTestApp({ dataDir, env: { EVENT_STORE: 'sqlite', DATABASE_URL: '' } });
    try {
      const id = await fileDispute(t);
      const res = await upload(t, 'prov-anna', id, { filename: 'a.txt', contentType: 'text/plain', content: Buffer.from('hallo\n') });
      expect(res.status).toBe(201);

      expect(modeOf(dataDir)).toBe('700');
      for (const name of ['events.sqlite', 'events.sqlite-wal', 'events.sqlite-shm', 'read-models.sqlite', 'read-models.sqlite-wal', 'read-models.sqlite-shm', 'dev-token-secret']) {
        const path = join(dataDir, name);
        expect({ name, exists: existsSync(path) }).toEqual({ name, exists: true });
        expect({ name, mode: modeOf(path) }).toEqual({ name, mode: '600' });
      }
      // The notifications written as .eml files (no SMTP_URL) are personal data too.
      await t.app.get(NotificationRuntime).waitForPosition(await t.app.get<{ headPosition(): Promise<number> }>(EVENT_STORE).headPosition());
      expect((await t.app.get(NotificationRuntime).sendNow()).sent).toBeGreaterThan(0);
      const outbox = walk(join(dataDir, 'outbox'));
      for (const path of [join(dataDir, 'outbox'), ...outbox]) {
        const expected = statSync(path).isDirectory() ? '700' : '600';
        expect({ path, mode: modeOf(path) }).toEqual({ path, mode: expected });
      }
      const documents = walk(join(dataDir, 'documents'));
      expect(documents.some((p) => p.includes('sha256') && statSync(p).isFile())).toBe(true);
      for (const path of [join(dataDir, 'documents'), ...documents]) {
        const expected = statSync(path).isDirectory() ? '700' : '600';
        expect({ path, mode: modeOf(path) }).toEqual({ path, mode: expected });
      }
    } finally {
      await t.close();
      await removeDataDir(join(dataDir, '..'));
    }
  });
});
