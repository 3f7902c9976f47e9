'use strict';
// Micro-benchmark: the cost of the first statistics answer after a write, over N cases, in one
// process (no HTTP, no database: the part the statistics route recomputed per checkpoint).
//   recount: every case counted again (what each new checkpoint cost before the tally);
//   tally:   the changed case taken out and put in again, then the figures of the tally.
// Both run alternately in the same process and minute, so machine load hits both alike.
//
//   npm run build && node bench/statistics-after-write.bench.js [--cases 100000] [--rounds 40]
//        [--before DIR]  (a compiled compute-statistics.js of an older version to time as "recount")

const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { percentile, round } = require('./tools/bench-common');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const CASES = Number(args.cases ?? 100_000);
const ROUNDS = Number(args.rounds ?? 40);
const stats = require(path.join(__dirname, '..', 'dist', 'libs', 'read-models', 'src', 'statistics'));
const recount = args.before ? require(path.resolve(args.before)).computeStatistics : stats.computeStatistics;

// A deterministic pseudo-random history (xorshift), spread over 2021-2025.
let seed = 42;
const rand = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) / 4294967296);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const START = Date.UTC(2021, 0, 1);
const SPAN = Date.UTC(2025, 11, 31) - START;
const at = (ms) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
function fact(i) {
  const filed = START + rand() * SPAN * 0.95;
  const later = (days) => (rand() < 0.8 ? at(filed + days * 86_400_000 * (0.5 + rand())) : null);
  const closedAt = later(120);
  return {
    disputeId: `d${i}`,
    caseNumber: null,
    filedAt: at(filed),
    registeredAt: later(5),
    appointedAt: later(30),
    closedAt,
    outcome: closedAt ? pick(['settled', 'withdrawn', 'decided_granted', 'decided_rejected']) : null,
    phase: pick(['precontractual', 'contractual']),
    legalFramework: pick(['zvw', 'wlz']),
    sector: pick(['dental', 'pharmacy', 'physiotherapy_paramedical', 'mental_health']),
    subjects: [pick(['tariff', 'volume', 'quality'])],
    initialRoute: pick(['mediation', 'binding_advice', 'arbitration']),
    finalRoute: closedAt ? pick(['mediation', 'binding_advice', null]) : null,
    claimantKind: pick(['provider', 'insurer']),
    smallProvider: rand() < 0.3,
    urgent: false,
    respondentAnswer: pick(['accepted', 'declined', null]),
    respondentAnsweredAt: later(20),
    mediationResult: closedAt ? pick(['full_agreement', 'no_agreement', null]) : null,
    mediationConcludedAt: closedAt,
    escalatedAt: null,
    lastPosition: i,
  };
}

const facts = new Map();
for (let i = 0; i < CASES; i++) facts.set(`d${i}`, fact(i));
const from = { year: 2021, month: 1, day: 1 };
const to = { year: 2025, month: 12, day: 31 };
const request = { window: stats.windowOf(from, to), periods: stats.periodsOf(from, to, 'quarter'), audience: 'observer', minCellCount: 5 };

const t0 = performance.now();
const tally = new stats.StatisticsTally(request.periods).addAll(facts.values(), []);
const firstTallyMs = performance.now() - t0;

const timings = { recount: [], tally: [] };
for (let r = 0; r < ROUNDS; r++) {
  // One write: a case changes (here: it is closed now).
  const id = `d${Math.floor(rand() * CASES)}`;
  const before = facts.get(id);
  const after = { ...before, closedAt: before.closedAt ?? at(Date.UTC(2025, 10, 1)), outcome: before.outcome ?? 'settled' };
  facts.set(id, after);

  let t = performance.now();
  const a = recount(facts.values(), [], request);
  timings.recount.push(performance.now() - t);

  t = performance.now();
  tally.add(before, -1);
  tally.add(after, 1);
  const b = stats.statisticsFromTally(tally, request);
  timings.tally.push(performance.now() - t);
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`round ${r}: the tally and the recount differ`);
}

const summary = (xs) => {
  const sorted = [...xs].sort((x, y) => x - y);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: round(sorted[sorted.length - 1]) };
};
console.log(
  JSON.stringify(
    {
      benchmark: 'statistics-after-write',
      cases: CASES,
      periods: request.periods.length,
      rounds: ROUNDS,
      recountSource: args.before ? 'given (--before)' : 'this build',
      firstTallyMs: round(firstTallyMs),
      afterOneWriteMs: { recount: summary(timings.recount), tally: summary(timings.tally) },
    },
    null,
    2,
  ),
);
