import loadHighs from 'highs';

/** HiGHS compiled to WebAssembly: loaded once, then every solve is synchronous. */
export type LinearSolver = Awaited<ReturnType<typeof loadHighs>>;
let loading: Promise<LinearSolver> | undefined;
export const linearSolver = (): Promise<LinearSolver> => (loading ??= loadHighs());

// The audit behind rule 22: an observer who knows the suppression rule and every published figure
// writes the identities between the figures as an integer program and asks how small and how
// large each withheld cell can be. The audit asks the same questions (with the HiGHS solver) and
// reports every withheld count of 1..k-1 cases that cannot still be anything from 1 to k-1.

/** Σ coefs[i]·cell[i] (sense) 0: an identity (=) or a bound (<=, >=) every publication satisfies. */
export interface LinearRelation {
  cells: readonly number[];
  coefs: readonly number[];
  sense: '=' | '<=' | '>=';
}

export interface Narrowed {
  cell: number;
  /** lo: it cannot be 1 or less; hi: it cannot be k-1 or more. */
  side: 'lo' | 'hi';
}

/**
 * A computation that pauses (yields) after every solve, so a caller can run it in slices and let
 * the server answer requests in between; `runToEnd` runs it at once. Its return value is the result.
 */
export type Sliced<T> = Generator<void, T, void>;

/** Runs a sliced computation to its end in one go. */
export function runToEnd<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a sliced computation in slices of about `sliceMs`, giving the event loop a turn between
 * them. When `signal` is aborted it stops at the next pause (the solver's models are freed) and
 * rejects with the signal's reason.
 */
export async function runInSlices<T>(work: Sliced<T>, sliceMs = 10, signal?: AbortSignal): Promise<T> {
  let started = Date.now();
  for (;;) {
    if (signal?.aborted) {
      work.return(undefined as T);
      throw signal.reason;
    }
    const step = work.next();
    if (step.done) return step.value;
    if (Date.now() - started >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      started = Date.now();
    }
  }
}

/**
 * Audits the withheld cells whose group of connected unknowns contains a cell of `mustCheck`
 * (all when undefined). `values` are the true counts: they are one feasible point, so they already
 * show each cell at its own value. `passed` remembers groups found safe (keyed by their program).
 */
export function* auditWithheld(
  solver: LinearSolver,
  values: ArrayLike<number>,
  withheld: Uint8Array,
  relations: readonly LinearRelation[],
  relationsOf: readonly (readonly number[])[],
  k: number,
  passed: Set<string>,
): Sliced<Narrowed[]> {
  const hidden: number[] = [];
  for (let i = 0; i < withheld.length; i++) if (withheld[i]) hidden.push(i);
  // Groups of withheld cells tied by a relation (union-find).
  const parent = new Map<number, number>(hidden.map((c) => [c, c]));
  const find = (c: number): number => {
    let r = c;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    parent.set(c, r);
    return r;
  };
  const touched = new Set<number>();
  for (const c of hidden) for (const r of relationsOf[c]) touched.add(r);
  for (const r of touched) {
    const unknowns = relations[r].cells.filter((c) => withheld[c]);
    for (const c of unknowns.slice(1)) parent.set(find(c), find(unknowns[0]));
  }
  const groups = new Map<number, { cells: number[]; relations: number[] }>();
  for (const c of hidden) {
    const g = find(c);
    if (!groups.has(g)) groups.set(g, { cells: [], relations: [] });
    groups.get(g)!.cells.push(c);
  }
  for (const r of touched) {
    const first = relations[r].cells.find((c) => withheld[c])!;
    groups.get(find(first))!.relations.push(r);
  }

  const narrowed: Narrowed[] = [];
  for (const group of groups.values()) {
    group.relations.sort((a, b) => a - b);
    const key = `${group.cells.join(',')}|${group.relations.join(',')}`;
    if (passed.has(key)) continue;
    const found = yield* auditGroup(solver, values, withheld, relations, group.cells, group.relations, k);
    if (found.length === 0) passed.add(key);
    narrowed.push(...found);
  }
  return narrowed;
}

function* auditGroup(
  solver: LinearSolver,
  values: ArrayLike<number>,
  withheld: Uint8Array,
  relations: readonly LinearRelation[],
  cells: readonly number[],
  relationIds: readonly number[],
  k: number,
): Sliced<Narrowed[]> {
  // Column j is cells[j]; one row per relation, published cells moved to the right-hand side.
  const column = new Map(cells.map((c, j) => [c, j]));
  const rows = relationIds.map((r, i) => {
    const { cells: rc, coefs, sense } = relations[r];
    let rhs = 0;
    const terms = new Map<number, number>();
    rc.forEach((c, n) => {
      if (withheld[c]) terms.set(column.get(c)!, (terms.get(column.get(c)!) ?? 0) + coefs[n]);
      else rhs -= coefs[n] * values[c];
    });
    const lhs = [...terms].map(([j, a]) => `${a < 0 ? '-' : '+'} ${Math.abs(a)} x${j}`).join(' ');
    return ` r${i}: ${lhs} ${sense} ${rhs}`;
  });
  const names = cells.map((_, j) => `x${j}`);
  const lp = (integers: boolean): string =>
    `Minimize\n obj: x0\nSubject To\n${rows.join('\n') || ' r0: x0 >= 0'}\nBounds\n${names.map((n) => ` ${n} >= 0`).join('\n')}\n` +
    `${integers ? `Generals\n ${names.join(' ')}\n` : ''}End`;
  // The true values are one feasible point; every solution found is another.
  const low = cells.map((c) => values[c]);
  const high = cells.map((c) => values[c]);
  const narrowed: Narrowed[] = [];
  const open = (integers: boolean): Program => {
    const model = solver.createModel({ format: 'lp', data: lp(integers) });
    // Small programs: presolve costs more than it saves.
    model.options.set({ output_flag: false, presolve: 'off' });
    return { model, columns: names.map((n) => model.getColByName(n)), objective: [0] }; // x0 carries the cost of `obj`
  };
  const relaxed = open(false);
  let integral: Program | undefined;
  try {
    // The relaxation first: its optimum is nearly always a whole-number point, which is then a
    // witness; a fractional optimum is settled by the integer program.
    const extreme = (js: readonly number[], direction: 'minimize' | 'maximize'): number => {
      let value = optimum(solver, relaxed, js, direction);
      if (value.point && !value.point.every((x) => Math.abs(x - Math.round(x)) < 1e-6)) {
        integral ??= open(true);
        value = optimum(solver, integral, js, direction);
      }
      if (value.point) {
        value.point.forEach((x, w) => {
          const v = Math.round(x);
          if (v < low[w]) low[w] = v;
          if (v > high[w]) high[w] = v;
        });
      }
      return value.objective ?? (direction === 'maximize' ? -Infinity : Infinity); // not proven: counts as narrowed
    };
    // Only a small count needs hiding: a withheld zero or large count may be narrowed freely, as
    // long as no small count is (each small count is checked for itself).
    const small = cells.map((_, j) => j).filter((j) => values[cells[j]] >= 1 && values[cells[j]] <= k - 1);
    const needLow = (): number[] => small.filter((j) => low[j] > 1);
    const needHigh = (): number[] => small.filter((j) => high[j] < k - 1);
    // One program for all of them at once usually shows most cells at an extreme; the rest alone.
    // A pause after each solve: a caller running this in slices keeps the server answering.
    if (needLow().length > 1) extreme(needLow(), 'minimize');
    yield;
    if (needHigh().length > 1) extreme(needHigh(), 'maximize');
    yield;
    for (const j of needLow()) {
      if (extreme([j], 'minimize') > 1) narrowed.push({ cell: cells[j], side: 'lo' });
      yield;
    }
    for (const j of needHigh()) {
      if (extreme([j], 'maximize') < k - 1) narrowed.push({ cell: cells[j], side: 'hi' });
      yield;
    }
  } finally {
    relaxed.model.dispose();
    integral?.model.dispose();
  }
  return narrowed;
}

interface Program {
  model: ReturnType<LinearSolver['createModel']>;
  /** The model's column of each cell of the group. */
  columns: number[];
  /** The cells whose columns currently carry the objective. */
  objective: readonly number[];
}

/** Optimises the sum of the given cells (indices into the group); the point found when there is one. */
function optimum(
  solver: LinearSolver,
  program: Program,
  cells: readonly number[],
  direction: 'minimize' | 'maximize',
): { objective?: number; point?: number[] } {
  const { model, columns } = program;
  for (const j of program.objective) model.changeColCost(columns[j], 0);
  for (const j of cells) model.changeColCost(columns[j], 1);
  program.objective = cells;
  model.changeObjectiveSense(solver.constants.objectiveSense[direction]);
  model.run();
  const status = model.getModelStatus();
  const { modelStatus } = solver.constants;
  if (status === modelStatus.unbounded || status === modelStatus.unboundedOrInfeasible)
    return { objective: direction === 'maximize' ? Infinity : 0 };
  if (status !== modelStatus.optimal) return {};
  const values = model.getSolution().colValue;
  return { objective: Math.round(model.getObjectiveValue()), point: columns.map((c) => values[c]) };
}
