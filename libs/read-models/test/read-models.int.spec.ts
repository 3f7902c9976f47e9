import type { EventStore } from '../../event-store/src/port';
import {
  type CaseListFilter,
  type CaseVisibilityScope,
  encodeCursor,
  InvalidCursorError,
  type OpenedReadModels,
  type ProjectionEngine,
} from '../src';
import { CaseScript, openStore, tempDir } from './support';
import { openTarget, READ_MODEL_TARGETS } from './targets';

// The queries the API serves: who sees which case, each filter, free text, keyset paging,
// the deadline scheduler's feed and idempotent answers.

describe.each(READ_MODEL_TARGETS)('TypeOrmReadModels' + ' (%s)', (kind) => {
  let dir: ReturnType<typeof tempDir>;
  let store: EventStore;
  let opened: OpenedReadModels;
  let engine: ProjectionEngine;
  const ids: Record<string, string> = {};
  let allIdsNewestFirst: string[];

  const ALL: CaseVisibilityScope = { all: true };
  const list = (scope: CaseVisibilityScope, filter: Partial<CaseListFilter> = {}) =>
    opened.readModels.listCases(scope, { limit: 100, ...filter });
  const idsOf = async (scope: CaseVisibilityScope, filter: Partial<CaseListFilter> = {}) =>
    (await list(scope, filter)).items.map((item) => item.id).sort();
  const named = (...names: string[]) => names.map((n) => ids[n]).sort();

  beforeAll(async () => {
    dir = tempDir();
    store = openStore(dir.path);
    opened = await openTarget(kind, dir.path);
    engine = opened.createProjectionEngine(store);
    await engine.start();

    const a = await new CaseScript(store, {
      id: '00000000-0000-4000-8000-00000000000a',
      filedAt: '2025-01-01T09:00:00.000Z',
      claimants: ['prov-a'],
      respondents: ['ins-x'],
      sector: 'mental_health',
      legalFramework: 'zvw',
      phase: 'contractual',
      subjects: ['tariff'],
      summary: 'A 100% increase of the GGZ tariff, x_y',
    }).file();
    await a.register(1, '2025-01-01T12:00:00.000Z'); // answer deadline due 2025-01-15T12:00
    const b = await new CaseScript(store, {
      id: '00000000-0000-4000-8000-00000000000b',
      filedAt: '2025-01-02T09:00:00.000Z',
      claimants: ['prov-b'],
      respondents: ['ins-x'],
      sector: 'pharmacy',
      legalFramework: 'zvw_supplementary',
      phase: 'precontractual',
      subjects: ['payment'],
      summary: 'Late payments xzy',
    }).file();
    await b.register(2, '2025-01-02T12:00:00.000Z');
    await b.accept('binding_advice', '2025-01-03T12:00:00.000Z');
    await b.nominate(['med-1'], '2025-01-04T12:00:00.000Z'); // challenge deadline due 2025-01-11T12:00
    const c = await new CaseScript(store, {
      id: '00000000-0000-4000-8000-00000000000c',
      filedAt: '2025-01-03T09:00:00.000Z',
      claimants: ['prov-a'],
      respondents: ['ins-y'],
      sector: 'hospital_care',
      legalFramework: 'wlz',
      subjects: ['volume_ceiling'],
      summary: 'Volume ceiling',
      urgent: true,
    }).file();
    // Same filing time as c: the id breaks the tie in the order and in the cursor.
    const d = await new CaseScript(store, {
      id: '00000000-0000-4000-8000-00000000000d',
      filedAt: '2025-01-03T09:00:00.000Z',
      claimants: ['prov-c'],
      respondents: ['ins-y'],
      filedOnBehalfBy: 'assoc-1',
      sector: 'hospital_care',
      summary: 'Collective dispute',
    }).file();
    Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id });

    // Fillers for paging, many sharing a filing time so ties straddle page boundaries.
    let last = d;
    for (let i = 0; i < 20; i++) {
      last = await new CaseScript(store, {
        filedAt: `2025-02-0${1 + (i % 3)}T09:00:00.000Z`,
        claimants: ['prov-filler'],
        respondents: ['ins-filler'],
        sector: 'other',
        summary: `Filler ${i}`,
      }).file();
    }
    await engine.waitForPosition(last.lastPosition);
    const rows: { dispute_id: string }[] = await opened.dataSource.query(
      'SELECT dispute_id FROM case_list ORDER BY filed_at DESC, dispute_id DESC',
    );
    allIdsNewestFirst = rows.map((r) => r.dispute_id);
  });

  afterAll(async () => {
    await opened.close();
    await store.close();
    dir.remove();
  });

  describe('visibility', () => {
    it('shows the secretariat every case', async () => {
      expect(await idsOf(ALL)).toHaveLength(24);
    });

    it('shows a party the cases of its organisation, claimant or respondent', async () => {
      expect(await idsOf({ organisationIds: ['prov-a'], userId: 'prov-anna' })).toEqual(named('a', 'c'));
      expect(await idsOf({ organisationIds: ['ins-x'], userId: 'ins-ivo' })).toEqual(named('a', 'b'));
      // c and d are filed, not registered: their respondent ins-y does not know of them yet (rule 1).
      expect(await idsOf({ organisationIds: ['prov-b', 'ins-y'], userId: 'u' })).toEqual(named('b'));
    });

    it('shows an association the cases it filed on behalf of its members', async () => {
      expect(await idsOf({ organisationIds: ['assoc-1'], userId: 'assoc-user' })).toEqual(named('d'));
    });

    it('shows a neutral the cases they were nominated to, not their organisation’s', async () => {
      expect(await idsOf({ organisationIds: ['mediators-guild'], userId: 'med-1' })).toEqual(named('b'));
      expect(await idsOf({ organisationIds: [], userId: 'med-1' })).toEqual(named('b'));
    });

    it('shows an outsider nothing', async () => {
      expect(await list({ organisationIds: ['nobody'], userId: 'nobody' })).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('filters', () => {
    it('filters by status, phase, legal framework, sector and route', async () => {
      expect(await idsOf(ALL, { status: 'awaiting_respondent' })).toEqual(named('a'));
      expect(await idsOf(ALL, { status: 'awaiting_neutral' })).toEqual(named('b'));
      expect(await idsOf(ALL, { phase: 'precontractual' })).toEqual(named('b'));
      expect(await idsOf(ALL, { legalFramework: 'wlz' })).toEqual(named('c'));
      expect(await idsOf(ALL, { sector: 'hospital_care' })).toEqual(named('c', 'd'));
      expect(await idsOf(ALL, { route: 'binding_advice' })).toEqual(named('b'));
    });

    it('combines filters with visibility', async () => {
      const partyA = { organisationIds: ['prov-a'], userId: 'prov-anna' };
      expect(await idsOf(partyA, { sector: 'hospital_care' })).toEqual(named('c'));
      expect(await idsOf(partyA, { sector: 'pharmacy' })).toEqual([]);
      expect(await idsOf(ALL, { sector: 'hospital_care', legalFramework: 'zvw' })).toEqual(named('d'));
    });

    it('returns list items in the contract shape', async () => {
      const [item] = (await list(ALL, { status: 'awaiting_respondent' })).items;
      expect(item).toEqual({
        id: ids.a,
        caseNumber: 'GZC-2025-0001',
        status: 'awaiting_respondent',
        phase: 'contractual',
        legalFramework: 'zvw',
        sector: 'mental_health',
        subjects: ['tariff'],
        route: null,
        claimantOrganisationIds: ['prov-a'],
        respondentOrganisationIds: ['ins-x'],
        summary: 'A 100% increase of the GGZ tariff, x_y',
        urgent: false,
        filedAt: '2025-01-01T09:00:00.000Z',
        updatedAt: '2025-01-01T12:00:00.000Z',
        version: 3,
      });
      expect((await list(ALL, { legalFramework: 'wlz' })).items[0].urgent).toBe(true);
    });
  });

  describe('q (free text)', () => {
    it('matches case number, summary, subjects, sector and party organisations, ignoring case', async () => {
      expect(await idsOf(ALL, { q: 'gzc-2025-0002' })).toEqual(named('b'));
      expect(await idsOf(ALL, { q: 'GZC-2025' })).toEqual(named('a', 'b'));
      expect(await idsOf(ALL, { q: 'ggz TARIFF' })).toEqual(named('a'));
      expect(await idsOf(ALL, { q: 'volume_ceiling' })).toEqual(named('c'));
      expect(await idsOf(ALL, { q: 'pharmacy' })).toEqual(named('b'));
      expect(await idsOf(ALL, { q: 'assoc-1' })).toEqual(named('d'));
      expect(await idsOf(ALL, { q: 'ins-y' })).toEqual(named('c', 'd'));
    });

    it('takes % and _ literally', async () => {
      expect(await idsOf(ALL, { q: '100%' })).toEqual(named('a'));
      expect(await idsOf(ALL, { q: '%' })).toEqual(named('a'));
      expect(await idsOf(ALL, { q: 'x_y' })).toEqual(named('a')); // not b's "xzy"
      expect(await idsOf(ALL, { q: '\\' })).toEqual([]);
    });

    it('applies visibility to text matches', async () => {
      expect(await idsOf({ organisationIds: ['prov-b'], userId: 'x' }, { q: 'gzc-2025' })).toEqual(named('b'));
    });
  });

  describe('paging', () => {
    it('walks every case newest first, without duplicates or gaps', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await list(ALL, { limit: 5, cursor });
        expect(page.items.length).toBeLessThanOrEqual(5);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(5);
      expect(seen).toEqual(allIdsNewestFirst);
      expect(new Set(seen).size).toBe(24);
    });

    it('orders ties in filing time by id, descending', async () => {
      const page = await list(ALL, { sector: 'hospital_care' });
      expect(page.items.map((i) => i.id)).toEqual([ids.d, ids.c]);
      const first = await list(ALL, { sector: 'hospital_care', limit: 1 });
      expect(first.items.map((i) => i.id)).toEqual([ids.d]);
      expect(first.nextCursor).toBe(encodeCursor({ filedAt: '2025-01-03T09:00:00.000Z', id: ids.d }));
      const second = await list(ALL, { sector: 'hospital_care', limit: 1, cursor: first.nextCursor! });
      expect(second).toEqual({ items: [expect.objectContaining({ id: ids.c })], nextCursor: null });
    });

    // A scope with fewer cases than the filter's walks its own cases (case_access in list order);
    // the fillers' claimant has 20 of 24 cases: its list is read that way, in pages with ties.
    it('walks a party’s own cases newest first, without duplicates or gaps', async () => {
      const fillers = allIdsNewestFirst.filter((id) => !Object.values(ids).includes(id));
      for (const filter of [{}, { sector: 'other' }, { status: 'filed' }]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await list({ organisationIds: ['prov-filler'], userId: 'nobody' }, { ...filter, limit: 3, cursor });
          expect(page.items.length).toBeLessThanOrEqual(3);
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(fillers);
      }
    });

    it('lists a case reached through two of the caller’s principals once, in order', async () => {
      // b: prov-b is its claimant and med-1 its nominee; a: prov-a's. One page, then one at a time.
      const scope = { organisationIds: ['prov-b', 'prov-a'], userId: 'med-1' };
      const newestFirst = allIdsNewestFirst.filter((id) => [ids.a, ids.b, ids.c].includes(id));
      expect((await list(scope)).items.map((i) => i.id)).toEqual(newestFirst);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list(scope, { limit: 1, cursor });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(newestFirst);
    });

    it('answers no nextCursor on an exactly full last page', async () => {
      expect((await list(ALL, { limit: 24 })).nextCursor).toBeNull();
      expect((await list(ALL, { limit: 23 })).nextCursor).not.toBeNull();
    });

    it('refuses a cursor it did not hand out', async () => {
      const bad = [
        'not a cursor!',
        Buffer.from('nonsense').toString('base64url'),
        Buffer.from('{"filedAt":1,"id":"x"}').toString('base64url'),
        Buffer.from('{"id":"x"}').toString('base64url'),
        Buffer.from('null').toString('base64url'),
      ];
      for (const cursor of bad) await expect(list(ALL, { cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    });
  });

  describe('dueDeadlines', () => {
    it('lists open deadlines due by now, earliest first', async () => {
      expect(await opened.readModels.dueDeadlines(new Date('2025-01-10T00:00:00Z'), 10)).toEqual([]);
      // b's challenge period ends on 2025-01-11: listed, so the scheduler closes it as lapsed (rule 13).
      expect(await opened.readModels.dueDeadlines(new Date('2025-01-11T12:00:00Z'), 10)).toEqual([
        { disputeId: ids.b, deadlineId: `${ids.b}-challenge-1`, dueAt: '2025-01-11T12:00:00.000Z' },
      ]);
      // b's respondent deadline was met by accepting; a's is still open.
      expect(await opened.readModels.dueDeadlines(new Date('2026-01-01T00:00:00Z'), 10)).toEqual([
        { disputeId: ids.b, deadlineId: `${ids.b}-challenge-1`, dueAt: '2025-01-11T12:00:00.000Z' },
        { disputeId: ids.a, deadlineId: `${ids.a}-answer`, dueAt: '2025-01-15T12:00:00.000Z' },
      ]);
      expect(await opened.readModels.dueDeadlines(new Date('2026-01-01T00:00:00Z'), 0)).toEqual([]);
    });
  });

  describe('idempotency', () => {
    it('keeps the first answer for a scope key', async () => {
      const { idempotency } = opened.readModels;
      expect(await idempotency.get('prov-anna:key-1')).toBeNull();
      const first = {
        scopeKey: 'prov-anna:key-1',
        requestHash: 'hash-1',
        statusCode: 201,
        body: { id: 'x', status: 'filed', version: 1 },
        createdAt: '2025-01-01T00:00:00.000Z',
      };
      await idempotency.put(first);
      await idempotency.put({ ...first, requestHash: 'hash-2', statusCode: 409, body: { other: true } });
      expect(await idempotency.get('prov-anna:key-1')).toEqual(first);
      expect(await idempotency.get('prov-bob:key-1')).toBeNull();
    });

    it('lets one claimant hold a key, others wait; a release or an abandoned claim frees it', async () => {
      const { idempotency } = opened.readModels;
      const t0 = '2025-01-01T00:00:00.000Z';
      const long = '2024-12-31T00:00:00.000Z';
      expect(await idempotency.claim('u:c', 'h', t0, long)).toBe(true);
      expect(await idempotency.claim('u:c', 'h', t0, long)).toBe(false);
      expect(await idempotency.get('u:c')).toMatchObject({ statusCode: 0, requestHash: 'h' });
      await idempotency.release('u:c');
      expect(await idempotency.get('u:c')).toBeNull();
      expect(await idempotency.claim('u:c', 'h', t0, long)).toBe(true);
      // The holder died: a claim older than staleBefore is taken over.
      expect(await idempotency.claim('u:c', 'h2', '2025-01-01T00:05:00.000Z', '2025-01-01T00:01:00.000Z')).toBe(true);
      const answer = { scopeKey: 'u:c', requestHash: 'h2', statusCode: 200, body: { ok: 1 }, createdAt: t0 };
      await idempotency.put(answer);
      expect(await idempotency.get('u:c')).toMatchObject({ statusCode: 200, body: { ok: 1 } });
      // An answered key is never claimed again, however old, nor released.
      expect(await idempotency.claim('u:c', 'h3', '2026-01-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z')).toBe(false);
      await idempotency.release('u:c');
      expect(await idempotency.get('u:c')).toMatchObject({ statusCode: 200 });
    });

    it('stores an empty body', async () => {
      const record = { scopeKey: 'u:k', requestHash: 'h', statusCode: 204, body: null, createdAt: '2025-01-01T00:00:00.000Z' };
      await opened.readModels.idempotency.put(record);
      expect(await opened.readModels.idempotency.get('u:k')).toEqual(record);
    });
  });
});
