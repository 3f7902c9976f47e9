import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  ContentTooLargeError,
  SHA256_HEX,
  StoredContentMissingError,
  type DocumentStorage,
  type StagedContent,
  type StoredContent,
} from './document-storage';

/** Documents are only the server's to read: folders 0700, files 0600 (opened so; the umask can only take bits away). */
const PRIVATE_DIR = 0o700;

/** A staging file older than this belongs to a process that died mid-upload. */
const ABANDONED_STAGING_MS = 24 * 3600 * 1000;

/**
 * Documents as files under `<root>/sha256/ab/<hash>`. An upload is written to `<root>/staging`,
 * fsynced, then renamed into place and the directory fsynced, so a committed document survives a
 * crash of the process or the machine. A crash before the rename leaves only a staging file
 * (removed at the next start once it is old); a crash after it leaves an unreferenced file, which
 * is harmless: nothing points to it until the event that records it is appended.
 */
export class FileSystemDocumentStorage implements DocumentStorage {
  private readonly stagingDir: string;
  private readonly contentDir: string;

  constructor(readonly root: string) {
    this.stagingDir = join(root, 'staging');
    this.contentDir = join(root, 'sha256');
  }

  /** Creates the folders and removes staging files abandoned by crashed processes. */
  async init(now: Date = new Date()): Promise<void> {
    for (const dir of [this.root, this.stagingDir, this.contentDir]) {
      await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
      await chmod(dir, PRIVATE_DIR); // mkdir applies the umask and leaves existing folders as they were
    }
    for (const name of await readdir(this.stagingDir)) {
      const path = join(this.stagingDir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && now.getTime() - info.mtimeMs > ABANDONED_STAGING_MS) await rm(path, { force: true });
    }
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new StoredContentMissingError(sha256);
    return join(this.contentDir, sha256.slice(0, 2), sha256);
  }

  async stage(content: Readable, { maxBytes }: { maxBytes: number }): Promise<StagedContent> {
    // An error while the staging file is being opened must not go unhandled; the loop below rethrows it.
    content.on('error', () => undefined);
    await mkdir(this.stagingDir, { recursive: true, mode: PRIVATE_DIR });
    const stagingPath = join(this.stagingDir, `${randomUUID()}.part`);
    const file = await open(stagingPath, 'wx', 0o600);
    const hash = createHash('sha256');
    let sizeBytes = 0;
    let tooLarge = false;
    try {
      for await (const chunk of content as AsyncIterable<Buffer>) {
        sizeBytes += chunk.length;
        // Past the limit: keep reading to the end so the sender's parser is not stalled, store nothing.
        if (tooLarge || sizeBytes > maxBytes) {
          tooLarge = true;
          continue;
        }
        hash.update(chunk);
        await file.write(chunk);
      }
      if (tooLarge) throw new ContentTooLargeError(maxBytes);
      await file.sync();
    } catch (error) {
      await file.close().catch(() => undefined);
      await rm(stagingPath, { force: true });
      throw error;
    }
    await file.close();
    return this.staged(stagingPath, hash.digest('hex'), sizeBytes);
  }

  async put(content: Readable, options: { maxBytes: number }): Promise<StoredContent> {
    const staged = await this.stage(content, options);
    await staged.commit();
    return { sha256: staged.sha256, sizeBytes: staged.sizeBytes };
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    // Opening first turns a missing file into an error here rather than in the middle of a response.
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new StoredContentMissingError(sha256);
      throw error;
    });
    return handle.createReadStream();
  }

  async exists(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    return stat(this.pathOf(sha256)).then(
      (info) => info.isFile(),
      () => false,
    );
  }

  private staged(stagingPath: string, sha256: string, sizeBytes: number): StagedContent {
    let settled = false;
    return {
      sha256,
      sizeBytes,
      read: () => createReadStream(stagingPath),
      commit: async () => {
        if (settled) return;
        const target = this.pathOf(sha256);
        const shard = dirname(target);
        const created = await mkdir(shard, { recursive: true, mode: PRIVATE_DIR });
        if (created !== undefined) await fsyncDirectory(this.contentDir);
        // Renaming over an existing copy is harmless (same hash, same bytes) and heals a damaged one.
        await rename(stagingPath, target);
        await fsyncDirectory(shard);
        settled = true;
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await rm(stagingPath, { force: true });
      },
    };
  }
}

/** Makes a rename or a new entry in `dir` durable. */
async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
