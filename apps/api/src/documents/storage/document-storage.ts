import type { Readable } from 'node:stream';

// Where document bytes live. Content-addressed: a document is stored, found and verified by the
// SHA-256 of its bytes, so the same file uploaded twice is stored once and a changed byte is
// detectable. The file-system adapter is the embedded default; an S3-compatible store can replace
// it behind this port (stage = multipart upload to a staging key, commit = copy to the hash key).

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Bytes received and hashed but not yet visible under their hash. */
export interface StagedContent {
  readonly sha256: string;
  readonly sizeBytes: number;
  /** The staged bytes, for inspecting them before they are committed. */
  read(): Readable;
  /** Makes the bytes durable under their hash; when it resolves they survive a crash. */
  commit(): Promise<void>;
  /** Forgets the staged bytes (safe to call more than once, and after commit). */
  discard(): Promise<void>;
}

export interface StoredContent {
  sha256: string;
  sizeBytes: number;
}

export interface DocumentStorage {
  /**
   * Streams `content` into a staging area, hashing it on the way. Refuses more than `maxBytes`
   * with ContentTooLargeError after draining the source (so a parser feeding it is not stalled).
   */
  stage(content: Readable, options: { maxBytes: number }): Promise<StagedContent>;
  /** stage + commit. */
  put(content: Readable, options: { maxBytes: number }): Promise<StoredContent>;
  /** The stored bytes of `sha256`; StoredContentMissingError if there are none. */
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
}

export class ContentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The content is larger than ${maxBytes} bytes.`);
    this.name = 'ContentTooLargeError';
  }
}

export class StoredContentMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`No stored content with SHA-256 ${sha256}.`);
    this.name = 'StoredContentMissingError';
  }
}
