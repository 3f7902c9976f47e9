'use strict';
// Diagnostic preload for the server (not used by the benchmarks themselves): wraps a few prototype
// methods of the built app from the outside to time the phases of a command, counts optimistic-
// concurrency conflicts and measures event-loop delay. Writes a JSON summary to PHASE_TIMER_OUT
// (or stderr) when the process exits. Does nothing in processes other than the api server.
//
//   NODE_OPTIONS="--require $PWD/bench/tools/phase-timer.js" PHASE_TIMER_OUT=/tmp/phases.json \
//     node bench/file-and-register.bench.js --concurrency 32
//
// Works on the dist layout of 2026-11; if the app's classes move, adjust the paths below.

const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');

if (!/dist[\\/]apps[\\/]api[\\/]src[\\/]main\.js$/.test(process.argv[1] || '')) return;

const dist = path.resolve(path.dirname(process.argv[1]), '..', '..', '..');
const stats = new Map();
const note = (key, ms) => {
  let s = stats.get(key);
  if (!s) stats.set(key, (s = []));
  s.push(ms);
};
const now = () => Number(process.hrtime.bigint()) / 1e6;
const counters = { conflicts: 0, appendCalls: 0, projectionBatches: 0, projectionEvents: 0, registryEventsRead: 0 };

function wrapAsync(proto, method, keyOf, after) {
  const orig = proto[method];
  if (typeof orig !== 'function') {
    process.stderr.write(`[phase-timer] ${method} not found\n`);
    return;
  }
  proto[method] = async function (...args) {
    const t = now();
    try {
      const r = await orig.apply(this, args);
      if (after) after(args, r);
      return r;
    } catch (e) {
      if (e && e.name === 'WrongExpectedVersionError') counters.conflicts++;
      throw e;
    } finally {
      const key = keyOf(args);
      if (key) note(key, now() - t);
    }
  };
}

setImmediate(() => {
  try {
    const { SqliteEventStore } = require(path.join(dist, 'libs/event-store/src/sqlite/sqlite-event-store.js'));
    const { RunDisputeCommandHandler } = require(path.join(dist, 'apps/api/src/disputes/application/run-dispute-command.handler.js'));
    const { ProjectionEngine } = require(path.join(dist, 'libs/read-models/src/projection-engine.js'));
    wrapAsync(
      SqliteEventStore.prototype,
      'readStream',
      ([id]) => (String(id).startsWith('dispute-') ? 'store.readStream(dispute)' : `store.readStream(registry)`),
      ([id], rows) => {
        if (!String(id).startsWith('dispute-')) counters.registryEventsRead += rows.length;
      },
    );
    wrapAsync(SqliteEventStore.prototype, 'appendToStreams', () => (counters.appendCalls++, 'store.appendToStreams (sync, fsync)'));
    wrapAsync(RunDisputeCommandHandler.prototype, 'execute', ([c]) => `handler.execute total: ${c.command.type}`);
    wrapAsync(ProjectionEngine.prototype, 'waitForPosition', () => 'projections.waitForPosition (waiting)');
    wrapAsync(
      ProjectionEngine.prototype,
      'handle',
      () => 'projections.handle batch',
      ([events]) => {
        counters.projectionBatches++;
        counters.projectionEvents += events.length;
      },
    );
    wrapAsync(ProjectionEngine.prototype, 'applyAll', () => 'projections: one transaction (all projections)');
    process.stderr.write('[phase-timer] installed\n');
  } catch (e) {
    process.stderr.write(`[phase-timer] could not install: ${e.message}\n`);
  }
});

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();

function summary() {
  const pct = (s, p) => s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
  const phases = {};
  for (const [k, v] of [...stats].sort()) {
    const s = Float64Array.from(v).sort();
    const total = s.reduce((a, b) => a + b, 0);
    phases[k] = {
      n: s.length,
      meanMs: +(total / s.length).toFixed(3),
      p50: +pct(s, 50).toFixed(3),
      p99: +pct(s, 99).toFixed(3),
      totalMs: Math.round(total),
    };
  }
  return {
    phases,
    counters,
    eventLoopDelayMs: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
  };
}

let written = false;
const write = () => {
  if (written) return;
  written = true;
  const text = JSON.stringify(summary(), null, 2) + '\n';
  if (process.env.PHASE_TIMER_OUT) require('node:fs').writeFileSync(process.env.PHASE_TIMER_OUT, text);
  else process.stderr.write(text);
};
process.on('exit', write);
process.once('SIGTERM', () => {
  write();
  setTimeout(() => process.exit(0), 2000).unref();
});
