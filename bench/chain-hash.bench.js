'use strict';
// Benchmark: the CPU the hash chain's own work costs per event on append, without a store: the
// JCS texts of data and metadata, the content hash over them, and the link hash; beside it what an
// append without the chain pays for the same event (JSON.stringify of data and metadata). CPU time
// of this thread only, no I/O, so on a machine others load it varies far less than chain.bench.js.
// Runs the built code from dist/ (npm run build). Prints JSON on stdout.
//
//   node bench/chain-hash.bench.js [--events 20000] [--repeats 5]

const { randomUUID } = require('node:crypto');
const os = require('node:os');
const path = require('node:path');
const { round } = require('./tools/bench-common');
const { caseEvent } = require('./tools/chain-workload');

const CHAIN = path.join(__dirname, '..', 'dist', 'libs', 'event-store', 'src', 'chain');

function parseArgs(argv) {
  const opts = { events: 20000, repeats: 5 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => Number(inline !== undefined ? inline : argv[++i]);
    if (flag === '--events') opts.events = value();
    else if (flag === '--repeats') opts.repeats = value();
    else process.stderr.write(`ignoring unknown argument ${argv[i]}\n`);
  }
  return opts;
}

/** CPU microseconds per event of `work`, the best of `repeats` passes (the least disturbed one). */
function cpuPerEvent(events, repeats, work) {
  let best = Infinity;
  let sink = 0;
  for (let r = 0; r < repeats; r++) {
    const before = process.cpuUsage();
    for (let i = 0; i < events.length; i++) sink += work(events[i], i);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / events.length);
  }
  if (sink === 0) throw new Error('nothing computed');
  return best;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { canonicalJson } = require(path.join(CHAIN, 'canonical-json.js'));
  const { contentHashOfTexts, linkHash } = require(path.join(CHAIN, 'event-hash.js'));
  const events = Array.from({ length: opts.events }, (_, i) => caseEvent(i, true));
  const streamId = `dispute-${randomUUID()}`;
  const recordedAt = new Date().toISOString();
  const previousHash = 'a'.repeat(64);

  const withoutChain = (e) => JSON.stringify(e.data).length + JSON.stringify(e.metadata).length;
  const canonicalTexts = (e) => canonicalJson(e.data).length + canonicalJson(e.metadata).length;
  const withChain = (e, revision) => {
    const data = canonicalJson(e.data);
    const metadata = canonicalJson(e.metadata);
    const contentHash = contentHashOfTexts(e.id, e.type, data, metadata);
    return data.length + metadata.length + linkHash({ streamId, revision, recordedAt, contentHash, previousHash }).length;
  };
  cpuPerEvent(events, 2, withChain); // warm-up
  cpuPerEvent(events, 2, withoutChain);
  const without = cpuPerEvent(events, opts.repeats, withoutChain);
  const jcs = cpuPerEvent(events, opts.repeats, canonicalTexts);
  const chained = cpuPerEvent(events, opts.repeats, withChain);
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'chain-hash',
        events: opts.events,
        cpuMicrosPerEvent: {
          jsonStringifyOnly: round(without, 2),
          canonicalJsonOnly: round(jcs, 2),
          withChain: round(chained, 2),
          chainExtra: round(chained - without, 2),
        },
        machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((x) => round(x, 2)) },
      },
      null,
      2,
    )}\n`,
  );
}

main();
