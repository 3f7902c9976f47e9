import { dirname } from 'node:path';
import type { EventStore } from '../../event-store/src/port';
import {
  casesProjection,
  DEFAULT_PROJECTIONS,
  findProjection,
  openReadModels,
  rebuildProjection,
  timelineProjection,
  type OpenedReadModels,
} from '../src';
import { projectionRows } from './projection-rows';
import { CaseScript, openStore, tempDir } from './support';
import { openTarget, READ_MODEL_TARGETS } from './targets';

// Rebuild replays the log into fresh tables and swaps them in atomically, while queries keep
// answering and the live projection keeps running.

describe.each(READ_MODEL_TARGETS)('rebuildProjection (%s)', (kind) => {
  let dir: ReturnType<typeof tempDir>;
  let store: EventStore;
  let live: OpenedReadModels;
  let rebuilder: OpenedReadModels | undefined;
  let scratch: OpenedReadModels | undefined;

  beforeEach(async () => {
    dir = tempDir();
    store = openStore(dir.path);
    live = await openTarget(kind, dir.path);
  });

  afterEach(async () => {
    await rebuilder?.close();
    await scratch?.close();
    await live.close();
    await store.close();
    dir.remove();
  });

  /** A second handle on the same read models, as the rebuild CLI would open them. */
  const reopen = (opened: OpenedReadModels) =>
    openReadModels(
      opened.location.kind === 'sqlite'
        ? { dataDir: dirname(opened.location.filename) }
        : { databaseUrl: opened.location.databaseUrl, schema: opened.location.schema },
    );

  let sequence = 0;
  const fileCases = async (count: number, from: number): Promise<CaseScript[]> => {
    const cases: CaseScript[] = [];
    for (let i = from; i < from + count; i++) {
      const day = `2025-02-${String((i % 28) + 1).padStart(2, '0')}`;
      const c = await new CaseScript(store, { filedAt: `${day}T09:00:00.000Z`, summary: `Case ${i}` }).file();
      await c.register(++sequence, `${day}T10:00:00.000Z`);
      if (i % 2 === 0) await c.accept('mediation', `${day}T11:00:00.000Z`);
      cases.push(c);
    }
    return cases;
  };

  it('never shows a reader empty or partial tables, keeps up with live writes, and ends equal to a build from scratch', async () => {
    const engine = live.createProjectionEngine(store);
    await engine.start();
    const before = await fileCases(40, 0);
    const watched = before[8]; // accepted: four events
    await engine.waitForPosition(await store.headPosition());
    const timelineLength = (await live.readModels.getTimeline(watched.id)).length;
    expect(timelineLength).toBe(4); // filed, registered, invited, accepted
    const status = (await live.readModels.getCase(watched.id))?.status;
    expect(status).toBeDefined();

    // Readers: the list only grows and a finished case's timeline stays whole, whatever happens.
    let reading = true;
    let reads = 0;
    const seen: number[] = [];
    const reader = (async () => {
      while (reading) {
        const page = await live.readModels.listCases({ all: true }, { limit: 200 });
        const timeline = await live.readModels.getTimeline(watched.id);
        const summary = await live.readModels.getCase(watched.id);
        seen.push(page.items.length);
        if (page.items.length < 40 || timeline.length !== timelineLength || summary?.status !== status) {
          throw new Error(`reader saw ${page.items.length} cases, ${timeline.length} timeline entries, status ${summary?.status}`);
        }
        reads++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    // The live projection keeps running on new events during the rebuild.
    const writer = fileCases(15, 40);

    rebuilder = await reopen(live);
    const results = [];
    for (const projection of [casesProjection, timelineProjection]) {
      results.push(await rebuildProjection(rebuilder, store, projection, { batchSize: 7 }));
    }
    await writer;
    const head = await store.headPosition();
    await engine.waitForPosition(head);
    reading = false;
    await reader;

    expect(reads).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    for (const result of results) expect(result.position).toBeGreaterThan(0);
    expect((await live.readModels.listCases({ all: true }, { limit: 200 })).items).toHaveLength(55);

    scratch = await openTarget(kind, `${dir.path}/scratch`);
    const fromScratch = scratch.createProjectionEngine(store);
    await fromScratch.start();
    await fromScratch.waitForPosition(head);
    expect(await projectionRows(live.dataSource)).toEqual(await projectionRows(scratch.dataSource));
    // The live runner continued from the rebuilt checkpoint: it is at the head, not behind or ahead.
    const checkpoints: { name: string; position: number | string }[] = await live.dataSource.query(
      'SELECT name, position FROM projection_checkpoints ORDER BY name',
    );
    expect(checkpoints.map((c) => [c.name, Number(c.position)])).toEqual(
      DEFAULT_PROJECTIONS.map((p) => [p.name, head]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  }, 60_000);

  it('names the valid projections when asked for an unknown one', () => {
    expect(() => findProjection(DEFAULT_PROJECTIONS, 'statistic')).toThrow('Unknown projection "statistic". Valid projections: cases, timeline, statistics, mediations, caseload');
    expect(() => findProjection(DEFAULT_PROJECTIONS, undefined)).toThrow(/Valid projections: cases, timeline, statistics, mediations, caseload/);
  });
});
