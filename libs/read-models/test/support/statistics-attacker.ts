import loadHighs from 'highs';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsLoaded: Promise<Highs> | undefined;
/** The WebAssembly solver, compiled once per test file. */
const solver = (): Promise<Highs> => (highsLoaded ??= loadHighs());
import { LEGAL_FRAMEWORKS, PHASES, ROUTES, SECTORS, SUBJECTS } from '../../../domain/src';

// An observer who knows the suppression rule and has every table the API offers tries to narrow
// each withheld cell. Written apart from the product: the identities below come from the
// definitions of the figures (DOMAIN.md, README), not from the suppression code, and the
// attacker solves an integer program with HiGHS (a different solver from the product's audit).
// Each withheld cell's feasible range must still reach down to 1 and up to k-1.

const OUTCOMES = [
  'settled',
  'decided_granted',
  'decided_partially_granted',
  'decided_rejected',
  'withdrawn',
  'declined',
  'inadmissible',
  'closed_without_resolution',
];
const CLAIMANT_KINDS = ['provider', 'insurer', 'association'];
const FINAL_ROUTES = [...ROUTES, 'none'];
const ADDITIVE = [
  'filed',
  'registered',
  'closed',
  ...PHASES.map((k) => `byPhase.${k}`),
  ...LEGAL_FRAMEWORKS.map((k) => `byLegalFramework.${k}`),
  ...SECTORS.map((k) => `bySector.${k}`),
  ...SUBJECTS.map((k) => `bySubject.${k}`),
  ...ROUTES.map((k) => `byInitialRoute.${k}`),
  ...FINAL_ROUTES.map((k) => `byFinalRoute.${k}`),
  ...CLAIMANT_KINDS.map((k) => `byClaimantKind.${k}`),
  ...OUTCOMES.map((k) => `outcomes.${k}`),
  'smallProviderShare.count',
  'respondentConsentRate.answered',
  'respondentConsentRate.consented',
  'mediation.concluded',
  'mediation.fullAgreement',
  'mediation.partialAgreement',
  'mediation.noAgreement',
  'escalations',
  'durationsDays.filingToAppointment.n',
  'deadlinesMissed',
];
const COUNTS = [...ADDITIVE, 'openAtEnd', 'durationsDays.filingToRegistration.n', 'durationsDays.filingToClosure.n'];
const RATES: [string, string, string][] = [
  ['smallProviderShare.share', 'smallProviderShare.count', 'filed'],
  ['respondentConsentRate.rate', 'respondentConsentRate.consented', 'respondentConsentRate.answered'],
  ['mediation.successRate', 'mediation.fullAgreement', 'mediation.concluded'],
];

type Json = Record<string, unknown>;
const get = (o: Json, path: string): unknown => path.split('.').reduce<unknown>((x, k) => (x as Json | undefined)?.[k], o);

/** A published table: the observer's answer to one query, and the scope its top-level figures cover. */
export interface PublishedTable {
  /** e.g. `2024` (one year), `2024-Q2`, or `2016..2018` (several whole years). */
  overallScope: string;
  body: Json;
}

export interface CellRange {
  cell: string;
  /** The least value it can take, or a feasible value of 1 or less. */
  lo: number;
  /** The greatest value it can take (Infinity: unbounded), or a feasible value of k-1 or more. */
  hi: number;
}

interface Term {
  v: string;
  c: number;
}
interface Constraint {
  terms: Term[];
  sense: '=' | '<=' | '>=';
  rhs: number;
}

export class StatisticsAttacker {
  private readonly known = new Map<string, number>();
  private readonly unknown = new Set<string>();
  private readonly scopes = new Set<string>();
  private readonly rates: { scope: string; rate: number; num: string; den: string }[] = [];
  private readonly windows = new Map<string, string[]>();

  /** Reads one table; the same cell published in two tables must carry the same value. */
  add(table: PublishedTable): void {
    const read = (scope: string, figures: Json): void => {
      this.scopes.add(scope);
      for (const name of COUNTS) this.learn(`${scope}|${name}`, get(figures, name));
      for (const [rate, num, den] of RATES) {
        const value = get(figures, rate);
        if (typeof value === 'number') this.rates.push({ scope, rate: value, num, den });
      }
    };
    read(table.overallScope, table.body);
    for (const p of table.body.periods as Json[]) read(String(p.period), p);
    const m = /^(\d{4})\.\.(\d{4})$/.exec(table.overallScope);
    if (m) {
      const years: string[] = [];
      for (let y = Number(m[1]); y <= Number(m[2]); y++) years.push(String(y));
      this.windows.set(table.overallScope, years);
    }
  }

  private learn(id: string, value: unknown): void {
    if (value === null || value === undefined) {
      if (!this.known.has(id)) this.unknown.add(id);
      return;
    }
    const v = Number(value);
    const before = this.known.get(id);
    if (before !== undefined && before !== v) throw new Error(`${id} published as ${before} and as ${v}`);
    this.known.set(id, v);
    this.unknown.delete(id);
  }

  /** Every cell shown in some table, with its value. */
  get published(): Map<string, number> {
    return new Map(this.known);
  }

  get withheld(): string[] {
    return [...this.unknown];
  }

  /** Every equation and inequality the attacker knows, over all scopes seen. */
  private constraints(firstYear: number): Constraint[] {
    const out: Constraint[] = [];
    const eq = (plus: string[], minus: string[], rhs = 0): void => {
      out.push({ terms: [...plus.map((v) => ({ v, c: 1 })), ...minus.map((v) => ({ v, c: -1 }))], sense: '=', rhs });
    };
    const sum = (scope: string, total: string, parts: string[]): void =>
      eq(
        [`${scope}|${total}`],
        parts.map((p) => `${scope}|${p}`),
      );
    const years = [...this.scopes]
      .filter((s) => /^\d{4}$/.test(s))
      .map(Number)
      .sort((a, b) => a - b);
    for (const s of this.scopes) {
      sum(
        s,
        'filed',
        PHASES.map((k) => `byPhase.${k}`),
      );
      sum(
        s,
        'filed',
        LEGAL_FRAMEWORKS.map((k) => `byLegalFramework.${k}`),
      );
      sum(
        s,
        'filed',
        SECTORS.map((k) => `bySector.${k}`),
      );
      sum(
        s,
        'filed',
        ROUTES.map((k) => `byInitialRoute.${k}`),
      );
      sum(
        s,
        'filed',
        CLAIMANT_KINDS.map((k) => `byClaimantKind.${k}`),
      );
      sum(
        s,
        'closed',
        OUTCOMES.map((k) => `outcomes.${k}`),
      );
      sum(
        s,
        'closed',
        FINAL_ROUTES.map((k) => `byFinalRoute.${k}`),
      );
      sum(s, 'mediation.concluded', ['mediation.fullAgreement', 'mediation.partialAgreement', 'mediation.noAgreement']);
      sum(s, 'respondentConsentRate.answered', ['respondentConsentRate.consented', 'outcomes.declined']);
      sum(s, 'durationsDays.filingToRegistration.n', ['registered']);
      sum(s, 'durationsDays.filingToClosure.n', ['closed']);
      // Each case has one to all subjects; a subject or a small provider is at most every case.
      out.push({ terms: [...SUBJECTS.map((k) => ({ v: `${s}|bySubject.${k}`, c: 1 })), { v: `${s}|filed`, c: -1 }], sense: '>=', rhs: 0 });
      for (const k of [...SUBJECTS.map((x) => `bySubject.${x}`), 'smallProviderShare.count']) {
        out.push({
          terms: [
            { v: `${s}|${k}`, c: 1 },
            { v: `${s}|filed`, c: -1 },
          ],
          sense: '<=',
          rhs: 0,
        });
      }
    }
    // A published rate (4 decimals) ties its numerator to its denominator.
    for (const { scope, rate, num, den } of this.rates) {
      const e = 0.00005 + 1e-9;
      out.push({
        terms: [
          { v: `${scope}|${num}`, c: 1 },
          { v: `${scope}|${den}`, c: -(rate + e) },
        ],
        sense: '<=',
        rhs: 0,
      });
      out.push({
        terms: [
          { v: `${scope}|${num}`, c: 1 },
          { v: `${scope}|${den}`, c: -(rate - e) },
        ],
        sense: '>=',
        rhs: 0,
      });
    }
    const quarters = (y: number) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`);
    for (const y of years) {
      for (const c of ADDITIVE)
        eq(
          [`${y}|${c}`],
          quarters(y).map((q) => `${q}|${c}`),
        );
      eq([`${y}|openAtEnd`], [`${y}-Q4|openAtEnd`]);
    }
    for (const [window, ys] of this.windows) {
      for (const c of ADDITIVE)
        eq(
          [`${window}|${c}`],
          ys.map((y) => `${y}|${c}`),
        );
      eq([`${window}|openAtEnd`], [`${ys[ys.length - 1]}|openAtEnd`]);
    }
    // Stock and flow: open at the end of a quarter = open before + filed - closed; nothing was open before the first year.
    let previous: string | null = null;
    for (let y = firstYear; y <= years[years.length - 1]; y++) {
      for (const q of quarters(y)) {
        if (previous === null) eq([`${q}|openAtEnd`, `${q}|closed`], [`${q}|filed`]);
        else eq([`${q}|openAtEnd`, `${q}|closed`], [`${previous}|openAtEnd`, `${q}|filed`]);
        previous = q;
      }
    }
    return out;
  }

  /** Integer programs solved so far. */
  programs = 0;
  /** Withheld small counts checked so far. */
  smallCells = 0;

  /**
   * Per withheld cell, how far down and up the attacker can push it: the exact minimum and maximum
   * from an integer program over its connected group of unknowns, unless a feasible point already
   * found shows it at 1 or below (lo) or at k-1 or above (hi), which is all the property needs.
   */
  async ranges(firstYear: number, k: number, truth: ReadonlyMap<string, number>): Promise<CellRange[]> {
    const highs = await solver();
    // Published values are constants; constraints left with no unknown are checks, with one or more they bind.
    const bound: Constraint[] = [];
    for (const c of this.constraints(firstYear)) {
      let rhs = c.rhs;
      const terms: Term[] = [];
      for (const t of c.terms) {
        const k = this.known.get(t.v);
        if (k !== undefined) rhs -= t.c * k;
        else if (this.unknown.has(t.v)) terms.push(t);
        else throw new Error(`${t.v} was never published nor withheld`);
      }
      if (terms.length === 0) {
        const ok = c.sense === '=' ? Math.abs(rhs) < 1e-6 : c.sense === '<=' ? rhs >= -1e-6 : rhs <= 1e-6;
        if (!ok) throw new Error(`Published figures break an identity: ${JSON.stringify(c)}`);
      } else bound.push({ ...c, terms, rhs });
    }
    // Groups of unknowns tied by some constraint (union-find).
    const names = this.withheld;
    const position = new Map(names.map((n, i) => [n, i]));
    const parent = names.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (const c of bound) for (const t of c.terms.slice(1)) parent[find(position.get(t.v)!)] = find(position.get(c.terms[0].v)!);
    const groups = new Map<number, { vars: string[]; cons: Constraint[] }>();
    names.forEach((n, i) => {
      const g = find(i);
      if (!groups.has(g)) groups.set(g, { vars: [], cons: [] });
      groups.get(g)!.vars.push(n);
    });
    for (const c of bound) groups.get(find(position.get(c.terms[0].v)!))!.cons.push(c);

    const ranges: CellRange[] = [];
    for (const { vars, cons } of groups.values()) {
      const col = new Map(vars.map((v, i) => [v, `x${i}`]));
      const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(15));
      const rows = cons.map(
        (c, i) =>
          ` c${i}: ${c.terms.map((t) => `${t.c < 0 ? '-' : '+'} ${num(Math.abs(t.c))} ${col.get(t.v)}`).join(' ')} ${c.sense} ${num(c.rhs)}`,
      );
      // Columns x0..xn in order, so column j is vars[j]; every column is a non-negative integer.
      const text = `Minimize\n obj: x0\nSubject To\n${rows.join('\n') || ' c0: x0 >= 0'}\nBounds\n${vars.map((v) => ` ${col.get(v)} >= 0`).join('\n')}\nGenerals\n ${[...col.values()].join(' ')}\nEnd`;
      const model = highs.createModel({ format: 'lp', data: text });
      try {
        model.options.set({ output_flag: false });
        // The LP text names only the columns it uses in that order: map names to indices.
        const index = vars.map((v) => model.getColByName(col.get(v)!));
        // Every solution found is a feasible point for the whole group: it may already show another
        // cell at 1 or below and at k-1 or above, which then needs no program of its own.
        const seenLo = vars.map(() => Infinity);
        const seenHi = vars.map(() => -Infinity);
        let objective = [index[0]];
        const solveSum = (js: number[], sense: 'minimize' | 'maximize'): number => {
          this.programs++;
          for (const c of objective) model.changeColCost(c, 0);
          objective = js.map((j) => index[j]);
          for (const c of objective) model.changeColCost(c, 1);
          model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
          model.run();
          const status = model.getModelStatus();
          const { modelStatus } = highs.constants;
          if (status === modelStatus.unbounded || status === modelStatus.unboundedOrInfeasible) return sense === 'maximize' ? Infinity : 0;
          if (status !== modelStatus.optimal) throw new Error(`${js.map((j) => vars[j])}: ${sense} ended with status ${status}`);
          const values = model.getSolution().colValue;
          vars.forEach((_, w) => {
            const x = Math.round(values[index[w]]);
            if (x < seenLo[w]) seenLo[w] = x;
            if (x > seenHi[w]) seenHi[w] = x;
          });
          return Math.round(model.getObjectiveValue());
        };
        const solve = (j: number, sense: 'minimize' | 'maximize'): number => solveSum([j], sense);
        // The cells the rule protects: withheld counts of 1..k-1 cases (a withheld zero or large
        // count may be narrowed; what matters is that no small count is).
        const small = vars
          .map((_, j) => j)
          .filter((j) => {
            const t = truth.get(vars[j]);
            if (t === undefined) throw new Error(`No true value for ${vars[j]}`);
            return t >= 1 && t <= k - 1;
          });
        this.smallCells += small.length;
        // One program pushing all of them down (and one up) at once usually settles most.
        const needLo = small.filter((j) => seenLo[j] > 1);
        if (needLo.length > 1) solveSum(needLo, 'minimize');
        const needHi = small.filter((j) => seenHi[j] < k - 1);
        if (needHi.length > 1) solveSum(needHi, 'maximize');
        small.forEach((j) => {
          const lo = seenLo[j] <= 1 ? seenLo[j] : solve(j, 'minimize');
          const hi = seenHi[j] >= k - 1 ? seenHi[j] : solve(j, 'maximize');
          ranges.push({ cell: vars[j], lo, hi });
        });
      } finally {
        model.dispose();
      }
    }
    return ranges;
  }
}
