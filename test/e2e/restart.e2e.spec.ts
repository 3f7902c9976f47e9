import { ManualClock } from '../../libs/runtime/src/clock';
import { buildPrivateDist, killAllChildServers, startChildServer, type ChildServer } from './support/child-server';
import {
  CLAIMANT,
  MEDIATOR,
  SECRETARIAT,
  actionPath,
  countOf,
  fileAndRegister,
  fileDispute,
  getCase,
  getTimeline,
  inDays,
  must,
  toInMediation,
  type Body,
} from './support/dispute-fixtures';
import { newDataDir, removeDataDir, startTestApp, type TestApp } from './support/test-app';

describe('restart keeps every case (in process)', () => {
  const dataDir = newDataDir();
  const clock = new ManualClock(new Date());
  let t: TestApp;

  afterAll(async () => {
    await t?.close();
    await removeDataDir(dataDir);
  });

  it('answers the same case, timeline and list after a restart on the same DATA_DIR', async () => {
    t = await startTestApp({ dataDir, clock });
    const { id, caseNumber } = await fileAndRegister(t);
    const mediated = await toInMediation(t);
    const filedOnly = await fileDispute(t, 'prov-bram', { claimantOrganisationIds: ['org-wijkzorg-amstelland'], sector: 'community_nursing' });
    const before = {
      case: await getCase(t, CLAIMANT, id),
      mediated: await getCase(t, MEDIATOR, mediated),
      timeline: await getTimeline(t, SECRETARIAT, id),
      list: must(await t.as(SECRETARIAT).get('/api/disputes?limit=100'), 200, 'list').body,
    };
    await t.close();

    t = await startTestApp({ dataDir, clock });
    const after = {
      case: await getCase(t, CLAIMANT, id),
      mediated: await getCase(t, MEDIATOR, mediated),
      timeline: await getTimeline(t, SECRETARIAT, id),
      list: must(await t.as(SECRETARIAT).get('/api/disputes?limit=100'), 200, 'list').body,
    };
    expect(after.case).toEqual(before.case);
    expect(after.case.caseNumber).toBe(caseNumber);
    expect(after.mediated).toEqual(before.mediated);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.list.items.map((i: Body) => i.id)).toEqual(before.list.items.map((i: Body) => i.id));
    expect(after.list.items.map((i: Body) => i.id)).toContain(filedOnly);

    // An Idempotency-Key answered before the restart is still honoured after it.
    const body = { reason: 'Retry after restart' };
    const first = must(await t.as(CLAIMANT).post(actionPath(id, 'withdraw'), body, { 'Idempotency-Key': 'restart-key' }), 200, 'withdraw');
    await t.close();
    t = await startTestApp({ dataDir, clock });
    const retry = must(await t.as(CLAIMANT).post(actionPath(id, 'withdraw'), body, { 'Idempotency-Key': 'restart-key' }), 200, 'withdraw retried');
    expect(retry.body).toEqual(first.body);
    expect(countOf(await getTimeline(t, SECRETARIAT, id), 'DisputeWithdrawn')).toBe(1);

    // And it goes on: the next registration takes the next number.
    const next = await fileAndRegister(t);
    const seq = (n: string) => Number(n.slice(-4));
    expect(seq(next.caseNumber)).toBe(seq(caseNumber) + 2);
  });
});

describe('crash: SIGKILL right after an acknowledgement loses nothing (real server process)', () => {
  const dataDir = newDataDir();
  let server: ChildServer | undefined;

  let build: { main: string; dir: string };
  const start = (dir: string) => startChildServer(build.main, dir);

  beforeAll(() => {
    build = buildPrivateDist();
  }, 130_000);
  afterAll(async () => {
    await server?.stop();
    await killAllChildServers();
    await removeDataDir(dataDir);
    if (build) await removeDataDir(build.dir);
  });

  it('a registration acknowledged just before the kill is there after the restart', async () => {
    server = await start(dataDir);
    const id = await fileDispute(server);
    const res = await server.as(SECRETARIAT).post(actionPath(id, 'register'), {});
    await server.kill();
    must(res, 200, 'register');

    server = await start(dataDir);
    const view = await getCase(server, CLAIMANT, id);
    expect(view.status).toBe('awaiting_respondent');
    expect(view.caseNumber).toMatch(/^GZC-\d{4}-\d{4}$/);
    expect(view.version).toBe(res.body.version);
    const timeline = await getTimeline(server, CLAIMANT, id);
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['DisputeFiled', 'DisputeRegistered', 'RespondentInvited']));
    const list = must(await server.as(CLAIMANT).get('/api/disputes?limit=100'), 200, 'list').body;
    expect(list.items.map((i: Body) => i.id)).toContain(id);
    expect(list.items.find((i: Body) => i.id === id)?.status).toBe('awaiting_respondent');
    await server.stop();
  }, 120_000);

  it('five acknowledged commands, killed after the fifth answer: all five are there', async () => {
    server = await start(dataDir);
    const id = await toInMediation(server);
    const acknowledged: string[] = [];
    let lastVersion = 0;
    for (let i = 0; i < 5; i++) {
      const res = await server.as(MEDIATOR).post(actionPath(id, 'schedule-session'), { startsAt: inDays(server, 3 + i) });
      if (i === 4) await server.kill();
      must(res, 200, `schedule-session ${i + 1}`);
      acknowledged.push(res.body.sessionId);
      lastVersion = res.body.version;
    }

    server = await start(dataDir);
    const view = await getCase(server, MEDIATOR, id);
    expect(view.version).toBe(lastVersion);
    expect(view.sessions.map((s: Body) => s.sessionId).sort()).toEqual([...acknowledged].sort());
    const timeline = await getTimeline(server, MEDIATOR, id);
    expect(countOf(timeline, 'SessionScheduled')).toBe(5);
    await server.stop();
  }, 120_000);

  it('killed while ten registrations are in flight: every acknowledged one survives, numbers stay gap-free', async () => {
    const dir = newDataDir();
    try {
      server = await start(dir);
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push(await fileDispute(server));
      const s = server;
      const acknowledged = new Set<string>();
      let killing: Promise<void> | undefined;
      await Promise.allSettled(
        ids.map((id) =>
          s.as(SECRETARIAT).post(actionPath(id, 'register'), {}).then((res) => {
            if (res.status === 200) acknowledged.add(id);
            killing ??= s.kill(); // the first acknowledgement pulls the plug
          }),
        ),
      );
      await killing;
      expect(acknowledged.size).toBeGreaterThan(0);

      server = await start(dir);
      const views = await Promise.all(ids.map((id) => getCase(server!, SECRETARIAT, id)));
      for (const id of acknowledged) expect(views.find((v) => v.id === id)?.status).toBe('awaiting_respondent');
      const registered = views.filter((v) => v.caseNumber !== null);
      for (const v of registered) expect(v.status).toBe('awaiting_respondent');
      const seq = registered.map((v) => Number(String(v.caseNumber).slice(-4))).sort((a, b) => a - b);
      expect(seq).toEqual(Array.from({ length: registered.length }, (_, i) => i + 1));

      // The survivors and the rest can go on: the next registration takes the next number.
      const rest = views.filter((v) => v.caseNumber === null);
      if (rest.length > 0) {
        must(await server.as(SECRETARIAT).post(actionPath(rest[0].id, 'register'), {}), 200, 'register after restart');
        expect((await getCase(server, SECRETARIAT, rest[0].id)).caseNumber).toMatch(new RegExp(`-${String(registered.length + 1).padStart(4, '0')}$`));
      }
      await server.stop();
    } finally {
      await removeDataDir(dir);
    }
  }, 120_000);

  it('repeatedly: kill right after each of several registrations, numbers stay unique and gap-free', async () => {
    const numbers: string[] = [];
    for (let round = 0; round < 3; round++) {
      server = await start(dataDir);
      const id = await fileDispute(server);
      const res = await server.as(SECRETARIAT).post(actionPath(id, 'register'), {});
      await server.kill();
      must(res, 200, `register round ${round}`);
      server = await start(dataDir);
      numbers.push((await getCase(server, SECRETARIAT, id)).caseNumber);
      await server.stop();
    }
    const seq = numbers.map((n) => Number(n.slice(-4)));
    expect(seq).toEqual([seq[0], seq[0] + 1, seq[0] + 2]);
  }, 180_000);
});
