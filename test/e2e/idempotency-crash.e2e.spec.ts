import { buildPrivateDist, killAllChildServers, startChildServer, type ChildServer } from './support/child-server';
import {
  actionPath,
  countOf,
  fileAndRegister,
  fileDispute,
  getCase,
  getTimeline,
  inDays,
  MEDIATOR,
  must,
  register,
  SECRETARIAT,
  toInMediation,
} from './support/dispute-fixtures';
import { newDataDir, removeDataDir } from './support/test-app';

// Exactly-once retries (issue 14, finding 4): the server is SIGKILLed after a keyed command's
// events are appended and before its answer is stored or sent (test-only hook). After a restart,
// the retry with the same key gets the answer recorded with the events, and nothing is recorded
// twice. Runs on the embedded stores and again on PostgreSQL (project e2e-postgres).
const CRASH = { GZC_TEST_CRASH_BEFORE_IDEMPOTENT_ANSWER: '1' };

describe('crash between append and answer: the retry with the same Idempotency-Key returns the first outcome', () => {
  const dataDir = newDataDir();
  let server: ChildServer | undefined;
  let build: { main: string; dir: string };

  beforeAll(() => {
    build = buildPrivateDist();
  }, 130_000);
  afterAll(async () => {
    await server?.stop();
    await killAllChildServers();
    await removeDataDir(dataDir);
    if (build) await removeDataDir(build.dir);
  });

  /** Sends a keyed request to a server that will die answering it; resolves once it is gone. */
  async function diesAnswering(s: ChildServer, send: () => Promise<unknown>): Promise<void> {
    const outcome = await send().then(
      () => 'answered',
      () => 'connection lost',
    );
    await s.kill(); // already dead: this only waits for the exit
    expect(outcome).toBe('connection lost');
    expect(s.child.signalCode).toBe('SIGKILL');
  }

  it('schedule-session and register: one set of events each, the retry answers as the first run would have', async () => {
    server = await startChildServer(build.main, dataDir);
    const inMediation = await toInMediation(server);
    const filed = await fileDispute(server);
    const before = await fileAndRegister(server); // the number the registry stood at
    await server.stop();

    // 1. schedule-session: the process dies after appending SessionScheduled.
    server = await startChildServer(build.main, dataDir, CRASH);
    const sessionBody = { startsAt: inDays(server, 10), location: 'Utrecht' };
    const crashing = server;
    await diesAnswering(crashing, () =>
      crashing.as(MEDIATOR).post(actionPath(inMediation, 'schedule-session'), sessionBody, { 'Idempotency-Key': 'crash-session' }),
    );

    // 2. register, on a restarted server that crashes again: the case number is appended too.
    server = await startChildServer(build.main, dataDir, CRASH);
    const retriedSession = must(
      await server.as(MEDIATOR).post(actionPath(inMediation, 'schedule-session'), sessionBody, { 'Idempotency-Key': 'crash-session' }),
      200,
      'retry of schedule-session',
    );
    const crashingAgain = server;
    await diesAnswering(crashingAgain, () =>
      crashingAgain.as(SECRETARIAT).post(actionPath(filed, 'register'), {}, { 'Idempotency-Key': 'crash-register' }),
    );

    server = await startChildServer(build.main, dataDir);
    const retriedRegister = must(
      await server.as(SECRETARIAT).post(actionPath(filed, 'register'), {}, { 'Idempotency-Key': 'crash-register' }),
      200,
      'retry of register',
    );

    // The session: recorded once, and the retry's answer is that session at that version.
    expect(retriedSession.headers['idempotent-replayed']).toBe('true');
    const mediation = await getCase(server, MEDIATOR, inMediation);
    expect(countOf(await getTimeline(server, MEDIATOR, inMediation), 'SessionScheduled')).toBe(1);
    expect(mediation.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([retriedSession.body.sessionId]);
    expect(retriedSession.body).toMatchObject({ id: inMediation, version: mediation.version, status: mediation.status });

    // The registration: recorded once, with the next number; the retry answers that number.
    expect(retriedRegister.headers['idempotent-replayed']).toBe('true');
    const registered = await getCase(server, SECRETARIAT, filed);
    expect(countOf(await getTimeline(server, SECRETARIAT, filed), 'DisputeRegistered')).toBe(1);
    expect(retriedRegister.body).toMatchObject({ id: filed, version: registered.version, caseNumber: registered.caseNumber });
    expect(sequence(registered.caseNumber)).toBe(sequence(before.caseNumber) + 1);

    // And the registry goes on without a gap or a duplicate.
    const next = await register(server, await fileDispute(server));
    expect(sequence(next)).toBe(sequence(before.caseNumber) + 2);

    // A third try with the same key still replays and still records nothing.
    must(await server.as(SECRETARIAT).post(actionPath(filed, 'register'), {}, { 'Idempotency-Key': 'crash-register' }), 200, 'third try');
    expect(countOf(await getTimeline(server, SECRETARIAT, filed), 'DisputeRegistered')).toBe(1);
    await server.stop();
  }, 180_000);
});

/** GZC-2026-0042 → 42. */
function sequence(caseNumber: string): number {
  const match = /-(\d+)$/.exec(caseNumber);
  if (!match) throw new Error(`not a case number: ${caseNumber}`);
  return Number(match[1]);
}
