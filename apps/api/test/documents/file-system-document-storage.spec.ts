import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ContentTooLargeError, StoredContentMissingError } from '../../src/documents/storage/document-storage';
import { FileSystemDocumentStorage } from '../../src/documents/storage/file-system-document-storage';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const chunks = (...parts: string[]): Readable =>
  Readable.from(
    parts.map((p) => Buffer.from(p)),
    { objectMode: false },
  );
const readAll = async (r: Readable): Promise<Buffer> => {
  const out: Buffer[] = [];
  for await (const c of r as AsyncIterable<Buffer>) out.push(c);
  return Buffer.concat(out);
};

describe('FileSystemDocumentStorage', () => {
  let root: string;
  let storage: FileSystemDocumentStorage;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'gzc-docs-'));
    storage = new FileSystemDocumentStorage(root);
    await storage.init();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stages with hash and size; nothing is visible under the hash until commit', async () => {
    const bytes = Buffer.from('hello world');
    const staged = await storage.stage(chunks('hello ', 'world'), { maxBytes: 100 });
    expect(staged).toMatchObject({ sha256: sha(bytes), sizeBytes: bytes.length });
    expect(await storage.exists(staged.sha256)).toBe(false);
    expect((await readAll(staged.read())).equals(bytes)).toBe(true);
    await staged.commit();
    expect(await storage.exists(staged.sha256)).toBe(true);
    expect(existsSync(join(root, 'sha256', staged.sha256.slice(0, 2), staged.sha256))).toBe(true);
    expect((await readAll(await storage.open(staged.sha256))).equals(bytes)).toBe(true);
    expect(readdirSync(join(root, 'staging'))).toEqual([]);
  });

  it('discard leaves nothing behind, and is harmless after commit', async () => {
    const staged = await storage.stage(chunks('x'), { maxBytes: 10 });
    await staged.discard();
    expect(readdirSync(join(root, 'staging'))).toEqual([]);
    expect(await storage.exists(staged.sha256)).toBe(false);
    const kept = await storage.stage(chunks('y'), { maxBytes: 10 });
    await kept.commit();
    await kept.discard();
    expect(await storage.exists(kept.sha256)).toBe(true);
  });

  it('the same bytes twice are stored once; committing again restores a damaged copy', async () => {
    const first = await storage.put(chunks('same'), { maxBytes: 10 });
    const path = join(root, 'sha256', first.sha256.slice(0, 2), first.sha256);
    writeFileSync(path, 'damaged');
    const second = await storage.put(chunks('same'), { maxBytes: 10 });
    expect(second).toEqual(first);
    expect((await readAll(await storage.open(first.sha256))).toString()).toBe('same');
  });

  it('refuses more than maxBytes after reading the source to its end, keeping nothing', async () => {
    const source = chunks('12345', '67890', 'abc');
    await expect(storage.stage(source, { maxBytes: 10 })).rejects.toBeInstanceOf(ContentTooLargeError);
    expect(source.readableEnded).toBe(true);
    expect(readdirSync(join(root, 'staging'))).toEqual([]);
    const exact = await storage.stage(chunks('12345', '67890'), { maxBytes: 10 });
    expect(exact.sizeBytes).toBe(10);
    await exact.discard();
  });

  it('a source that fails mid-way keeps nothing', async () => {
    const source = new Readable({ read() {} });
    const staging = storage.stage(source, { maxBytes: 100 });
    source.push(Buffer.from('part'));
    source.destroy(new Error('connection reset'));
    await expect(staging).rejects.toThrow('connection reset');
    expect(readdirSync(join(root, 'staging'))).toEqual([]);
  });

  it('open of unknown or malformed hashes: StoredContentMissingError; exists: false', async () => {
    await expect(storage.open('a'.repeat(64))).rejects.toBeInstanceOf(StoredContentMissingError);
    await expect(storage.open('../../etc/passwd')).rejects.toBeInstanceOf(StoredContentMissingError);
    expect(await storage.exists('../../etc/passwd')).toBe(false);
  });

  it('init removes staging files abandoned by a crash a day ago, not those of uploads in progress', async () => {
    const old = join(root, 'staging', 'old.part');
    const fresh = join(root, 'staging', 'fresh.part');
    writeFileSync(old, 'x');
    writeFileSync(fresh, 'y');
    const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
    utimesSync(old, dayAgo, dayAgo);
    await storage.init();
    expect(readdirSync(join(root, 'staging')).sort()).toEqual(['fresh.part']);
  });
});
