import Database from 'better-sqlite3';
import fc from 'fast-check';
import { linkHash } from '../chain/event-hash';
import { assertExpectedVersion } from '../expected-version';
import { ExpectedVersion, WrongExpectedVersionError } from '../port';
import { compileGroupCommit, PreparedAppend, refusalError } from './group-commit-program';
import { migrate } from './schema';

// The group commit is JavaScript source (it also runs in a worker thread), so it carries its own
// copies of two rules: the expected-version check and the chain's link text. Both must stay equal
// to the TypeScript definitions every other part of the store uses.
describe('the group commit program', () => {
  const open = () => {
    const db = new Database(':memory:');
    migrate(db);
    return { db, commit: compileGroupCommit(db) };
  };
  const append = (streamId: string, expectedVersion: ExpectedVersion, ids: string[]): PreparedAppend => ({
    streamId,
    expectedVersion,
    rows: ids.map((id) => ({ id, type: 'T', data: '{}', metadata: '{}', contentHash: 'c'.repeat(64) })),
  });

  it('links every event exactly as linkHash defines, whatever the stream id holds', () => {
    const { db, commit } = open();
    let n = 0;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), fc.integer({ min: 1, max: 3 }), (streamId, count) => {
        const ids = Array.from({ length: count }, () => `e-${n++}`);
        const [outcome] = commit([[append(streamId, 'any', ids)]]);
        expect(outcome).not.toHaveProperty('error');
        const rows = db
          .prepare(
            'SELECT revision, recorded_at, hash, previous_hash FROM events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY revision',
          )
          .all(JSON.stringify(ids)) as { revision: number; recorded_at: string; hash: string; previous_hash: string | null }[];
        for (const row of rows) {
          expect(row.hash).toBe(
            linkHash({
              streamId,
              revision: row.revision,
              recordedAt: row.recorded_at,
              contentHash: 'c'.repeat(64),
              previousHash: row.previous_hash,
            }),
          );
        }
      }),
      { numRuns: 200 },
    );
    db.close();
  });

  it('accepts exactly the appends the expected-version rule accepts', () => {
    const expectations: ExpectedVersion[] = ['any', 'no_stream', 'stream_exists', -1, 0, 1, 2];
    for (const length of [0, 1, 2]) {
      for (const expected of expectations) {
        const { db, commit } = open();
        if (length > 0)
          commit([
            [
              append(
                's',
                'no_stream',
                Array.from({ length }, (_, i) => `old-${i}`),
              ),
            ],
          ]);
        const current = length === 0 ? undefined : length - 1;
        const [outcome] = commit([[append('s', expected, ['new'])]]);
        let accepted = true;
        try {
          assertExpectedVersion('s', expected, current);
        } catch {
          accepted = false;
        }
        expect({ expected, current, accepted: !('error' in outcome) }).toEqual({ expected, current, accepted });
        if ('error' in outcome) {
          const error = refusalError(outcome.error);
          expect(error).toBeInstanceOf(WrongExpectedVersionError);
          expect(error).toMatchObject({ streamId: 's', expected, actual: current });
        }
        db.close();
      }
    }
  });
});
