import {
  assignCaseNumber,
  caseNumberStreamId,
  caseNumberYear,
  decide,
  disputeStreamId,
  dueDeadlines,
  DomainError,
  evolve,
  initialCaseNumberState,
  evolveCaseNumbers,
  initialState,
  isTerminal,
  type CaseNumberAssigned,
  type CaseNumberRegistryState,
  type DecisionContext,
  type DirectoryView,
  type DisputeCommand,
  type DisputeEvent,
  type Policies,
  type UserInfo,
} from '../../../libs/domain/src';
import type { EventStore, ExpectedVersion, NewEvent } from '../../../libs/event-store/src/port';
import { currentSchemaVersion } from '../../../libs/domain/src';
import { actorOf, castFrom, drawPlan, type Cast } from './case-plan';
import { DAY_MS, nextStep, type CaseRun, type Step } from './case-steps';
import { MinHeap } from './min-heap';
import { Random } from '../../../libs/runtime/src/seeded-random';

// A plausible past, made the way the application makes it: every change is a command the
// domain's decide() accepts at a simulated `now`, and the events are appended through the event
// store port. Cases run side by side on one agenda ordered by time, so the log is (almost) in
// time order and case numbers follow the order of registration, gap-free per year, in the same
// case-numbers-<year> streams the API uses. Appends are batched: each flush is ONE atomic
// appendToStreams over every stream touched since the last one.

/** The disputes body was founded on 2 June 2016. */
const FOUNDED = Date.UTC(2016, 5, 2);

export interface HistoryOptions {
  cases: number;
  fromYear: number;
  toYear: number;
  seed: number;
  /** Nothing happens after this instant (default: now). */
  until: Date;
  policies: Policies;
  directory: DirectoryView;
  users: readonly UserInfo[];
  /** Events per atomic append (default 5000). */
  batchEvents?: number;
  onProgress?: (done: { cases: number; events: number }) => void;
}

export interface HistorySummary {
  cases: number;
  events: number;
  from: string;
  until: string;
  /** Cases by their status at the end of the history. */
  byStatus: Record<string, number>;
  /** Planned steps the domain refused (a bug in the plans if not 0). */
  refused: number;
  firstRefusal?: string;
  durationMs: number;
  eventsPerSecond: number;
}

interface PendingStream {
  expectedVersion: ExpectedVersion;
  events: NewEvent[];
}

type AgendaItem = { at: number; seq: number; run?: CaseRun; index: number; step?: Step };

export async function generateHistory(store: EventStore, options: HistoryOptions): Promise<HistorySummary> {
  const started = Date.now();
  const cast: Cast = castFrom(options.users, options.directory);
  const start = Math.max(Date.UTC(options.fromYear, 0, 1), FOUNDED);
  const end = Math.min(Date.UTC(options.toYear + 1, 0, 1), options.until.getTime());
  if (!(end > start))
    throw new Error(`Nothing to generate: the years ${options.fromYear}-${options.toYear} end before they begin (or before 2 June 2016)`);
  const batchEvents = options.batchEvents ?? 5000;
  const seedRng = new Random(options.seed);

  // Filing times: more cases in later years (the density grows linearly over the span).
  const filedAt = Array.from({ length: options.cases }, () => start + (end - start) * Math.sqrt(seedRng.next())).sort((a, b) => a - b);
  const agenda = new MinHeap<AgendaItem>();
  let seq = 0;
  filedAt.forEach((at, index) => agenda.push({ at, seq: seq++, index }));

  const pending = new Map<string, PendingStream>();
  let pendingEvents = 0;
  let events = 0;
  let refused = 0;
  let firstRefusal: string | undefined;
  let casesStarted = 0;
  const byStatus: Record<string, number> = {};
  const registries = new Map<number, { state: CaseNumberRegistryState; revision: number }>();

  const registry = async (year: number) => {
    let r = registries.get(year);
    if (!r) {
      const [last] = await store.readStream(caseNumberStreamId(year), { direction: 'backwards', maxCount: 1 });
      r = last
        ? {
            state: evolveCaseNumbers(initialCaseNumberState(year), { type: 'CaseNumberAssigned', data: last.data } as CaseNumberAssigned),
            revision: last.revision,
          }
        : { state: initialCaseNumberState(year), revision: -1 };
      registries.set(year, r);
    }
    return r;
  };

  const stage = (streamId: string, expectedVersion: ExpectedVersion, newEvents: NewEvent[]) => {
    const entry = pending.get(streamId);
    if (entry) entry.events.push(...newEvents);
    else pending.set(streamId, { expectedVersion, events: [...newEvents] });
    pendingEvents += newEvents.length;
    events += newEvents.length;
  };

  const flush = async () => {
    if (pending.size === 0) return;
    const appends = [...pending].map(([streamId, p]) => ({ streamId, expectedVersion: p.expectedVersion, events: p.events }));
    pending.clear();
    pendingEvents = 0;
    await store.appendToStreams(appends);
    options.onProgress?.({ cases: casesStarted, events });
  };

  const toNewEvent = (e: { type: string; data: object }, run: CaseRun, actor: ReturnType<typeof actorOf>): NewEvent => ({
    type: e.type,
    data: e.data as Record<string, unknown>,
    metadata: {
      schemaVersion: currentSchemaVersion(e.type),
      actor: { userId: actor.userId, role: actor.role, organisationId: actor.organisationId },
      correlationId: `seed-${options.seed}-${run.index}-${run.steps}`,
      causationId: `seed-${options.seed}-${run.index}-${run.steps}`,
    },
  });

  /** Decides one command at `at` and stages its events; false when the domain refused it. */
  const run1 = async (run: CaseRun, command: DisputeCommand, actor: ReturnType<typeof actorOf>, at: number): Promise<boolean> => {
    const now = new Date(at).toISOString();
    const ctx: DecisionContext = { actor, now, policies: options.policies, directory: options.directory };
    let decided: DisputeEvent[];
    let numbered: { year: number; event: CaseNumberAssigned } | undefined;
    try {
      if (command.type === 'register') {
        const year = caseNumberYear(now);
        const r = await registry(year);
        const event = assignCaseNumber(r.state, run.disputeId, now);
        decided = decide({ ...command, caseNumber: event.data.caseNumber }, run.state, ctx);
        numbered = { year, event };
      } else {
        decided = decide(command, run.state, ctx);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused++;
      firstRefusal ??= `${command.type} on case ${run.index} (${run.state.status}): ${error.message}`;
      return false;
    }
    if (numbered) {
      const r = registries.get(numbered.year)!;
      stage(caseNumberStreamId(numbered.year), r.revision < 0 ? 'no_stream' : r.revision, [toNewEvent(numbered.event, run, actor)]);
      r.state = evolveCaseNumbers(r.state, numbered.event);
      r.revision += 1;
    }
    const version = run.state.version;
    stage(
      disputeStreamId(run.disputeId),
      version === 0 ? 'no_stream' : version - 1,
      decided.map((e) => toNewEvent(e, run, actor)),
    );
    run.state = decided.reduce(evolve, run.state);
    run.last = at;
    return true;
  };

  /** What the deadline scheduler would have done: record each deadline due by `until`, a minute after it ran out. */
  const recordMissed = async (run: CaseRun, until: number) => {
    for (;;) {
      const due = dueDeadlines(run.state, new Date(until).toISOString())[0];
      if (!due || isTerminal(run.state.status)) return;
      const at = Math.max(run.last, Math.min(Date.parse(due.dueAt) + 60_000, until));
      if (!(await run1(run, { type: 'record-deadline-missed', deadlineId: due.deadlineId }, { userId: 'system', role: 'system' }, at)))
        return;
    }
  };

  const schedule = (run: CaseRun) => {
    for (let attempts = 0; attempts < 3; attempts++) {
      const step = nextStep(run, cast);
      if (!step) return;
      agenda.push({ at: Math.max(step.at, run.last + 1000), seq: seq++, index: run.index, run, step });
      return;
    }
  };

  const finish = (run: CaseRun) => {
    byStatus[run.state.status] = (byStatus[run.state.status] ?? 0) + 1;
  };

  for (let item = agenda.pop(); item; item = agenda.pop()) {
    if (!item.run) {
      // A filing.
      const rng = new Random(Random.derive(options.seed, item.index));
      const disputeId = uuidFrom(rng);
      const run: CaseRun = {
        index: item.index,
        disputeId,
        plan: drawPlan(rng, cast, item.at),
        rng,
        state: initialState(disputeId),
        last: item.at,
        steps: 0,
        ids: 0,
      };
      casesStarted++;
      const p = run.plan;
      const filed = await run1(
        run,
        {
          type: 'file-dispute',
          disputeId,
          phase: p.phase,
          legalFramework: p.legalFramework,
          sector: p.sector,
          subjects: p.subjects,
          contractYear: new Date(item.at).getUTCFullYear() + (p.phase === 'precontractual' ? 1 : 0),
          claimantOrganisationIds: p.claimantOrgIds,
          respondentOrganisationIds: p.respondentOrgIds,
          summary: `Geschil over ${p.subjects.join(', ')} (${p.sector})`,
          claims: [{ description: 'Vaststelling van een passend tarief', amountCents: rng.int(5, 500) * 10_000 }],
          amountInDisputeCents: rng.int(5, 500) * 10_000,
          proposedRoute: p.proposedRoute,
          urgent: p.urgent,
          ...(p.urgent ? { urgencyReason: 'Dreigende cliëntenstop' } : {}),
        },
        p.claimant,
        item.at,
      );
      if (filed) schedule(run);
      else finish(run);
    } else {
      const run = item.run;
      const step = item.step!;
      if (item.at >= end) {
        await recordMissed(run, end - 1);
        finish(run);
      } else {
        await recordMissed(run, item.at);
        if (isTerminal(run.state.status)) finish(run);
        else {
          if (step.command) {
            if (!(await run1(run, step.command, step.actor, Math.max(item.at, run.last)))) run.refusals = (run.refusals ?? 0) + 1;
          } else run.last = Math.max(run.last, item.at);
          if (isTerminal(run.state.status) || (run.refusals ?? 0) >= 3) finish(run);
          else schedule(run);
        }
      }
    }
    if (pendingEvents >= batchEvents) await flush();
  }
  await flush();
  const durationMs = Date.now() - started;
  return {
    cases: options.cases,
    events,
    from: new Date(start).toISOString(),
    until: new Date(end).toISOString(),
    byStatus,
    refused,
    ...(firstRefusal ? { firstRefusal } : {}),
    durationMs,
    eventsPerSecond: Math.round(events / Math.max(durationMs / 1000, 0.001)),
  };
}

/** A version-4-shaped UUID from the case's own random stream: the same seed gives the same ids. */
function uuidFrom(rng: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export { DAY_MS };
