'use strict';
// What one page of the case list costs in the read models alone (no HTTP), and how much a commit by
// another connection adds: in WAL mode a connection that sees the database changed throws its whole
// page cache away (SQLite's pager_reset), so the next query reads its pages again. Runs the built
// read models (npm run build) over a copy of a seeded history's read models, with the statistics
// bench's list questions (half of them followed up to five pages deep).
//
//   node bench/tools/list-page-cost.js --data-dir <dir with read-models.sqlite>
//        [--pages 2000] [--rounds 3] [--write-every 0,15,5,1]
//
// --write-every K: another connection commits one small write (it sets PRAGMA user_version to its
// own value, which rewrites the header page) after every K pages; 0 never writes. The settings
// alternate round by round so drift on the machine hits all alike. Figures are the main thread's CPU
// per page (from /proc, in 10 ms ticks, so the WAL checkpointer's worker thread is not counted)
// with the writes' own time taken out, medians over the rounds. Prints JSON on stdout.

const path = require('node:path');
const Database = require('better-sqlite3');
const { processCpuMs, round } = require('./bench-common');

const ROOT = path.resolve(__dirname, '..', '..');
const { openReadModels } = require(path.join(ROOT, 'dist', 'libs', 'read-models', 'src'));

// The statistics bench's list questions with the scope each of its callers gets (dispute-reader.ts).
const SECRETARIAT = { all: true };
const PROVIDER = { organisationIds: ['org-fysio-delinde'], userId: 'prov-anna' };
const MEDIATOR = { organisationIds: ['org-geschilleninstantie'], userId: 'med-femke' };
const QUESTIONS = [
  [SECRETARIAT, { status: 'settled', limit: 20 }],
  [SECRETARIAT, { sector: 'dental', limit: 20 }],
  [SECRETARIAT, { route: 'mediation', phase: 'contractual', limit: 50 }],
  [SECRETARIAT, { legalFramework: 'wlz', status: 'decided', limit: 20 }],
  [SECRETARIAT, { status: 'in_mediation', limit: 20 }],
  [PROVIDER, { status: 'decided', limit: 20 }],
  [PROVIDER, { sector: 'pharmacy', phase: 'precontractual', limit: 20 }],
  [MEDIATOR, { route: 'mediation', limit: 20 }],
];

function parseArgs(argv) {
  const opts = { dataDir: undefined, pages: 2000, rounds: 3, writeEvery: [0, 15, 5, 1] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--data-dir') opts.dataDir = value();
    else if (flag === '--pages') opts.pages = Number(value());
    else if (flag === '--rounds') opts.rounds = Number(value());
    else if (flag === '--write-every') opts.writeEvery = value().split(',').map(Number);
    else process.stderr.write(`ignoring unknown argument ${argv[i]}\n`);
  }
  if (!opts.dataDir) throw new Error('--data-dir is required (a seeded history, e.g. from npm run seed:history)');
  return opts;
}

const mainThreadCpuMs = () => processCpuMs(process.pid, process.pid);

/** `pages` list pages, a write by `writer` after every `writeEvery` of them; CPU a page without the writes'. */
async function run(readModels, writer, pages, writeEvery) {
  const userVersion = writer.pragma('user_version', { simple: true });
  const write = writer.prepare(`PRAGMA user_version = ${Number(userVersion)}`);
  let writeMs = 0;
  let writes = 0;
  let question = 0;
  let follow;
  const startCpu = mainThreadCpuMs();
  const startWall = performance.now();
  for (let page = 0; page < pages; page++) {
    let scope, filter;
    if (follow && follow.depth < 5) {
      [scope, filter] = [follow.scope, { ...follow.filter, cursor: follow.cursor }];
    } else {
      [scope, filter] = QUESTIONS[question % QUESTIONS.length];
      follow = question % 2 === 0 ? { scope, filter, depth: 0 } : undefined;
      question++;
    }
    const result = await readModels.listCases(scope, filter);
    if (follow) {
      follow = result.nextCursor ? { ...follow, cursor: result.nextCursor, depth: follow.depth + 1 } : undefined;
    }
    if (writeEvery > 0 && (page + 1) % writeEvery === 0) {
      // Synchronous on this thread: its wall time is its CPU, within the tick the thread clock lacks.
      const before = performance.now();
      write.run();
      writeMs += performance.now() - before;
      writes++;
    }
  }
  const wallMs = performance.now() - startWall;
  return { cpuMsPerPage: (mainThreadCpuMs() - startCpu - writeMs) / pages, wallMsPerPage: (wallMs - writeMs) / pages, writes, writeMs };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const opened = await openReadModels({ dataDir: opts.dataDir });
  const writer = new Database(path.join(opts.dataDir, 'read-models.sqlite'));
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = NORMAL');
  const perSetting = new Map(opts.writeEvery.map((k) => [k, []]));
  try {
    // A warm-up: the OS page cache and the counts (CaseListCounts) filled before any round counts.
    await run(opened.readModels, writer, Math.min(500, opts.pages), 0);
    for (let r = 0; r < opts.rounds; r++) {
      const order = r % 2 === 0 ? opts.writeEvery : [...opts.writeEvery].reverse();
      for (const k of order) perSetting.get(k).push(await run(opened.readModels, writer, opts.pages, k));
    }
  } finally {
    writer.close();
    await opened.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = [...perSetting].map(([writeEvery, runs]) => ({
    writeEvery,
    cpuMsPerPage: round(median(runs.map((x) => x.cpuMsPerPage)), 3),
    cpuMsPerPageRuns: runs.map((x) => round(x.cpuMsPerPage, 3)),
    wallMsPerPage: round(median(runs.map((x) => x.wallMsPerPage)), 3),
    writesPerRun: runs[0].writes,
    writeMsEach: runs[0].writes === 0 ? null : round(median(runs.map((x) => x.writeMs / x.writes)), 3),
  }));
  process.stdout.write(
    `${JSON.stringify({ tool: 'list-page-cost', dataDir: opts.dataDir, pages: opts.pages, rounds: opts.rounds, results }, null, 2)}\n`,
  );
}

// The count thread is unref'd (it must not keep a server alive), so while a count is awaited nothing
// else holds this process open: without this timer it ended silently, mid-run, with exit code 0.
const keepAlive = setInterval(() => undefined, 1000);
main()
  .catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => clearInterval(keepAlive));
