import type { CaseFacts } from './case-facts';
import { ADDITIVE_CELLS, BREAKDOWNS, COUNT_CELLS, SCOPE_RELATIONS, cell } from './cells';
import { countFigures } from './compute-statistics';
import type { Period } from './periods';
import { publishedScopes, type PublishedScope } from './published-scopes';
import { auditWithheld, runToEnd, type LinearRelation, type LinearSolver, type Sliced } from './suppression-audit';

// Rule 22: what observers are shown. Every published period (each ended quarter, each ended
// year) is one scope; the suppression is decided once for all of them, so every table an
// observer can ask for shows the same cell the same way (two windows can never be played off
// against each other). Periods are added in the order they end and earlier choices are never
// revisited: what was shown yesterday stays shown, what was withheld stays withheld.
//
// Per period: every count of 1..k-1 cases is withheld (primary); then, while some identity has
// exactly one withheld cell, one more of its cells is withheld; then an audit solves, for each
// withheld cell, the integer program an observer could write over everything published, and
// wherever a withheld count of 1..k-1 could not still be anything from 1 to k-1, one more cell of the new
// period that shares an identity with it is withheld, until the audit passes. Withholding every
// cell of the new period always passes (its unknowns then absorb any identity), so this ends.
//
// Because each step only ever withholds cells of its own period, the choice for a period depends
// on the counts up to and including it, nothing later. So a publication computed before is kept
// for every period whose counts (and those of all earlier periods) are unchanged, and the work
// resumes at the first period a late event touched, or at the period that has just ended: the
// result is the same as computing everything again (a unit test checks this).

const C = COUNT_CELLS.length;

export interface PublishedFigures {
  values: Float64Array;
  /** 1 = withheld from observers. */
  withheld: Uint8Array;
}

export interface ObserverPublication {
  minCellCount: number;
  /** Per period label (`2024`, `2024-Q3`), in the order published. */
  scopes: Map<string, PublishedFigures>;
}

interface Relation extends LinearRelation {
  /** Index of the last scope it involves: it binds once that scope is published. */
  activeAt: number;
}

/** The whole publication in one go (tests, the attacker model); `previous` as in publishScopes. */
export function buildObserverPublication(
  solver: LinearSolver,
  facts: Iterable<CaseFacts>,
  missedAt: Iterable<string>,
  now: Date,
  k: number,
  previous?: ObserverPublication,
): ObserverPublication {
  const scopes = publishedScopes(now);
  return runToEnd(publishScopes(solver, scopes, scopeValues([...facts], [...missedAt], scopes), k, previous));
}

/**
 * The publication of `scopes` (publishedScopes) with their counts `values` (scope-major), sliced
 * (see Sliced). Periods of `previous` whose counts, and all earlier ones', are unchanged keep
 * their withheld cells without any solving.
 */
export function* publishScopes(
  solver: LinearSolver,
  scopes: PublishedScope[],
  values: Float64Array,
  k: number,
  previous?: ObserverPublication,
): Sliced<ObserverPublication> {
  const S = scopes.length;
  const relations = publicationRelations(scopes);
  const withheld = new Uint8Array(S * C);
  const relationsOf: number[][] = Array.from({ length: S * C }, () => []);
  const passed = new Set<string>();
  let nextRelation = 0;
  let first = 0;
  let reusing = previous !== undefined && previous.minCellCount === k;
  while (first < S) {
    // One step: a quarter, with its year when it is the fourth.
    const last = scopes[first].kind === 'quarter' && first + 1 < S && scopes[first + 1].kind === 'year' ? first + 1 : first;
    while (nextRelation < relations.length && relations[nextRelation].activeAt <= last) {
      for (const c of relations[nextRelation].cells) relationsOf[c].push(nextRelation);
      nextRelation++;
    }
    if (reusing) {
      const kept = scopes.slice(first, last + 1).map((scope, i) => {
        const before = previous!.scopes.get(scope.label);
        const current = values.subarray((first + i) * C, (first + i + 1) * C);
        return before && before.values.length === C && before.values.every((v, c) => v === current[c]) ? before : undefined;
      });
      if (kept.every((before) => before !== undefined)) {
        kept.forEach((before, i) => withheld.set(before!.withheld, (first + i) * C));
        first = last + 1;
        continue;
      }
      reusing = false;
    }
    const isNew = (c: number): boolean => c >= first * C && c < (last + 1) * C;
    for (let c = first * C; c < (last + 1) * C; c++) if (values[c] > 0 && values[c] < k) withheld[c] = 1;
    let exhausted = false;
    for (;;) {
      completeIdentities(values, withheld, relations.slice(0, nextRelation), isNew, k);
      const narrowed = yield* auditWithheld(solver, values, withheld, relations, relationsOf, k, passed);
      if (narrowed.length === 0) break;
      let added = 0;
      for (const { cell: c } of narrowed) {
        const pick = complementFor(c, values, withheld, relations, relationsOf, isNew, k);
        if (pick >= 0 && !withheld[pick]) {
          withheld[pick] = 1;
          added++;
        }
      }
      if (added === 0) {
        // Nothing left to withhold near the narrowed cells: withhold the whole new period, which
        // leaves the earlier periods as protected as they were before it.
        if (exhausted) break;
        for (let c = first * C; c < (last + 1) * C; c++) withheld[c] = 1;
        exhausted = true;
      }
    }
    first = last + 1;
  }
  const published = new Map<string, PublishedFigures>();
  scopes.forEach((s, i) => {
    published.set(s.label, { values: values.slice(i * C, (i + 1) * C), withheld: withheld.slice(i * C, (i + 1) * C) });
  });
  return { minCellCount: k, scopes: published };
}

/** The counts of every scope, scope-major. */
function scopeValues(facts: CaseFacts[], missedAt: string[], scopes: PublishedScope[]): Float64Array {
  return publishedScopeValues(scopes, (periods) => countFigures(facts, missedAt, periods).counts);
}

/**
 * The counts of every scope, scope-major, from `count`: the counts (countFigures layout) over a
 * run of periods. The read side passes tallies it keeps current, so this costs no pass over the cases.
 */
export function publishedScopeValues(scopes: PublishedScope[], count: (periods: Period[]) => Float64Array): Float64Array {
  const values = new Float64Array(scopes.length * C);
  for (const kind of ['quarter', 'year'] as const) {
    const indices = scopes.map((s, i) => (s.kind === kind ? i : -1)).filter((i) => i >= 0);
    if (indices.length === 0) continue;
    const counts = count(indices.map((i) => scopes[i].period));
    indices.forEach((scope, p) => values.set(counts.subarray(p * C, (p + 1) * C), scope * C));
  }
  return values;
}

/** Every identity and bound between published counts, ordered by the scope that completes it. */
export function publicationRelations(scopes: PublishedScope[]): Relation[] {
  const relations: Relation[] = [];
  const id = (scope: number, name: string): number => scope * C + cell(name);
  const add = (cells: number[], coefs: number[], sense: LinearRelation['sense']): void => {
    relations.push({ cells, coefs, sense, activeAt: Math.max(...cells.map((c) => Math.floor(c / C))) });
  };
  const SUBJECTS = BREAKDOWNS.bySubject.map((s) => `bySubject.${s}`);
  let previousQuarter = -1;
  scopes.forEach((scope, s) => {
    // Inside a period: a total and its parts.
    for (const relation of SCOPE_RELATIONS)
      add(
        relation.map((n) => id(s, n)),
        relation.map((_, i) => (i === 0 ? 1 : -1)),
        '=',
      );
    // Each case has at least one subject; a subject, or the small providers, are at most every case.
    add([...SUBJECTS.map((n) => id(s, n)), id(s, 'filed')], [...SUBJECTS.map(() => 1), -1], '>=');
    for (const n of [...SUBJECTS, 'smallProviderShare.count']) add([id(s, n), id(s, 'filed')], [1, -1], '<=');
    if (scope.kind === 'quarter') {
      // Stock and flow: open at the end = open before + filed - closed (nothing was open before 2016).
      const cells = [id(s, 'openAtEnd'), id(s, 'closed'), id(s, 'filed')];
      if (previousQuarter < 0) add(cells, [1, 1, -1], '=');
      else add([...cells, id(previousQuarter, 'openAtEnd')], [1, 1, -1, -1], '=');
      previousQuarter = s;
    } else {
      // A year is its four quarters: flows add up, the stock is the fourth quarter's.
      const quarters = [1, 2, 3, 4].map((q) => scopes.findIndex((x) => x.label === `${scope.label}-Q${q}`));
      for (const n of ADDITIVE_CELLS) add([id(s, n), ...quarters.map((q) => id(q, n))], [1, -1, -1, -1, -1], '=');
      add([id(s, 'openAtEnd'), id(quarters[3], 'openAtEnd')], [1, -1], '=');
    }
  });
  return relations.sort((a, b) => a.activeAt - b.activeAt);
}

/**
 * Cheap rules before the audit, for each identity: exactly one withheld cell would be recovered
 * by subtraction; and withheld cells all on one side of it have a sum the observer learns, so
 * each of them is at most that sum, which must reach k-1. Either way one more new cell of the
 * identity is withheld, preferring one that can give or take k-1 on its own.
 */
function completeIdentities(
  values: Float64Array,
  withheld: Uint8Array,
  relations: readonly Relation[],
  isNew: (c: number) => boolean,
  k: number,
): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      if (r.sense !== '=') continue;
      let hidden = 0;
      let sum = 0;
      let signs = 0;
      r.cells.forEach((c, i) => {
        if (!withheld[c]) return;
        hidden++;
        sum += values[c];
        signs |= r.coefs[i] > 0 ? 1 : 2;
      });
      if (hidden === 0 || (hidden > 1 && (signs === 3 || sum >= k - 1))) continue;
      let pick = -1;
      for (const c of r.cells) if (!withheld[c] && isNew(c) && (pick < 0 || rank(values[c], k) < rank(values[pick], k))) pick = c;
      if (pick >= 0) {
        withheld[pick] = 1;
        changed = true;
      }
    }
  }
}

/** Cells of k-1 or more first (smallest first), then smaller non-zero ones (largest first), zeros last. */
const rank = (value: number, k: number): number => (value >= k - 1 ? value : value > 0 ? 1e12 - value : 1e13);

/**
 * A shown cell of the new period that shares an identity with `narrowed`, preferring one that
 * can give or take k-1 (the smallest such), else the largest; -1 when there is none.
 */
function complementFor(
  narrowed: number,
  values: Float64Array,
  withheld: Uint8Array,
  relations: readonly Relation[],
  relationsOf: readonly (readonly number[])[],
  isNew: (c: number) => boolean,
  k: number,
): number {
  let pick = -1;
  const better = (a: number, b: number): boolean => {
    const [va, vb] = [values[a], values[b]];
    if (va >= k - 1 !== vb >= k - 1) return va >= k - 1;
    return va >= k - 1 ? va < vb : va > vb;
  };
  // Breadth first over the identities: the narrowed cell's own, then those of the withheld cells they reach.
  const seen = new Set<number>([narrowed]);
  let frontier = [narrowed];
  while (frontier.length > 0 && pick < 0) {
    const next: number[] = [];
    for (const c of frontier) {
      for (const r of relationsOf[c]) {
        for (const other of relations[r].cells) {
          if (seen.has(other)) continue;
          seen.add(other);
          if (withheld[other]) next.push(other);
          else if (isNew(other) && (pick < 0 || better(other, pick))) pick = other;
        }
      }
    }
    frontier = next;
  }
  return pick;
}
