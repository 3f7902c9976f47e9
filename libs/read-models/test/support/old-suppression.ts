import { ADDITIVE_CELLS, COUNT_CELLS, DURATION_POPULATION, RATES, SCOPE_RELATIONS, cell, type Period } from '../../src/statistics';

// The suppression the product used before rule 22's observer publication (commit f068bae,
// libs/read-models/src/statistics/suppression.ts, removed in 937d406), kept here only so that a
// test can show the attacker model catches it: each answer was suppressed on its own, over the
// identities inside that one table, so two tables could be played off against each other.

const C = COUNT_CELLS.length;

/** Primary: 1..k-1 withheld; complementary: no identity of the table left with exactly one withheld cell. */
export function oldSuppress(values: ArrayLike<number>, relations: readonly (readonly number[])[], k: number): Uint8Array {
  const withheld = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) if (values[i] > 0 && values[i] < k) withheld[i] = 1;
  const rank = (value: number): number => (value > 0 ? value : Number.MAX_SAFE_INTEGER);
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      let hiddenCount = 0;
      for (const c of relation) hiddenCount += withheld[c];
      if (hiddenCount !== 1) continue;
      let pick = -1;
      for (const c of relation) if (!withheld[c] && (pick < 0 || rank(values[c]) < rank(values[pick]))) pick = c;
      if (pick >= 0) {
        withheld[pick] = 1;
        changed = true;
      }
    }
  }
  return withheld;
}

/** The identities of one table of P periods and the whole window (scope P), as the old code listed them. */
export function oldRelationsFor(P: number): number[][] {
  const id = (scope: number, name: string): number => scope * C + cell(name);
  const relations: number[][] = [];
  for (let scope = 0; scope <= P; scope++) for (const relation of SCOPE_RELATIONS) relations.push(relation.map((n) => id(scope, n)));
  if (P > 0) {
    for (const name of ADDITIVE_CELLS) relations.push([id(P, name), ...Array.from({ length: P }, (_, p) => id(p, name))]);
    relations.push([id(P, 'openAtEnd'), id(P - 1, 'openAtEnd')]);
    for (let p = 1; p < P; p++) relations.push([id(p, 'openAtEnd'), id(p, 'closed'), id(p - 1, 'openAtEnd'), id(p, 'filed')]);
  }
  return relations;
}

type Json = Record<string, unknown>;
const setNull = (o: Json, path: string): void => {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Json | undefined>((x, k) => x?.[k] as Json | undefined, o);
  if (parent && keys[keys.length - 1] in parent) parent[keys[keys.length - 1]] = null;
};

/**
 * A table as the old code showed it to an observer: the full table (as the secretariat reads it)
 * with the cells the old suppression withheld set to null, and the rates and durations that rest on them.
 */
export function withOldSuppression(full: Json, counts: Float64Array, periods: Period[], k: number): Json {
  const P = periods.length;
  const withheld = oldSuppress(counts, oldRelationsFor(P), k);
  const body = JSON.parse(JSON.stringify(full)) as Json;
  for (let scope = 0; scope <= P; scope++) {
    const figures = scope === P ? body : (body.periods as Json[])[scope];
    const hidden = (name: string): boolean => withheld[scope * C + cell(name)] === 1;
    for (const name of COUNT_CELLS) if (hidden(name)) setNull(figures, name);
    for (const [rate, parts] of Object.entries(RATES)) if (parts.some(hidden)) setNull(figures, rate);
    for (const [name, population] of Object.entries(DURATION_POPULATION)) {
      if (hidden(population)) for (const f of ['n', 'median', 'p90']) setNull(figures, `durationsDays.${name}.${f}`);
    }
  }
  return body;
}
