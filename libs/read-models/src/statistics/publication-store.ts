import type { DataSource } from 'typeorm';
import { execute, select, valuesList } from '../sql';
import type { ObserverPublication, PublishedFigures } from './observer-publication';

// Keeps the observers' publication (observer-publication.ts) across restarts. A row is only a
// starting point: publishScopes keeps a period's withheld cells only while its counts equal the
// stored ones, so a stale or foreign row can cost a recomputation, never a wrong publication.

interface PublicationRow {
  label: string;
  counts: string;
  withheld: string;
}

export class PublicationStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The stored publication for `k` cases per cell, or undefined when none is stored. */
  async load(k: number): Promise<ObserverPublication | undefined> {
    const rows = await select<PublicationRow>(
      this.dataSource.manager,
      'SELECT label, counts, withheld FROM statistics_publications WHERE min_cell_count = ?',
      [k],
    );
    if (rows.length === 0) return undefined;
    const scopes = new Map<string, PublishedFigures>();
    for (const row of rows) {
      const counts = JSON.parse(row.counts) as number[];
      const withheld = JSON.parse(row.withheld) as number[];
      if (counts.length !== withheld.length) continue;
      scopes.set(String(row.label), { values: Float64Array.from(counts), withheld: Uint8Array.from(withheld) });
    }
    return { minCellCount: k, scopes };
  }

  /** Stores the publication for its k (upserts: several API processes may store the same one at once). */
  async save(publication: ObserverPublication): Promise<void> {
    const k = publication.minCellCount;
    const rows = [...publication.scopes].map(([label, f]) => [k, label, JSON.stringify([...f.values]), JSON.stringify([...f.withheld])]);
    // No transaction: SQLite's query connection cannot nest one, and none is needed, as each row
    // is checked against the counts before use. A few hundred rows at most (four quarters and a
    // year per year since 2016); chunks keep each statement under SQLite's parameter limit.
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await execute(
        this.dataSource.manager,
        `INSERT INTO statistics_publications (min_cell_count, label, counts, withheld) VALUES ${valuesList(chunk.length, 4)}
         ON CONFLICT (min_cell_count, label) DO UPDATE SET counts = excluded.counts, withheld = excluded.withheld`,
        chunk.flat(),
      );
    }
  }
}
