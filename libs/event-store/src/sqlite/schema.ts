// Schema migrations, tracked in SQLite's `user_version` header field so later versions can add
// steps without guessing what an existing file contains.
import type { Database } from 'better-sqlite3';

/** Index = target version - 1. Append new steps; never edit a released one. */
const MIGRATIONS: readonly string[] = [
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
      db.exec(MIGRATIONS[version]);
    }
    // PRAGMA takes no bound parameters; SCHEMA_VERSION is our own integer.
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
