import { buildObserverPublication, linearSolver } from '../src/statistics';
import { PublicationStore } from '../src/statistics/publication-store';
import { randomHistory } from './support/random-case-facts';
import { READ_MODEL_TARGETS, readModelsForSuite } from './targets';

// The observers' publication kept across restarts (statistics_publications): what is stored is
// loaded as it was, per k, and several processes storing the same publication at once is fine.

describe.each(READ_MODEL_TARGETS)('PublicationStore (%s)', (kind) => {
  const readModels = readModelsForSuite(kind);

  it('loads what was stored, for its k only; storing twice at once keeps one copy', async () => {
    const history = randomHistory(11, 2017, 16);
    const publication = buildObserverPublication(
      await linearSolver(),
      history.facts,
      history.missedAt,
      new Date('2018-01-15T12:00:00Z'),
      5,
    );
    const { queryDataSource } = readModels();
    const store = new PublicationStore(queryDataSource);
    expect(await store.load(5)).toBeUndefined();
    await Promise.all([store.save(publication), new PublicationStore(queryDataSource).save(publication)]);
    const loaded = await store.load(5);
    expect(loaded?.minCellCount).toBe(5);
    expect([...loaded!.scopes.keys()].sort()).toEqual([...publication.scopes.keys()].sort());
    for (const [label, figures] of publication.scopes) {
      expect([...loaded!.scopes.get(label)!.values]).toEqual([...figures.values]);
      expect([...loaded!.scopes.get(label)!.withheld]).toEqual([...figures.withheld]);
    }
    expect(await store.load(3)).toBeUndefined();
    const [{ n }] = await queryDataSource.query('SELECT COUNT(*) AS n FROM statistics_publications');
    expect(Number(n)).toBe(publication.scopes.size);
  });
});
