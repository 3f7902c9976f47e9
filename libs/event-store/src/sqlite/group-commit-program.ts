import { runInThisContext } from 'node:vm';
import type Database from 'better-sqlite3';
import { sha256Hex } from '../chain/event-hash';
import { DuplicateEventIdError } from '../duplicate-event-id-error';
import { AppendResult, ExpectedVersion, WrongExpectedVersionError } from '../port';
import { isDuplicateEventId, isRevisionConflict, unavailable } from './sqlite-errors';

// One group commit of the SQLite store: every queued caller's appends in ONE transaction (one
// fsync), each caller in a SAVEPOINT of its own so a conflict rolls back that caller alone. It is
// JavaScript source rather than a function because a file store runs it in a worker thread
// (commit-thread.ts), where the commit's fsync no longer holds the event loop; an in-memory store,
// which no other thread can open, runs the same source on its own connection. Everything it
// returns can cross a thread: plain data, errors as descriptions.

/** A serialised event ready to insert; serialising first keeps caller bugs out of the transaction. */
export interface PreparedRow {
  id: string;
  type: string;
  data: string;
  metadata: string;
  /** The chain's content hash; null only for a benchmark store without the chain. */
  contentHash: string | null;
}

export interface PreparedAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  rows: PreparedRow[];
}

/** Why one caller's appends were refused, as plain data. */
export type RefusedAppend =
  | { kind: 'conflict'; streamId: string; expectedVersion: ExpectedVersion; current: number | undefined }
  | {
      kind: 'insert';
      code: string | undefined;
      message: string;
      streamId: string;
      expectedVersion: ExpectedVersion;
      current: number | undefined;
      id: string;
    }
  | { kind: 'caller'; name: string; message: string }
  | { kind: 'failure'; code: string | undefined; message: string };

export type CommitOutcome = { results: AppendResult[] } | { error: RefusedAppend };

/** Commits one group: one entry per caller, in order. Throws when the whole transaction fails. */
export type GroupCommit = (batch: PreparedAppend[][]) => CommitOutcome[];

/**
 * The source: a function (db, sha256Hex) => GroupCommit. The expected-version rule is that of
 * expected-version.ts and the link text that of chain/event-hash.ts (linkText); every read of a
 * stream checks the links against the latter, and group-commit-program.spec.ts checks both.
 */
export const GROUP_COMMIT_PROGRAM = String.raw`(function createGroupCommit(db, sha256Hex) {
  'use strict';
  const lastOfStream = db.prepare('SELECT revision, position, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at, hash, previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const currentRevision = (streamId) => lastOfStream.get(streamId)?.revision;
  const matches = (expected, current) => {
    switch (expected) {
      case 'any': return true;
      case 'no_stream': return current === undefined;
      case 'stream_exists': return current !== undefined;
      default: return expected === (current ?? -1); // -1: "no stream" in numeric form
    }
  };
  // JSON.stringify escapes a string as JCS prescribes; the keys are in sorted order.
  const linkText = (streamId, revision, recordedAt, contentHash, previousHash) =>
    '{"contentHash":' + JSON.stringify(contentHash) +
    ',"previousHash":' + (previousHash === null ? 'null' : JSON.stringify(previousHash)) +
    ',"recordedAt":' + JSON.stringify(recordedAt) +
    ',"revision":' + String(revision) +
    ',"streamId":' + JSON.stringify(streamId) + '}';
  class Refused extends Error {
    constructor(reason) {
      super(reason.kind);
      this.reason = reason;
    }
  }
  const appendOne = ({ streamId, expectedVersion, rows }) => {
    const last = lastOfStream.get(streamId);
    if (!matches(expectedVersion, last?.revision)) throw new Refused({ kind: 'conflict', streamId, expectedVersion, current: last?.revision });
    let revision = last?.revision ?? -1;
    let position = last?.position ?? 0;
    // Read under the write lock (BEGIN IMMEDIATE), so the link is to the expected revision's event.
    let previousHash = last?.hash ?? null;
    const recordedAt = new Date().toISOString();
    for (const row of rows) {
      revision++;
      const hash = row.contentHash === null ? null : sha256Hex(linkText(streamId, revision, recordedAt, row.contentHash, previousHash));
      try {
        const info = insert.run(row.id, streamId, revision, row.type, row.data, row.metadata, recordedAt, hash, previousHash);
        position = Number(info.lastInsertRowid);
      } catch (error) {
        // Classified by the caller (sqlite-errors.ts): a lost race on the revision, a reused id, or a failure.
        const current = currentRevision(streamId);
        throw new Refused({ kind: 'insert', code: error?.code, message: String(error?.message ?? error), streamId, expectedVersion, current, id: row.id });
      }
      previousHash = hash;
    }
    return { streamId, nextExpectedVersion: revision, position };
  };
  const describe = (error) => {
    if (error instanceof Refused) return error.reason;
    if (error instanceof TypeError || error instanceof RangeError) return { kind: 'caller', name: error.name, message: error.message };
    return { kind: 'failure', code: error?.code, message: String(error?.message ?? error) };
  };
  // Nested transactions are SAVEPOINTs in better-sqlite3: a refused caller rolls back alone.
  const appendAtomically = db.transaction((appends) => appends.map(appendOne));
  const group = db.transaction((batch) =>
    batch.map((appends) => {
      try {
        return { results: appendAtomically(appends) };
      } catch (error) {
        return { error: describe(error) };
      }
    }),
  );
  // IMMEDIATE: take the write lock before reading the current revisions, so no other writer can
  // slip in between the check and the insert.
  return (batch) => group.immediate(batch);
})`;

/** The group commit on `db` in this thread (an in-memory store). */
export function compileGroupCommit(db: Database.Database): GroupCommit {
  const create = runInThisContext(GROUP_COMMIT_PROGRAM, { filename: 'group-commit-program.js' }) as (
    db: Database.Database,
    hash: (text: string) => string,
  ) => GroupCommit;
  return create(db, sha256Hex);
}

/** The error a refused caller gets: its own conflict or mistake as such, anything else "unavailable". */
export function refusalError(refused: RefusedAppend): Error {
  switch (refused.kind) {
    case 'conflict':
      return new WrongExpectedVersionError(refused.streamId, refused.expectedVersion, refused.current);
    case 'insert': {
      const cause = sqliteFailure(refused);
      // Defensive: BEGIN IMMEDIATE makes a revision clash unreachable for our own writers, but a
      // writer that skips the check (another tool on the same file) would surface here as a lost race.
      if (isRevisionConflict(cause)) return new WrongExpectedVersionError(refused.streamId, refused.expectedVersion, refused.current);
      if (isDuplicateEventId(cause)) return new DuplicateEventIdError(refused.id);
      return unavailable('append', cause);
    }
    case 'caller':
      return refused.name === 'RangeError' ? new RangeError(refused.message) : new TypeError(refused.message);
    case 'failure':
      return unavailable('append', sqliteFailure(refused));
  }
}

/** An Error carrying SQLite's code, as the driver threw it on the other side. */
export function sqliteFailure({ code, message }: { code: string | undefined; message: string }): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}
