import type { CaseFacts } from './case-facts';
import { ADDITIVE_CELLS, BREAKDOWNS, COUNT_CELLS, DURATION_POPULATION, DURATIONS, RATES, cell, type DurationName } from './cells';
import { daysBetween, nearestRank } from './percentile';
import type { Period } from './periods';
import type { Sliced } from './suppression-audit';

// The statistics of GET /api/statistics, computed from the statistics facts. Definitions (also in
// docs/domain.md, "Statistics"): a period is a Dutch calendar year or quarter clipped to the window [from, to].
// - filed / registered / closed: cases filed, registered, closed (reached a terminal status) in it.
// - openAtEnd: cases filed before the period's end and not closed by then.
// - byPhase, byLegalFramework, bySector, bySubject (a case counts once per subject),
//   byInitialRoute (the route proposed at filing), byClaimantKind, smallProviderShare: over the
//   cases filed in the period.
// - outcomes and byFinalRoute (the route agreed last; `none` if never agreed): over the cases
//   closed in the period.
// - respondentConsentRate: submissions answered in the period (a route agreed, or declined) and
//   the share agreed. mediation: mediations concluded in the period by result; successRate is
//   the share of full agreements. escalations: escalations accepted in the period.
// - durationsDays: from filing to registration (cases registered in the period), to the first
//   appointment of neutrals (appointed in the period), to closure (closed in the period): median
//   and 90th percentile by nearest rank (see percentile.ts), in days to two decimals.
// - deadlinesMissed: deadlines recorded as missed in the period.

export type Audience = 'secretariat' | 'observer';

export interface StatisticsRequest {
  window: { start: string; end: string };
  periods: Period[];
  audience: Audience;
  /** Observers: the published periods with the cells withheld in each (see observer-publication.ts). */
  publication?: WithheldPerPeriod;
}

/** What an ObserverPublication offers here (a structural type: observer-publication.ts imports this file). */
export interface WithheldPerPeriod {
  scopes: ReadonlyMap<string, { withheld: Uint8Array }>;
}

export interface CountedFigures {
  /** Scope-major: counts[scope * COUNT_CELLS.length + cell]; scope periods.length is the whole window. */
  counts: Float64Array;
  durations: Record<DurationName, number[][]>;
}

export interface DurationFigure {
  n: number | null;
  median: number | null;
  p90: number | null;
}

export interface Figures {
  filed: number | null;
  registered: number | null;
  closed: number | null;
  openAtEnd: number | null;
  byPhase: Record<string, number | null>;
  byLegalFramework: Record<string, number | null>;
  bySector: Record<string, number | null>;
  bySubject: Record<string, number | null>;
  byInitialRoute: Record<string, number | null>;
  byFinalRoute: Record<string, number | null>;
  byClaimantKind: Record<string, number | null>;
  smallProviderShare: { count: number | null; share: number | null };
  outcomes: Record<string, number | null>;
  respondentConsentRate: { answered: number | null; consented: number | null; rate: number | null };
  mediation: {
    concluded: number | null;
    fullAgreement: number | null;
    partialAgreement: number | null;
    noAgreement: number | null;
    successRate: number | null;
  };
  escalations: number | null;
  durationsDays: Record<DurationName, DurationFigure>;
  deadlinesMissed: number | null;
}

export interface SuppressedCell {
  /** `overall` or a period label such as `2024-Q1`. */
  period: string;
  /** The dotted path of the figure, e.g. `bySector.dental` or `mediation.successRate`. */
  cell: string;
}

export interface PeriodFigures extends Figures {
  period: string;
  from: string;
  to: string;
}

export interface StatisticsResult extends Figures {
  periods: PeriodFigures[];
  suppressed: SuppressedCell[];
}

/** Index of the period holding instant `t` (ISO UTC), or -1 outside the window. */
function periodIndex(periods: Period[], t: string | null): number {
  if (t === null || periods.length === 0 || t < periods[0].start || t >= periods[periods.length - 1].end) return -1;
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (periods[mid].start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first period whose end lies after `t` (periods.length when none). */
function firstEndAfter(periods: Period[], t: string): number {
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (periods[mid].end > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const C = COUNT_CELLS.length;

/** Per breakdown: category → cell index (an unknown category, e.g. of a newer schema, counts nowhere). */
const BREAKDOWN_CELLS = Object.fromEntries(
  Object.entries(BREAKDOWNS).map(([name, keys]) => [name, new Map<string, number>(keys.map((k: string) => [k, cell(`${name}.${k}`)]))]),
) as unknown as Record<keyof typeof BREAKDOWNS, ReadonlyMap<string, number>>;
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * The per-period counts and durations of a set of facts, for one layout of periods. Facts can be
 * added and taken away again (sign -1), so a tally follows the facts as events change them instead
 * of being recounted from every case: the statistics stay fast while writes go on. Durations are
 * kept sorted per period (insert and remove by binary search), so answering needs no sort.
 */
export class StatisticsTally {
  /**
   * Names the tally's current figures: a new stamp whenever a change touches its window (unique
   * over every tally of the process). An answer computed at a stamp stays right while the stamp
   * holds, so a write to today's cases does not invalidate answers over past windows.
   */
  stamp = nextStamp();
  /** The stamp per scope (each period, and at index periods.length the whole window): what a change touched. */
  readonly scopeStamps: Float64Array;
  readonly counts: Float64Array;
  /** +1 at the first period a case is open at the end of, -1 after the last. */
  readonly openDiff: Float64Array;
  readonly durations: Record<DurationName, number[][]>;
  private bulk = false;

  constructor(readonly periods: Period[]) {
    const P = periods.length;
    this.counts = new Float64Array((P + 1) * C);
    this.openDiff = new Float64Array(P + 1);
    this.scopeStamps = new Float64Array(P + 1).fill(this.stamp);
    // One list per period, and at index P the whole window's.
    this.durations = {
      filingToRegistration: Array.from({ length: P + 1 }, () => []),
      filingToAppointment: Array.from({ length: P + 1 }, () => []),
      filingToClosure: Array.from({ length: P + 1 }, () => []),
    };
  }

  /** Counts a case in (sign 1) or out again (sign -1, with the facts it was counted with). */
  add(f: CaseFacts, sign: 1 | -1 = 1): void {
    const { periods, counts, scopeStamps } = this;
    let stamp = 0; // taken on the first change this case makes to the window
    const touch = (scope: number): void => {
      if (stamp === 0) stamp = nextStamp();
      scopeStamps[scope] = stamp;
    };
    // Cell indices looked up once (module constants): no string building per case.
    const at = (scope: number, c: number | undefined): void => {
      if (c === undefined) return;
      counts[scope * C + c] += sign;
      touch(scope);
    };
    const duration = (name: DurationName, scope: number, days: number): void => {
      touch(scope);
      for (const values of [this.durations[name][scope], this.durations[name][periods.length]]) {
        if (this.bulk) {
          values.push(days); // sorted once at the end of addAll
          continue;
        }
        const i = lowerBound(values, days);
        if (sign === 1) values.splice(i, 0, days);
        else if (values[i] === days) values.splice(i, 1);
      }
    };
    const of = BREAKDOWN_CELLS;
    const filed = periodIndex(periods, f.filedAt);
    if (filed >= 0) {
      at(filed, FILED);
      at(filed, of.byPhase.get(f.phase));
      at(filed, of.byLegalFramework.get(f.legalFramework));
      at(filed, of.bySector.get(f.sector));
      for (const subject of f.subjects) at(filed, of.bySubject.get(subject));
      at(filed, of.byInitialRoute.get(f.initialRoute));
      at(filed, of.byClaimantKind.get(f.claimantKind));
      if (f.smallProvider) at(filed, SMALL);
    }
    const registered = periodIndex(periods, f.registeredAt);
    if (registered >= 0) {
      at(registered, REGISTERED);
      duration('filingToRegistration', registered, daysBetween(f.filedAt, f.registeredAt!));
    }
    const appointed = periodIndex(periods, f.appointedAt);
    if (appointed >= 0) {
      at(appointed, APPOINTED);
      duration('filingToAppointment', appointed, daysBetween(f.filedAt, f.appointedAt!));
    }
    const closed = periodIndex(periods, f.closedAt);
    if (closed >= 0) {
      at(closed, CLOSED);
      at(closed, of.outcomes.get(f.outcome ?? ''));
      at(closed, of.byFinalRoute.get(f.finalRoute ?? 'none'));
      duration('filingToClosure', closed, daysBetween(f.filedAt, f.closedAt!));
    }
    const answered = periodIndex(periods, f.respondentAnsweredAt);
    if (answered >= 0) {
      at(answered, ANSWERED);
      if (f.respondentAnswer === 'accepted') at(answered, CONSENTED);
    }
    const concluded = periodIndex(periods, f.mediationConcludedAt);
    if (concluded >= 0) {
      at(concluded, CONCLUDED);
      at(concluded, MEDIATION_RESULT.get(f.mediationResult ?? ''));
    }
    const escalated = periodIndex(periods, f.escalatedAt);
    if (escalated >= 0) at(escalated, ESCALATIONS);
    // Open at the end of every period whose end lies after filing and not after closing.
    const P = periods.length;
    const firstOpen = firstEndAfter(periods, f.filedAt);
    const afterLastOpen = f.closedAt === null ? P : firstEndAfter(periods, f.closedAt);
    if (firstOpen < afterLastOpen) {
      this.openDiff[firstOpen] += sign;
      this.openDiff[afterLastOpen] -= sign;
      for (let p = firstOpen; p < afterLastOpen; p++) touch(p); // their openAtEnd
    }
    if (stamp !== 0) {
      scopeStamps[P] = stamp; // the whole window
      this.stamp = stamp;
    }
  }

  /**
   * A case changed from `before` to `now` (or is new): counted out and in again, unless it counts
   * exactly the same in this layout (an event on a case outside the window, or one that changes no
   * figure): then nothing is touched and answers over this window stay valid.
   */
  replace(before: CaseFacts | undefined, now: CaseFacts): void {
    if (before) {
      const a = this.footprint(before);
      const b = this.footprint(now);
      if (a.length === b.length && a.every((v, i) => v === b[i])) return;
      this.add(before, -1);
    }
    this.add(now, 1);
  }

  /** Everything add() counts of a case in this layout, as a flat list (mirrors add). */
  private footprint(f: CaseFacts): (string | number | boolean | null)[] {
    const { periods } = this;
    const out: (string | number | boolean | null)[] = [];
    const filed = periodIndex(periods, f.filedAt);
    out.push(filed);
    if (filed >= 0)
      out.push(f.phase, f.legalFramework, f.sector, f.initialRoute, f.claimantKind, f.smallProvider, f.subjects.length, ...f.subjects);
    const registered = periodIndex(periods, f.registeredAt);
    out.push(registered, registered >= 0 ? daysBetween(f.filedAt, f.registeredAt!) : null);
    const appointed = periodIndex(periods, f.appointedAt);
    out.push(appointed, appointed >= 0 ? daysBetween(f.filedAt, f.appointedAt!) : null);
    const closed = periodIndex(periods, f.closedAt);
    out.push(closed);
    if (closed >= 0) out.push(f.outcome, f.finalRoute, daysBetween(f.filedAt, f.closedAt!));
    const answered = periodIndex(periods, f.respondentAnsweredAt);
    out.push(answered, answered >= 0 ? f.respondentAnswer : null);
    const concluded = periodIndex(periods, f.mediationConcludedAt);
    out.push(concluded, concluded >= 0 ? f.mediationResult : null);
    out.push(periodIndex(periods, f.escalatedAt));
    const firstOpen = firstEndAfter(periods, f.filedAt);
    const afterLastOpen = f.closedAt === null ? periods.length : firstEndAfter(periods, f.closedAt);
    out.push(firstOpen < afterLastOpen ? firstOpen : -1, firstOpen < afterLastOpen ? afterLastOpen : -1);
    return out;
  }

  /** Counts many cases in at once (a first tally): durations are sorted once, not kept sorted one by one. */
  addAll(facts: Iterable<CaseFacts>, missedAt: Iterable<string>): this {
    this.bulk = true;
    try {
      for (const f of facts) this.add(f);
    } finally {
      this.bulk = false;
      for (const name of DURATIONS) for (const values of this.durations[name]) values.sort((a, b) => a - b);
    }
    for (const t of missedAt) this.addMissed(t);
    return this;
  }

  /**
   * addAll as a sliced computation (see runInSlices): it pauses every `every` cases and between the
   * sorts, so a first tally over a large history does not hold the event loop for its whole length.
   */
  *addAllSliced(facts: readonly CaseFacts[], missedAt: readonly string[], every = 1000): Sliced<this> {
    this.bulk = true;
    try {
      for (let i = 0; i < facts.length; i++) {
        this.add(facts[i]);
        if ((i + 1) % every === 0) yield;
      }
    } finally {
      this.bulk = false;
    }
    for (const name of DURATIONS)
      for (const values of this.durations[name]) {
        // A typed array sorts numbers without a comparator call per comparison: a few ms for 100,000.
        const sorted = Float64Array.from(values).sort();
        for (let i = 0; i < sorted.length; i++) values[i] = sorted[i];
        yield;
      }
    for (const t of missedAt) this.addMissed(t);
    return this;
  }

  /** A deadline recorded as missed at `t`, in or out again. */
  addMissed(t: string, sign: 1 | -1 = 1): void {
    const p = periodIndex(this.periods, t);
    if (p < 0) return;
    this.counts[p * C + MISSED] += sign;
    this.stamp = nextStamp();
    this.scopeStamps[p] = this.stamp;
    this.scopeStamps[this.periods.length] = this.stamp;
  }
}

let lastStamp = 0;
const nextStamp = (): number => ++lastStamp;

const FILED = cell('filed');
const REGISTERED = cell('registered');
const CLOSED = cell('closed');
const OPEN = cell('openAtEnd');
const SMALL = cell('smallProviderShare.count');
const APPOINTED = cell('durationsDays.filingToAppointment.n');
const ANSWERED = cell('respondentConsentRate.answered');
const CONSENTED = cell('respondentConsentRate.consented');
const CONCLUDED = cell('mediation.concluded');
const MEDIATION_RESULT: ReadonlyMap<string, number> = new Map([
  ['full_agreement', cell('mediation.fullAgreement')],
  ['partial_agreement', cell('mediation.partialAgreement')],
  ['no_agreement', cell('mediation.noAgreement')],
]);
const ESCALATIONS = cell('escalations');
const MISSED = cell('deadlinesMissed');

/** The first index whose value is >= x in an ascending array. */
function lowerBound(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function computeStatistics(facts: Iterable<CaseFacts>, missedAt: Iterable<string>, request: StatisticsRequest): StatisticsResult {
  return statisticsFromTally(new StatisticsTally(request.periods).addAll(facts, missedAt), request);
}

/** The counts (and the sorted durations behind the medians) per period, and the whole window as scope `periods.length`. */
export function countFigures(facts: Iterable<CaseFacts>, missedAt: Iterable<string>, periods: Period[]): CountedFigures {
  return countsOfTally(new StatisticsTally(periods).addAll(facts, missedAt));
}

/** A tally's counts with the stock per period and the whole window filled in (a copy: the tally stays as it is). */
export function countsOfTally(tally: StatisticsTally): CountedFigures {
  const P = tally.periods.length;
  const overall = P; // scope index of the whole window
  // A copy: the stock and the overall cells are written below, the tally stays as it is.
  const counts = Float64Array.from(tally.counts);
  const openDiff = tally.openDiff;
  const durations = tally.durations; // the tally's own lists: callers only read them
  let running = 0;
  for (let p = 0; p < P; p++) {
    running += openDiff[p];
    counts[p * C + OPEN] = running;
  }

  // The whole window: flows add up over the periods; the stock is the last period's.
  for (const name of ADDITIVE_CELLS) {
    const c = cell(name);
    let sum = 0;
    for (let p = 0; p < P; p++) sum += counts[p * C + c];
    counts[overall * C + c] = sum;
  }
  counts[overall * C + OPEN] = P > 0 ? counts[(P - 1) * C + OPEN] : 0;
  return { counts, durations };
}

/** One scope's published figures and the cells withheld in it, in the order an answer lists them. */
export interface ScopeFigures<F extends Figures = Figures> {
  figures: F;
  suppressed: SuppressedCell[];
}

/** The published figures of a tally (its periods must be the request's): overall sums, suppression, rates, percentiles. */
export function statisticsFromTally(tally: StatisticsTally, request: StatisticsRequest): StatisticsResult {
  const figures = scopeFiguresOf(tally, request);
  const whole = figures.whole();
  const periods = request.periods.map((_, i) => figures.period(i));
  return resultOf(whole, periods);
}

/** An answer from its scopes' figures: the whole window's, each period's, then every withheld cell (whole window first). */
export function resultOf(whole: ScopeFigures, periods: ScopeFigures<PeriodFigures>[]): StatisticsResult {
  return {
    ...whole.figures,
    periods: periods.map((p) => p.figures),
    suppressed: [...whole.suppressed, ...periods.flatMap((p) => p.suppressed)],
  };
}

/**
 * The figures of each scope of a tally, computed one scope at a time (so a cache can keep the
 * scopes no change touched): the counts are taken from the tally once, when this is called.
 */
export function scopeFiguresOf(
  tally: StatisticsTally,
  request: StatisticsRequest,
): { whole(): ScopeFigures; period(i: number): ScopeFigures<PeriodFigures> } {
  const { periods } = request;
  const overall = periods.length; // scope index of the whole window
  const { counts, durations } = countsOfTally(tally);
  // Observers see what the publication fixed per ended period; the secretariat sees everything.
  const withheld = request.audience === 'secretariat' ? new Uint8Array(counts.length) : observerWithheld(periods, request.publication);

  const labels = [...periods.map((p) => p.label), 'overall'];
  const figuresOf = (scope: number, suppressed: SuppressedCell[]): Figures => {
    const hidden = (name: string): boolean => withheld[scope * C + cell(name)] === 1;
    const value = (name: string): number | null => (hidden(name) ? null : counts[scope * C + cell(name)]);
    const rate = (name: keyof typeof RATES): number | null => {
      const [num, den] = RATES[name];
      if (hidden(num) || hidden(den)) {
        suppressed.push({ period: labels[scope], cell: name });
        return null;
      }
      const d = counts[scope * C + cell(den)];
      return d === 0 ? null : round4(counts[scope * C + cell(num)] / d);
    };
    const breakdown = (name: keyof typeof BREAKDOWNS): Record<string, number | null> =>
      Object.fromEntries(BREAKDOWNS[name].map((k) => [k, value(`${name}.${k}`)]));
    const duration = (name: DurationName): DurationFigure => {
      const population = DURATION_POPULATION[name];
      if (hidden(population)) {
        suppressed.push({ period: labels[scope], cell: `durationsDays.${name}` });
        return { n: null, median: null, p90: null };
      }
      const values = durations[name][scope]; // ascending already
      return { n: values.length, median: nearestRank(values, 50), p90: nearestRank(values, 90) };
    };
    for (const name of COUNT_CELLS) if (hidden(name)) suppressed.push({ period: labels[scope], cell: name });
    return {
      filed: value('filed'),
      registered: value('registered'),
      closed: value('closed'),
      openAtEnd: value('openAtEnd'),
      byPhase: breakdown('byPhase'),
      byLegalFramework: breakdown('byLegalFramework'),
      bySector: breakdown('bySector'),
      bySubject: breakdown('bySubject'),
      byInitialRoute: breakdown('byInitialRoute'),
      byFinalRoute: breakdown('byFinalRoute'),
      byClaimantKind: breakdown('byClaimantKind'),
      smallProviderShare: { count: value('smallProviderShare.count'), share: rate('smallProviderShare.share') },
      outcomes: breakdown('outcomes'),
      respondentConsentRate: {
        answered: value('respondentConsentRate.answered'),
        consented: value('respondentConsentRate.consented'),
        rate: rate('respondentConsentRate.rate'),
      },
      mediation: {
        concluded: value('mediation.concluded'),
        fullAgreement: value('mediation.fullAgreement'),
        partialAgreement: value('mediation.partialAgreement'),
        noAgreement: value('mediation.noAgreement'),
        successRate: rate('mediation.successRate'),
      },
      escalations: value('escalations'),
      durationsDays: {
        filingToRegistration: duration('filingToRegistration'),
        filingToAppointment: duration('filingToAppointment'),
        filingToClosure: duration('filingToClosure'),
      },
      deadlinesMissed: value('deadlinesMissed'),
    };
  };

  return {
    whole: () => {
      const suppressed: SuppressedCell[] = [];
      return { figures: figuresOf(overall, suppressed), suppressed };
    },
    period: (i) => {
      const suppressed: SuppressedCell[] = [];
      const p = periods[i];
      return { figures: { period: p.label, from: p.from, to: p.to, ...figuresOf(i, suppressed) }, suppressed };
    },
  };
}

/**
 * What an observer may not see of an answer: each period's cells as fixed when that period was
 * published, and for the whole window the period itself (one period, or the year its four
 * quarters make) or, over several years, each sum whose parts were all shown (nothing new) and
 * the stock of the last year. A period missing from the publication is withheld entirely.
 */
function observerWithheld(periods: Period[], publication: WithheldPerPeriod | undefined): Uint8Array {
  const P = periods.length;
  const withheld = new Uint8Array((P + 1) * C).fill(1);
  if (!publication) return withheld;
  const flagsOf = (label: string): Uint8Array | undefined => publication.scopes.get(label)?.withheld;
  periods.forEach((p, i) => {
    const flags = flagsOf(p.label);
    if (flags) withheld.set(flags, i * C);
  });
  const years = [...new Set(periods.map((p) => p.label.slice(0, 4)))];
  const whole: string[] = P === 1 ? [periods[0].label] : years;
  const parts = whole.map(flagsOf);
  if (P > 0 && parts.every((f) => f !== undefined)) {
    const OPEN = cell('openAtEnd');
    for (let c = 0; c < C; c++) {
      withheld[P * C + c] = c === OPEN ? parts[parts.length - 1]![c] : parts.some((f) => f![c] === 1) ? 1 : 0;
    }
  }
  return withheld;
}
