// Schema migrations, tracked in SQLite's `user_version` header field so later versions can add
// steps without guessing what an existing file contains.
import type { Database } from 'better-sqlite3';
import { sealExistingStreams } from './seal-existing-streams';

/** Index = target version - 1. Append new steps; never edit a released one. */
const MIGRATIONS: readonly (string | ((db: Database) => void))[] = [
  // v1. position is the global log order. AUTOINCREMENT: a position is never reused, even if the
  // newest row were ever deleted, so a subscriber's checkpoint can never point at a different event.
  // The UNIQUE(stream_id, revision) index doubles as the index for reading a stream in order and
  // for finding its current revision, so no separate stream index is needed.
  `CREATE TABLE events (
     position    INTEGER PRIMARY KEY AUTOINCREMENT,
     id          TEXT    NOT NULL UNIQUE,
     stream_id   TEXT    NOT NULL,
     revision    INTEGER NOT NULL CHECK (revision >= 0),
     type        TEXT    NOT NULL,
     data        TEXT    NOT NULL CHECK (json_valid(data)),
     metadata    TEXT    NOT NULL CHECK (json_valid(metadata)),
     recorded_at TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   )`,
  // v2. The hash chain (docs/tamper-evident-history.md). Events written before it get their chain
  // computed once, here; chain_origins records which revisions were sealed by this migration
  // rather than at append time, so a verifier knows what the chain vouches for.
  (db) => {
    db.exec(`ALTER TABLE events ADD COLUMN hash TEXT;
             ALTER TABLE events ADD COLUMN previous_hash TEXT;
             CREATE TABLE chain_origins (
               stream_id        TEXT PRIMARY KEY,
               sealed_through   INTEGER NOT NULL,
               sealed_at        TEXT NOT NULL
             );`);
    sealExistingStreams(db);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the file up to SCHEMA_VERSION. Idempotent; runs in an IMMEDIATE transaction so two
 * processes opening a fresh file at once cannot both create the table.
 */
export function migrate(db: Database): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new Error(`Event store schema version ${current} is newer than this code (${SCHEMA_VERSION})`);
    }
    for (let version = current; version < SCHEMA_VERSION; version++) {
      const step = MIGRATIONS[version];
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    // PRAGMA takes no bound parameters; SCHEMA_VERSION is our own integer.
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
