import type { DataSource } from 'typeorm';
import { openReadModels, type OpenedReadModels } from '../src';
import { valuesList } from '../src/sql';
import {
  CASE_FACT_COLUMNS,
  computeStatistics,
  periodsOf,
  StatisticsReadModels,
  toRowValues,
  windowOf,
  type CaseFacts,
  type StatisticsQuery,
} from '../src/statistics';
import { randomHistory } from './support/random-case-facts';
import { tempDir } from './support';

// The statistics read model counts a new layout of periods in slices, while the projection keeps
// changing cases. Whatever changed meanwhile, the answer must be the figures of the facts as they
// are at the end: the cases that changed during the count are taken out as counted and in again.

const FROM = { year: 2016, month: 1, day: 1 };
const TO = { year: 2025, month: 12, day: 31 };

/** Many cases: several random histories, each case with an id of its own. */
function manyCases(seed: number): { facts: CaseFacts[]; missed: string[] } {
  const facts: CaseFacts[] = [];
  const missed: string[] = [];
  for (let h = 0; h < 8; h++) {
    const history = randomHistory(seed * 100 + h, 2025, 40);
    facts.push(...history.facts.map((f) => ({ ...f, disputeId: `h${h}-${f.disputeId}` })));
    missed.push(...history.missedAt);
  }
  return { facts, missed };
}

class FactsTable {
  position = 0;
  readonly current = new Map<string, CaseFacts>();
  readonly missed = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  /** Writes cases and missed deadlines as the projection does: rows and checkpoint in one transaction. */
  async write(facts: CaseFacts[], missed: [string, string][] = []): Promise<void> {
    const position = ++this.position;
    await this.dataSource.transaction(async (manager) => {
      for (const f of facts) {
        const row = { ...f, lastPosition: position };
        await manager.query('DELETE FROM statistics_cases WHERE dispute_id = ?', [f.disputeId]);
        await manager.query(
          `INSERT INTO statistics_cases (${CASE_FACT_COLUMNS.join(', ')}) VALUES ${valuesList(1, CASE_FACT_COLUMNS.length)}`,
          toRowValues(row),
        );
        this.current.set(f.disputeId, row);
      }
      for (const [key, at] of missed) {
        await manager.query('DELETE FROM statistics_missed_deadlines WHERE dispute_id = ? AND deadline_id = ?', [key, 'k']);
        await manager.query(
          `INSERT INTO statistics_missed_deadlines (dispute_id, deadline_id, kind, missed_at, position) VALUES (?, 'k', 'answer', ?, ?)`,
          [key, at, position],
        );
        this.missed.set(key, at);
      }
      await manager.query(
        `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES ('statistics', ?, 'now')
         ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
        [position],
      );
    });
  }
}

describe('StatisticsReadModels', () => {
  let dir: ReturnType<typeof tempDir>;
  let opened: OpenedReadModels;
  beforeEach(async () => {
    dir = tempDir();
    opened = await openReadModels({ dataDir: dir.path });
  });
  afterEach(async () => {
    await opened.close();
    dir.remove();
  });

  it.each([1, 2, 3])('a count in slices that cases change under ends with the figures as they are (seed %i)', async (seed) => {
    const table = new FactsTable(opened.dataSource);
    const before = manyCases(seed);
    const after = manyCases(seed + 50);
    await table.write(
      before.facts,
      before.missed.map((at, i) => [`m${i}`, at]),
    );
    // A pause after every case: the count spans many turns of the event loop.
    const statistics = new StatisticsReadModels(opened.dataSource, { sliceMs: 0, casesPerPause: 1 });
    const query: StatisticsQuery = {
      from: FROM,
      to: TO,
      groupBy: 'quarter',
      audience: 'secretariat',
      minCellCount: 5,
      now: new Date('2026-06-01T12:00:00Z'),
    };
    const first = statistics.statistics(query);
    // While it counts: cases change (and new ones come), each change asked about at once.
    const asked: Promise<unknown>[] = [first];
    const changes = after.facts.map((f, i) => ({
      ...f,
      disputeId: before.facts[i % before.facts.length].disputeId + (i % 3 === 0 ? '-new' : ''),
    }));
    for (let i = 0; i < changes.length; i += 7) {
      await new Promise((resolve) => setImmediate(resolve));
      await table.write(
        changes.slice(i, i + 7),
        i % 14 === 0 ? [[`m${i}`, after.missed[i % Math.max(1, after.missed.length)] ?? '2020-05-05T10:00:00.000Z']] : [],
      );
      asked.push(statistics.statistics(query));
    }
    await Promise.all(asked);
    const request = { window: windowOf(FROM, TO), periods: periodsOf(FROM, TO, 'quarter'), audience: 'secretariat' as const };
    const expected = computeStatistics(table.current.values(), table.missed.values(), request);
    expect(await statistics.statistics(query)).toEqual(expected);
  });

  it('reads a large table of facts in pages and misses none', async () => {
    const table = new FactsTable(opened.dataSource);
    const { facts } = manyCases(7);
    // More rows than a page (1,000), each written at its own position.
    const all = Array.from({ length: 2600 }, (_, i) => ({ ...facts[i % facts.length], disputeId: `p${i}` }));
    for (let i = 0; i < all.length; i += 100) await table.write(all.slice(i, i + 100));
    const statistics = new StatisticsReadModels(opened.dataSource);
    const query: StatisticsQuery = {
      from: FROM,
      to: TO,
      groupBy: 'year',
      audience: 'secretariat',
      minCellCount: 5,
      now: new Date('2026-06-01T12:00:00Z'),
    };
    const request = { window: windowOf(FROM, TO), periods: periodsOf(FROM, TO, 'year'), audience: 'secretariat' as const };
    expect(await statistics.statistics(query)).toEqual(computeStatistics(table.current.values(), [], request));
  });
});
