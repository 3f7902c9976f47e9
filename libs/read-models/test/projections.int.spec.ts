import { type DisputeEvent, foldEvents } from '../../domain/src';
import type { EventStore } from '../../event-store/src/port';
import { DEFAULT_PROJECTIONS, type OpenedReadModels, type ProjectionEngine } from '../src';
import { CaseScript, openStore, tempDir } from './support';
import { openTarget, READ_MODEL_TARGETS } from './targets';

// Projections build the right rows from the events the domain records along a case's life.

describe.each(READ_MODEL_TARGETS)('projections over a case from filing to appointment' + ' (%s)', (kind) => {
  let dir: ReturnType<typeof tempDir>;
  let store: EventStore;
  let opened: OpenedReadModels;
  let engine: ProjectionEngine;

  beforeEach(async () => {
    dir = tempDir();
    store = openStore(dir.path);
    opened = await openTarget(kind, dir.path);
    engine = opened.createProjectionEngine(store);
    await engine.start();
  });

  afterEach(async () => {
    await opened.close();
    await store.close();
    dir.remove();
  });

  // PostgreSQL returns bigint (positions) and COUNT(*) as strings; compare numbers on both.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const rows = async (sql: string, ...params: unknown[]): Promise<any[]> =>
    ((await opened.dataSource.query(sql, params)) as Record<string, unknown>[]).map((row) => {
      for (const key of ['n', 'position']) if (typeof row[key] === 'string') row[key] = Number(row[key]);
      return row;
    });

  it('fills summary, list, access, deadlines and timeline as the case evolves', async () => {
    const c = new CaseScript(store, {
      filedAt: '2025-01-10T09:00:00.000Z',
      claimants: ['org-provider-a'],
      respondents: ['org-insurer-x'],
      summary: 'Tariff for Mental Health 2025',
    });
    await c.file();
    await engine.waitForPosition(c.lastPosition);
    expect((await opened.readModels.getCase(c.id))?.status).toBe('filed');
    expect(await rows('SELECT case_number, status, version FROM case_list')).toEqual([
      { case_number: null, status: 'filed', version: 1 },
    ]);

    await c.register(1, '2025-01-12T10:00:00.000Z');
    await engine.waitForPosition(c.lastPosition);
    expect(await opened.readModels.dueDeadlines(new Date('2025-12-31T00:00:00Z'), 10)).toEqual([
      { disputeId: c.id, deadlineId: `${c.id}-answer`, dueAt: '2025-01-26T10:00:00.000Z' },
    ]);

    await c.accept('mediation', '2025-01-15T10:00:00.000Z');
    await c.nominate(['med-1'], '2025-01-16T10:00:00.000Z');
    await engine.waitForPosition(c.lastPosition);
    expect(await rows('SELECT deadline_id, kind, due_at FROM open_deadlines')).toEqual([
      { deadline_id: `${c.id}-challenge-1`, kind: 'challenge', due_at: '2025-01-23T10:00:00.000Z' },
    ]);

    await c.challengeUpheld('med-1', '2025-01-17T10:00:00.000Z');
    await c.nominate(['med-2'], '2025-01-18T10:00:00.000Z');
    await c.appoint(['med-2'], '2025-01-26T10:00:00.000Z');
    await engine.waitForPosition(c.lastPosition);

    // case summary: exactly the domain's fold of the stream.
    const stream = await store.readStream(c.streamId);
    const folded = foldEvents(stream.map((e) => ({ type: e.type, data: e.data }) as unknown as DisputeEvent), c.id);
    expect(await opened.readModels.getCase(c.id)).toEqual(folded);
    expect(folded).toMatchObject({ status: 'in_mediation', version: 9, caseNumber: 'GZC-2025-0001' });

    // case-list
    expect(await rows('SELECT * FROM case_list')).toEqual([
      expect.objectContaining({
        dispute_id: c.id,
        case_number: 'GZC-2025-0001',
        status: 'in_mediation',
        phase: 'contractual',
        legal_framework: 'zvw',
        sector: 'mental_health',
        subjects: '["tariff"]',
        route: 'mediation',
        claimant_organisation_ids: '["org-provider-a"]',
        respondent_organisation_ids: '["org-insurer-x"]',
        summary: 'Tariff for Mental Health 2025',
        urgent: 0,
        filed_at: '2025-01-10T09:00:00.000Z',
        updated_at: '2025-01-26T10:00:00.000Z',
        version: 9,
        search_text: 'gzc-2025-0001 tariff for mental health 2025 tariff mental_health org-provider-a org-insurer-x',
      }),
    ]);

    // case_access: the parties and the appointed neutral; the one whose nomination lapsed lost access (rule 3).
    expect((await rows('SELECT principal FROM case_access ORDER BY principal')).map((r: { principal: string }) => r.principal)).toEqual([
      'org:org-insurer-x',
      'org:org-provider-a',
      'user:med-2',
    ]);

    // open_deadlines: every deadline has been met.
    expect(await rows('SELECT * FROM open_deadlines')).toEqual([]);

    // timeline: one entry per dispute event, in revision order, with domain time and actor.
    const timeline = await opened.readModels.getTimeline(c.id);
    expect(timeline.map((t) => t.type)).toEqual([
      'DisputeFiled',
      'DisputeRegistered',
      'RespondentInvited',
      'SubmissionAccepted',
      'NeutralsNominated',
      'NeutralChallenged',
      'ChallengeUpheld',
      'NeutralsNominated',
      'NeutralsAppointed',
    ]);
    expect(timeline.map((t) => t.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(timeline.map((t) => t.position)).toEqual(stream.map((e) => e.position));
    expect(timeline[0]).toMatchObject({
      at: '2025-01-10T09:00:00.000Z',
      actor: { userId: 'prov-anna', role: 'provider' },
      data: expect.objectContaining({ summary: 'Tariff for Mental Health 2025' }),
    });

    // Checkpoints all stand at the head, the case-numbers registry event included.
    const head = await store.headPosition();
    expect(await rows('SELECT name, position FROM projection_checkpoints ORDER BY name')).toEqual(
      DEFAULT_PROJECTIONS.map((p) => ({ name: p.name, position: head })).sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(engine.position()).toBe(head);
  });

  it('ignores non-dispute streams but still moves past them', async () => {
    await store.appendToStream('case-numbers-2025', [{ type: 'CaseNumberAssigned', data: { year: 2025 }, metadata: { schemaVersion: 1 } }], 'any');
    const head = await store.headPosition();
    await engine.waitForPosition(head);
    expect(await rows('SELECT COUNT(*) AS n FROM timeline_entries')).toEqual([{ n: 0 }]);
    expect(await rows('SELECT COUNT(*) AS n FROM case_summaries')).toEqual([{ n: 0 }]);
  });

  it('lists an association filing on behalf of its members as a party with access', async () => {
    const c = await new CaseScript(store, {
      filedAt: '2025-02-01T09:00:00.000Z',
      claimants: ['org-provider-a', 'org-provider-b'],
      filedOnBehalfBy: 'org-association',
      urgent: true,
    }).file();
    await engine.waitForPosition(c.lastPosition);
    // Filed, not registered: the respondent does not know of the case yet (rule 1).
    expect((await rows('SELECT principal FROM case_access ORDER BY principal')).map((r: { principal: string }) => r.principal)).toEqual([
      'org:org-association',
      'org:org-provider-a',
      'org:org-provider-b',
    ]);
    expect(await rows('SELECT urgent, search_text FROM case_list')).toEqual([
      { urgent: 1, search_text: expect.stringContaining('org-association') },
    ]);
  });
});
