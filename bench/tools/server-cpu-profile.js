'use strict';
// How the benchmarks run their server under the sampling profiler (--server-cpu-prof DIR).
const fs = require('node:fs');
const path = require('node:path');

/**
 * `node --cpu-prof` samples every JS thread (the server has four) with a profiler thread each. At
 * its default interval of 1 ms that kept 15.5% of a core busy on an idle server (3 December 2026;
 * 5.9% at 4 ms, 2.9% at 10 ms, 0.7% without the profiler), more than the benchmarks' idle
 * thresholds, so a profiled server never looked idle (and every profile carried that overhead).
 * Profiles are taken at 10 ms, and the wait for quiet allows PROFILER_IDLE_SHARE more.
 */
const PROFILE_INTERVAL_US = 10_000;
const PROFILER_IDLE_SHARE = 0.05;

/** The node flags that profile the server into `dir` (created here). */
function cpuProfileNodeArgs(dir) {
  fs.mkdirSync(dir, { recursive: true });
  // --cpu-prof writes its profile only on a normal exit; the preload turns SIGTERM into one.
  return [
    '--cpu-prof',
    `--cpu-prof-interval=${PROFILE_INTERVAL_US}`,
    `--cpu-prof-dir=${dir}`,
    '--require',
    path.join(__dirname, 'exit-on-sigterm.js'),
  ];
}

module.exports = { cpuProfileNodeArgs, PROFILER_IDLE_SHARE };
