'use strict';
// Benchmark: the chain's CPU cost in the SQLite store, this build against another build of the
// repository (e.g. main's), in one process. Four stores (baseline and this build, each with and
// without the chain) are appended to in rotating short rounds, so drift on a machine others load
// hits all four alike; per round the chain's extra user CPU an event is the with-chain store's
// minus the plain store's of the same build, and the median over the rounds is reported. On a
// temporary file with synchronous NORMAL (no fsync waits): this measures CPU, not throughput.
//
//   git worktree add /tmp/main-build main && (cd /tmp/main-build && ln -s "$PWD/node_modules" . && npm run -s build)
//   node bench/chain-compare.bench.js --baseline /tmp/main-build [--concurrency 16] [--events 10] [--rounds 20] [--seconds 0.4]
//
// The baseline directory needs dist/ (npm run build) and node_modules (a link is enough).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { round } = require('./tools/bench-common');
const { appendFor } = require('./tools/chain-workload');

const STORE_MODULE = path.join('dist', 'libs', 'event-store', 'src', 'index.js');

function parseArgs(argv) {
  const opts = { baseline: undefined, concurrency: 16, events: 10, rounds: 20, seconds: 0.4 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--baseline') opts.baseline = path.resolve(value());
    else if (['--concurrency', '--events', '--rounds', '--seconds'].includes(flag)) opts[flag.slice(2)] = Number(value());
    else process.stderr.write(`ignoring unknown argument ${argv[i]}\n`);
  }
  if (opts.baseline === undefined) throw new Error('--baseline <directory of another build> is required');
  return opts;
}

/** User CPU microseconds per event of `concurrency` workers appending for `seconds`. */
async function userMicrosPerEvent(store, { concurrency, events, seconds }) {
  const { appended, cpu } = await appendFor(store, { concurrency, events, seconds });
  return cpu.user / appended;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const builds = { baseline: require(path.join(opts.baseline, STORE_MODULE)), current: require(path.join(__dirname, '..', STORE_MODULE)) };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gzc-chain-compare-'));
  const stores = {};
  for (const [build, dist] of Object.entries(builds)) {
    const filename = path.join(dir, `${build}.sqlite`);
    stores[`${build}.chain`] = dist.SqliteEventStore.open({ filename, synchronous: 'NORMAL' });
    stores[`${build}.plain`] = dist.SqliteEventStore.open({ filename, synchronous: 'NORMAL', benchmarkWithoutHashChain: true });
  }
  const names = Object.keys(stores);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const loadBefore = os.loadavg();
  try {
    for (const n of names) await userMicrosPerEvent(stores[n], { ...opts, seconds: 0.3 }); // warm-up
    for (let r = 0; r < opts.rounds; r++) {
      for (const n of r % 2 === 0 ? names : [...names].reverse()) samples[n].push(await userMicrosPerEvent(stores[n], opts));
    }
  } finally {
    for (const store of Object.values(stores)) await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const extra = (build) => round(median(samples[`${build}.chain`].map((x, i) => x - samples[`${build}.plain`][i])), 2);
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'chain-compare',
        baseline: opts.baseline,
        concurrency: opts.concurrency,
        eventsPerAppend: opts.events,
        rounds: opts.rounds,
        userMicrosPerEventMedian: Object.fromEntries(names.map((n) => [n, round(median(samples[n]), 1)])),
        chainExtraUserMicrosPerEvent: { baseline: extra('baseline'), current: extra('current') },
        machine: {
          cpus: os.cpus().length,
          node: process.version,
          loadAverage: { before: loadBefore.map((x) => round(x, 2)), after: os.loadavg().map((x) => round(x, 2)) },
        },
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
