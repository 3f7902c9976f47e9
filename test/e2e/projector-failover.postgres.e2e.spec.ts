import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../libs/event-store/src';
import { DEFAULT_PROJECTIONS, openReadModels, type OpenedReadModels } from '../../libs/read-models/src';
import { CaseScript } from '../../libs/read-models/test/support';
import { dropSchema, uniqueSchema } from '../../libs/read-models/test/targets';
import { buildPrivateDist, killAllChildServers, startChildServer } from './support/child-server';
import { actionPath, CLAIMANT, disputePath, fileDispute, SECRETARIAT } from './support/dispute-fixtures';
import { killAllProjectors, startProjector } from './support/child-projector';
import { projectionRows } from '../../libs/read-models/test/projection-rows';
import { newDataDir, removeDataDir } from './support/test-app';

// Two real projector processes on PostgreSQL: one runs each projection, the other stands by.
// SIGKILL the active one while a writer is appending: the standby takes over, and the read models
// end up equal, row by row, to a rebuild from scratch. Needs DATABASE_URL (CI sets it).

const databaseUrl = process.env.DATABASE_URL;
const describeWithPostgres = databaseUrl ? describe : describe.skip;

describeWithPostgres('projector failover (two processes, PostgreSQL)', () => {
  const schema = uniqueSchema('failover');
  const scratchSchema = uniqueSchema('failover_scratch');
  const dataDir = newDataDir();
  let build: ReturnType<typeof buildPrivateDist> | undefined;
  let store: PostgresEventStore;
  let live: OpenedReadModels | undefined;
  let scratch: OpenedReadModels | undefined;

  beforeAll(async () => {
    build = buildPrivateDist();
    store = await PostgresEventStore.open({ connectionString: databaseUrl as string, schema });
  }, 180_000);

  afterAll(async () => {
    await killAllChildServers();
    await killAllProjectors();
    await live?.close();
    await scratch?.close();
    await store?.close();
    await dropSchema(schema);
    await dropSchema(scratchSchema);
    await removeDataDir(dataDir);
    if (build) await removeDataDir(build.dir);
  });

  it('a standby takes over when the active projector is killed mid-stream; the result equals a rebuild', async () => {
    const env = {
      EVENT_STORE: 'postgres',
      DATABASE_URL: databaseUrl as string,
      DATABASE_SCHEMA: schema,
      DATA_DIR: dataDir,
      PROJECTION_LOCK_RETRY_MS: '100',
    };
    const first = await startProjector(build!.dir, env);
    await waitFor(() => first.runs('cases') && first.runs('timeline'), 'the first projector to run both projections');
    const second = await startProjector(build!.dir, env);

    // A stream of dispute lifecycles, appended while the projectors run.
    let appended = 0;
    const writer = (async () => {
      for (let i = 1; i <= 60; i++) {
        const day = `2026-03-${String((i % 28) + 1).padStart(2, '0')}`;
        const c = new CaseScript(store, { id: randomUUID(), filedAt: `${day}T09:00:00.000Z`, summary: `Dispute ${i}` });
        await c.file();
        await c.register(i, `${day}T10:00:00.000Z`);
        if (i % 3 !== 0) await c.accept('mediation', `${day}T11:00:00.000Z`);
        if (i % 3 === 1) await c.nominate(['med-femke'], `${day}T12:00:00.000Z`);
        appended = i;
        await new Promise((r) => setTimeout(r, 15));
      }
    })();

    // Mid-stream: the active projector has applied some of it, the writer is still going.
    const checkpoint = async (name: string): Promise<number> => {
      const rows = await live!.dataSource.query('SELECT position FROM projection_checkpoints WHERE name = $1', [name]);
      return rows.length ? Number(rows[0].position) : 0;
    };
    live = await openReadModels({ databaseUrl: databaseUrl as string, schema });
    await waitFor(async () => appended >= 15 && (await checkpoint('cases')) > 0, 'the projections to start applying');
    expect(second.runs('cases') || second.runs('timeline')).toBe(false);
    await first.kill();
    const killedAt = appended;
    expect(killedAt).toBeLessThan(60);

    await waitFor(() => second.runs('cases') && second.runs('timeline'), 'the standby to take over', 20_000);
    await writer;
    const head = await store.headPosition();
    for (const projection of DEFAULT_PROJECTIONS) {
      await waitFor(async () => (await checkpoint(projection.name)) === head, `${projection.name} to reach the head`, 30_000);
    }

    // From scratch, in fresh tables: the same rows.
    scratch = await openReadModels({ databaseUrl: databaseUrl as string, schema: scratchSchema });
    const engine = scratch.createProjectionEngine(store, { batchSize: 500 });
    await engine.start();
    await engine.waitForPosition(head, 60_000);
    await engine.stop();

    const expected = await projectionRows(scratch.dataSource);
    expect(expected.case_list).toHaveLength(60);
    expect(await projectionRows(live.dataSource)).toEqual(expected);
    await second.stop();
  }, 180_000);

  it('an API with PROJECTIONS=off still reads its own writes: it waits for the projector\'s checkpoints', async () => {
    const apiSchema = uniqueSchema('projections_off');
    const env = { EVENT_STORE: 'postgres', DATABASE_URL: databaseUrl as string, DATABASE_SCHEMA: apiSchema, PROJECTION_LOCK_RETRY_MS: '100' };
    const apiDataDir = newDataDir();
    try {
      // The API starts (and answers /health) before any projector runs.
      const api = await startChildServer(build!.main, apiDataDir, { ...env, PROJECTIONS: 'off' });
      const projector = await startProjector(build!.dir, { ...env, DATA_DIR: dataDir });
      await waitFor(() => projector.runs('cases') && projector.runs('timeline'), 'the projector to run the projections');
      expect(api.output()).not.toMatch(/Running projection/);
      for (let i = 0; i < 5; i++) {
        const id = await fileDispute(api);
        // Read-your-writes: the case is there the moment the command has answered.
        expect((await api.as(CLAIMANT).get(disputePath(id))).status).toBe(200);
        const registered = await api.as(SECRETARIAT).post(actionPath(id, 'register'), {});
        expect(registered.status).toBe(200);
        const read = await api.as(CLAIMANT).get(disputePath(id));
        expect(read.body.status).toBe('awaiting_respondent');
      }
      await api.stop();
      await projector.stop();
    } finally {
      await dropSchema(apiSchema);
      await removeDataDir(apiDataDir);
    }
  }, 120_000);
});

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
