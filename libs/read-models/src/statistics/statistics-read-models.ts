import type { DataSource } from 'typeorm';
import { select } from '../sql';
import { CASE_FACT_COLUMNS, fromRow, type CaseFactRow, type CaseFacts } from './case-facts';
import { countsOfTally, StatisticsTally, type Audience, type StatisticsResult } from './compute-statistics';
import { daysBetween } from './percentile';
import { publishedScopeValues, publishScopes, type ObserverPublication } from './observer-publication';
import { periodsOf, windowOf, type CalendarDate, type GroupBy, type Period } from './periods';
import type { PublishedScope } from './published-scopes';
import { PublicationStore } from './publication-store';
import { ScopeFiguresCache, type TallyFigures } from './scope-figures-cache';
import { lastPublishedLabel, publishedScopes } from './published-scopes';
import { linearSolver, runInSlices } from './suppression-audit';
import {
  casesToRegister,
  neutralInvolvement,
  neutralStepCases,
  openCasesByStatus,
  type CaseToRegister,
  type NeutralInvolvement,
  type NeutralStepCase,
  type OpenStatusCount,
} from './secretariat-queries';
import { assignmentOf, deadlineOf, type CaseloadAssignment, type CaseloadDeadline } from './caseload-rows';
import { workQueueRows, type WorkQueueRows } from './work-queue-queries';

export interface StatisticsQuery {
  from: CalendarDate;
  to: CalendarDate;
  groupBy: GroupBy;
  audience: Audience;
  minCellCount: number;
  /** Observers see the periods that have ended by now. */
  now: Date;
}

export interface MediationOutcome {
  disputeId: string;
  caseNumber: string | null;
  sector: string;
  phase: string;
  legalFramework: string;
  result: string;
  /** The route after the mediation: `mediation` when the case ended there, else the escalation route. */
  route: string;
  mediatorUserId: string | null;
  startedAt: string | null;
  concludedAt: string;
  /** From the mediator's appointment to the conclusion. */
  daysTaken: number | null;
  daysSinceFiling: number;
}

export type { CaseloadAssignment, CaseloadCase, CaseloadDeadline } from './caseload-rows';

const MAX_CACHED_ANSWERS = 64;

/** The observers' publication as known at a statistics checkpoint, with the counts it was decided for. */
interface PublicationAt {
  key: string;
  checkpoint: number;
  values: Float64Array;
  /** The stamps of the tallies the values came from: while they hold, so do the values. */
  stamps: number[];
  publication: ObserverPublication;
}

/**
 * A first count of a tally under way: the cases (and missed deadlines) that changed since it
 * started, each with the facts it was counted with (undefined: not there when it started).
 */
interface TallyBuild {
  cases: Map<string, CaseFacts | undefined>;
  missed: Map<string, string | undefined>;
  done: Promise<StatisticsTally>;
}

/** Rows per page when the facts are read (the first read is every case). */
const FACTS_PAGE = 1000;

/**
 * Reads every row after position `after`, in position order, a page at a time. A page that ends
 * inside a run of equal positions is read again from that position (rows seen twice are simply
 * overwritten), so none is skipped.
 */
async function readInPages<R>(
  page: (after: number, limit: number) => Promise<R[]>,
  after: number,
  positionOf: (row: R) => number,
  take: (row: R) => void,
): Promise<void> {
  let from = after;
  for (;;) {
    const rows = await page(from, FACTS_PAGE);
    for (const row of rows) take(row);
    if (rows.length < FACTS_PAGE) return;
    const last = positionOf(rows[rows.length - 1]);
    // All of a page at one position cannot happen (one event per dispute per position); if it
    // ever did, go on after it rather than read the same page for ever.
    from = last === positionOf(rows[0]) ? last : last - 1;
  }
}

/** A question's periods and window, worked out once (they cost a time-zone lookup per period). */
interface Layout {
  window: { start: string; end: string };
  periods: Period[];
  tallyKey: string;
}

/** A cached answer and what it was computed from: it holds while the tally's stamp and the publication do. */
interface CachedAnswer {
  stamp: number;
  publication: ObserverPublication | undefined;
  answer: StatisticsAnswer;
}

/** Layouts of periods kept tallied; each costs a pass over the cases to start, then only changes. */
const MAX_TALLIES = 16;

const sameCounts = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
const sameStamps = (a: number[], b: number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

interface FactsSnapshot {
  /** The statistics checkpoint the facts are complete up to; -1 before the first load. */
  loadedUpTo: number;
  facts: Map<string, CaseFacts>;
  /** missed_at per `disputeId/deadlineId`. */
  missed: Map<string, string>;
}

/** A computed answer and the renderings of it already made (JSON text, CSV), so a hit costs no serialising. */
export interface StatisticsAnswer {
  result: StatisticsResult;
  /** The scopes the result was put together from: renderStatisticsJson reuses their JSON text. */
  figures: TallyFigures;
  /** Per format: the text, and its hash (an HTTP ETag), made the first time it is asked for. */
  rendered: Map<string, { text: string; hash: string }>;
}

/**
 * Queries over the statistics, mediation and caseload tables. Statistics answers are cached per
 * question and tally stamp: the facts are first brought up to the statistics checkpoint, and an
 * answer is reused only while no change has touched its periods since it was computed.
 */
export class StatisticsReadModels {
  private readonly cache = new Map<string, CachedAnswer>();
  private readonly layouts = new Map<string, Layout>();
  private readonly scopeCaches = new WeakMap<StatisticsTally, Map<Audience, ScopeFiguresCache>>();
  /** The published scopes and their two period layouts (quarters, years), per last published quarter. */
  private publishedLayout: { label: string; scopes: PublishedScope[]; layouts: Period[][] } | undefined;
  private snapshot: FactsSnapshot = { loadedUpTo: -1, facts: new Map(), missed: new Map() };
  /** Tallies per layout of periods (question asked), kept current with the snapshot. */
  private readonly tallies = new Map<string, StatisticsTally>();
  /** Tallies being counted for the first time, per layout, with what changed meanwhile. */
  private readonly building = new Map<string, TallyBuild>();
  private refreshing: Promise<void> | undefined;
  private published: PublicationAt | undefined;
  /** The publication being computed, for the counts it is computed from: later askers wait for it. */
  private publishing: { key: string; values: Float64Array; done: Promise<ObserverPublication> } | undefined;
  private readonly publicationStore: PublicationStore;
  /** Aborted on stop: a computation under way ends at its next pause instead of running on. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly dataSource: DataSource,
    /** How a first count is sliced (tests make it pause after every case to interleave changes). */
    private readonly slicing: { sliceMs: number; casesPerPause: number } = { sliceMs: 10, casesPerPause: 1000 },
  ) {
    this.publicationStore = new PublicationStore(dataSource);
  }

  /** Stops any publication being computed (shutting down); askers waiting for it get an error. */
  stopPublishing(): void {
    this.stopping.abort(new Error('The statistics are shutting down'));
  }

  /**
   * Brings the observers' publication up to date (at start and as time passes, off any request):
   * a period that has just ended, or a late event in an ended one, is solved here, so that an
   * observer's question finds it ready.
   */
  async prepareObserverPublication(now: Date, minCellCount: number): Promise<void> {
    const checkpoint = await this.checkpoint('statistics');
    await this.facts(checkpoint);
    await this.publication(checkpoint, now, minCellCount);
  }

  async statistics(query: StatisticsQuery): Promise<StatisticsResult> {
    return (await this.statisticsAnswer(query)).result;
  }

  /**
   * The answer with its cache of renderings: a caller stores what it serialised under a name of its own.
   * An answer is kept while the tally of its periods has the same stamp (no change touched its
   * window) and, for observers, the publication is the same: a write to today's cases leaves
   * answers over earlier windows cached.
   */
  async statisticsAnswer(query: StatisticsQuery): Promise<StatisticsAnswer> {
    const checkpoint = await this.checkpoint('statistics');
    const { now, ...question } = query;
    const published = query.audience === 'observer' ? lastPublishedLabel(now) : null;
    const key = JSON.stringify([published, question]);
    await this.facts(checkpoint);
    // Observers' withheld cells come from the publication; the counts from the tally for everyone.
    const publication = query.audience === 'observer' ? await this.publication(checkpoint, now, query.minCellCount) : undefined;
    const layout = this.layoutOf(query);
    const tally = await this.tallyFor(layout.periods, layout.tallyKey);
    // From here on synchronous: the tally cannot change between reading its stamp and computing.
    const cached = this.cache.get(key);
    this.cache.delete(key); // (re)inserted below: the map's order is the eviction order
    if (cached && cached.stamp === tally.stamp && cached.publication === publication) {
      this.cache.set(key, cached);
      return cached.answer;
    }
    const figures = this.scopeCache(tally, query.audience).figures(tally, {
      window: layout.window,
      periods: layout.periods,
      audience: query.audience,
      publication,
    });
    const answer: StatisticsAnswer = { result: figures.result, figures, rendered: new Map() };
    this.cache.set(key, { stamp: tally.stamp, publication, answer });
    while (this.cache.size > MAX_CACHED_ANSWERS) this.cache.delete(this.cache.keys().next().value as string);
    return answer;
  }

  /** The per-scope figures of a tally for an audience; dropped with the tally. */
  private scopeCache(tally: StatisticsTally, audience: Audience): ScopeFiguresCache {
    let perAudience = this.scopeCaches.get(tally);
    if (!perAudience) this.scopeCaches.set(tally, (perAudience = new Map()));
    let cache = perAudience.get(audience);
    if (!cache) perAudience.set(audience, (cache = new ScopeFiguresCache()));
    return cache;
  }

  private layoutOf(query: StatisticsQuery): Layout {
    const key = JSON.stringify([query.from, query.to, query.groupBy]);
    let layout = this.layouts.get(key);
    if (!layout) {
      const periods = periodsOf(query.from, query.to, query.groupBy);
      layout = { window: windowOf(query.from, query.to), periods, tallyKey: JSON.stringify(periods) };
      if (this.layouts.size >= MAX_CACHED_ANSWERS) this.layouts.delete(this.layouts.keys().next().value as string);
      this.layouts.set(key, layout);
    }
    return layout;
  }

  /**
   * The observers' publication at this checkpoint (every ended period and what is withheld in it).
   * Each ended period is solved once: new events almost never change ended periods, and when every
   * published count is as before the publication is too. Otherwise only the periods from the first
   * changed one on are solved again (publishScopes), in slices so other requests are answered
   * meanwhile, and the result is stored for the next start.
   */
  private async publication(checkpoint: number, now: Date, k: number): Promise<ObserverPublication> {
    const label = lastPublishedLabel(now);
    const key = JSON.stringify([label, k]);
    const known = this.published;
    if (known?.key === key && known.checkpoint === checkpoint) return known.publication;
    if (this.publishedLayout?.label !== label) {
      const scopes = publishedScopes(now);
      const layouts = (['quarter', 'year'] as const).map((kind) => scopes.filter((s) => s.kind === kind).map((s) => s.period));
      this.publishedLayout = { label, scopes, layouts: layouts.filter((periods) => periods.length > 0) };
    }
    const { scopes, layouts } = this.publishedLayout;
    // No change touched the published periods (the usual case: writes are about today): as before.
    const tallies = await this.currentTallies(layouts);
    // Synchronous from here to the solve: the tallies stay as read.
    const stamps = tallies.map((tally) => tally.stamp);
    if (known?.key === key && sameStamps(known.stamps, stamps)) {
      this.remember({ ...known, checkpoint });
      return known.publication;
    }
    // From the tallies kept current with the facts: no pass over the cases.
    let next = 0; // publishedScopeValues asks for the quarters, then the years: the order of `layouts`
    const values = publishedScopeValues(scopes, () => countsOfTally(tallies[next++]).counts);
    if (known?.key === key && sameCounts(known.values, values)) {
      this.remember({ ...known, checkpoint, stamps });
      return known.publication;
    }
    const running = this.publishing;
    if (running?.key === key && sameCounts(running.values, values)) {
      const publication = await running.done;
      this.remember({ key, checkpoint, values, stamps, publication });
      return publication;
    }
    const done = (async () => {
      const previous = known?.publication ?? (await this.publicationStore.load(k));
      const publication = await runInSlices(publishScopes(await linearSolver(), scopes, values, k, previous), 10, this.stopping.signal);
      // Only a head start for the next process start: an answer does not wait for it or fail with it.
      this.publicationStore.save(publication).catch(() => undefined);
      return publication;
    })();
    this.publishing = { key, values, done };
    try {
      const publication = await done;
      this.remember({ key, checkpoint, values, stamps, publication });
      return publication;
    } finally {
      if (this.publishing?.done === done) this.publishing = undefined;
    }
  }

  /** The tallies of several layouts, all kept current at the moment this resolves (none evicted meanwhile). */
  private async currentTallies(layouts: Period[][]): Promise<StatisticsTally[]> {
    const keys = layouts.map((periods) => JSON.stringify(periods));
    for (;;) {
      await Promise.all(layouts.map((periods, i) => this.tallyFor(periods, keys[i])));
      const tallies = keys.map((key) => this.tallies.get(key));
      if (tallies.every((tally) => tally !== undefined)) return tallies;
    }
  }

  /** Keeps the newest publication: one computed from older facts never replaces a newer one. */
  private remember(at: PublicationAt): void {
    if (!this.published || this.published.key !== at.key || this.published.checkpoint <= at.checkpoint) this.published = at;
  }

  /** Mediations concluded in the window, oldest first; only `mediatorUserId`'s when given. */
  async mediationOutcomes(from: CalendarDate, to: CalendarDate, mediatorUserId?: string): Promise<MediationOutcome[]> {
    const window = windowOf(from, to);
    const rows = await select<Record<string, string | null>>(
      this.dataSource.manager,
      `SELECT dispute_id, case_number, sector, phase, legal_framework, filed_at, mediator_user_id, started_at, concluded_at, result, route
       FROM mediations WHERE concluded_at >= ? AND concluded_at < ?${mediatorUserId !== undefined ? ' AND mediator_user_id = ?' : ''}
       ORDER BY concluded_at, dispute_id`,
      [window.start, window.end, ...(mediatorUserId !== undefined ? [mediatorUserId] : [])],
    );
    return rows.map((r) => ({
      disputeId: String(r.dispute_id),
      caseNumber: r.case_number ?? null,
      sector: String(r.sector),
      phase: String(r.phase),
      legalFramework: String(r.legal_framework),
      result: String(r.result),
      route: r.route ?? 'mediation',
      mediatorUserId: r.mediator_user_id ?? null,
      startedAt: r.started_at ?? null,
      concludedAt: String(r.concluded_at),
      daysTaken: r.started_at ? daysBetween(r.started_at, String(r.concluded_at)) : null,
      daysSinceFiling: daysBetween(String(r.filed_at), String(r.concluded_at)),
    }));
  }

  /** Current (nominated or appointed) neutrals on open cases; one neutral's when `userId` is given. */
  async caseloadAssignments(userId?: string): Promise<CaseloadAssignment[]> {
    const rows = await select<Record<string, string | number | null>>(
      this.dataSource.manager,
      `SELECT n.user_id, n.role, n.neutral_status, n.chair, c.dispute_id, c.case_number, c.status, c.route, c.urgent
       FROM caseload_neutrals n JOIN caseload_cases c ON c.dispute_id = n.dispute_id
       ${userId !== undefined ? 'WHERE n.user_id = ?' : ''} ORDER BY n.user_id, c.case_number, c.dispute_id`,
      userId !== undefined ? [userId] : [],
    );
    return rows.map(assignmentOf);
  }

  /** Terms of neutrals on other cases of these parties (the roster's earlier involvement). */
  neutralInvolvement(organisationIds: string[], excludeDisputeId: string): Promise<NeutralInvolvement[]> {
    return neutralInvolvement(this.dataSource.manager, organisationIds, excludeDisputeId);
  }

  /** Open cases awaiting a neutral or with a challenge to decide, longest waiting first. */
  neutralStepCases(): Promise<NeutralStepCase[]> {
    return neutralStepCases(this.dataSource.manager);
  }

  /** Filed cases to register, oldest first, and their number. */
  casesToRegister(limit: number): Promise<{ count: number; oldest: CaseToRegister[] }> {
    return casesToRegister(this.dataSource.manager, limit);
  }

  /** The secretariat's work queue: per neutral and per list the counts and the oldest `rows` entries, as at `now`. */
  workQueueRows(now: string, rows: number): Promise<WorkQueueRows> {
    return workQueueRows(this.dataSource.manager, now, rows);
  }

  /** Open cases per status with the one waiting longest. */
  openCasesByStatus(): Promise<OpenStatusCount[]> {
    return openCasesByStatus(this.dataSource.manager);
  }

  /** Open and missed deadlines of open cases, soonest first; only those of `userId`'s cases when given. */
  async caseloadDeadlines(userId?: string): Promise<CaseloadDeadline[]> {
    const rows = await select<Record<string, string | null>>(
      this.dataSource.manager,
      `SELECT d.dispute_id, c.case_number, d.deadline_id, d.kind, d.due_at, d.side, d.status
       FROM caseload_deadlines d JOIN caseload_cases c ON c.dispute_id = d.dispute_id
       ${userId !== undefined ? 'WHERE d.dispute_id IN (SELECT dispute_id FROM caseload_neutrals WHERE user_id = ?)' : ''}
       ORDER BY d.due_at, d.dispute_id, d.deadline_id`,
      userId !== undefined ? [userId] : [],
    );
    return rows.map(deadlineOf);
  }

  /**
   * The statistics facts in memory, brought up to `checkpoint` by reading only the rows the
   * projection changed since the last call: each row carries the log position of its last event,
   * written in the transaction that moved the checkpoint, so every row at or below a checkpoint
   * read earlier is already here. (A rebuild replays the same log, so the positions stay valid.)
   * Facts newer than a caller's checkpoint may be present; never older ones.
   */
  private async facts(checkpoint: number, attempts = 2): Promise<FactsSnapshot> {
    if (this.snapshot.loadedUpTo >= checkpoint || attempts === 0) return this.snapshot;
    this.refreshing ??= (async () => {
      try {
        const target = await this.checkpoint('statistics');
        const since = this.snapshot.loadedUpTo;
        // Read in pages (the first load is every case): each page is a short query, not one that
        // holds the event loop for seconds over a large history.
        const changed = new Map<string, CaseFacts>();
        await readInPages(
          (after, limit) =>
            select<CaseFactRow>(
              this.dataSource.manager,
              `SELECT ${CASE_FACT_COLUMNS.join(', ')} FROM statistics_cases WHERE last_position > ? ORDER BY last_position LIMIT ?`,
              [after, limit],
            ),
          since,
          (row) => Number(row.last_position),
          (row) => changed.set(String(row.dispute_id), fromRow(row)),
        );
        const missed = new Map<string, string>();
        await readInPages(
          (after, limit) =>
            select<{ dispute_id: string; deadline_id: string; missed_at: string; position: number | string }>(
              this.dataSource.manager,
              'SELECT dispute_id, deadline_id, missed_at, position FROM statistics_missed_deadlines WHERE position > ? ORDER BY position LIMIT ?',
              [after, limit],
            ),
          since,
          (row) => Number(row.position),
          (row) => missed.set(`${row.dispute_id}/${row.deadline_id}`, String(row.missed_at)),
        );
        // Applied in one synchronous step: a computation running meanwhile sees all of it or none.
        // Each tally takes the case out as it was counted and in again as it is now; a tally being
        // built notes what it counted the case as, to correct it when it is done.
        const { facts, missed: missedAt } = this.snapshot;
        for (const [id, now] of changed) {
          const before = facts.get(id);
          for (const tally of this.tallies.values()) tally.replace(before, now);
          for (const build of this.building.values()) if (!build.cases.has(id)) build.cases.set(id, before);
          facts.set(id, now);
        }
        for (const [key, at] of missed) {
          const before = missedAt.get(key);
          if (before === at) continue;
          for (const tally of this.tallies.values()) {
            if (before !== undefined) tally.addMissed(before, -1);
            tally.addMissed(at, 1);
          }
          for (const build of this.building.values()) if (!build.missed.has(key)) build.missed.set(key, before);
          missedAt.set(key, at);
        }
        this.snapshot.loadedUpTo = Math.max(since, target);
      } finally {
        this.refreshing = undefined;
      }
    })();
    await this.refreshing;
    // A refresh already under way may have started below our checkpoint: go again if so.
    return this.facts(checkpoint, attempts - 1);
  }

  /**
   * The tally of the facts over `periods`: counted once from every case, then kept up to date by
   * facts() as cases change, so a new checkpoint costs the changed cases, not all of them. The
   * first count runs in slices (100,000 cases take about half a second), over the facts as they
   * were when it started; the cases that changed meanwhile are then taken out as counted and in
   * again as they are now.
   */
  private async tallyFor(periods: Period[], key = JSON.stringify(periods)): Promise<StatisticsTally> {
    const known = this.tallies.get(key);
    if (known) {
      this.tallies.delete(key); // refresh its place: the map's order is the eviction order
      this.tallies.set(key, known);
      return known;
    }
    const running = this.building.get(key);
    if (running) return running.done;
    const build: TallyBuild = { cases: new Map(), missed: new Map(), done: Promise.resolve(undefined as unknown as StatisticsTally) };
    build.done = (async () => {
      try {
        const { facts, missed } = this.snapshot;
        const { sliceMs, casesPerPause } = this.slicing;
        const counting = new StatisticsTally(periods).addAllSliced([...facts.values()], [...missed.values()], casesPerPause);
        const tally = await runInSlices(counting, sliceMs, this.stopping.signal);
        // Synchronous from here: the corrections and the registration happen before any other change.
        for (const [id, counted] of build.cases) tally.replace(counted, facts.get(id)!);
        for (const [key, counted] of build.missed) {
          if (counted !== undefined) tally.addMissed(counted, -1);
          tally.addMissed(missed.get(key)!, 1);
        }
        this.tallies.set(key, tally);
        while (this.tallies.size > MAX_TALLIES) this.tallies.delete(this.tallies.keys().next().value as string);
        return tally;
      } finally {
        this.building.delete(key);
      }
    })();
    this.building.set(key, build);
    return build.done;
  }

  private async checkpoint(projection: string): Promise<number> {
    const [row] = await select<{ position: number | string }>(
      this.dataSource.manager,
      'SELECT position FROM projection_checkpoints WHERE name = ?',
      [projection],
    );
    return row ? Number(row.position) : 0;
  }
}
