'use strict';
// Waits until a freshly started server has finished its start-up work (the statistics warm-up, the
// observers' publication, catch-up) so a benchmark times a running system, not a starting one.
const { processCpuMs } = require('./bench-common');

/**
 * Resolves once the process used at most `maxShare` of a core for `quietSeconds` one-second samples
 * in a row, or after `timeoutMs`; returns how long it waited and whether it became idle.
 */
async function waitUntilIdle(pid, { maxShare = 0.05, quietSeconds = 2, timeoutMs = 180_000 } = {}) {
  const started = Date.now();
  let quiet = 0;
  let last = processCpuMs(pid);
  while (last !== undefined && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = processCpuMs(pid);
    if (now === undefined) break; // the process is gone: nothing left to wait for
    quiet = now - last <= maxShare * 1000 ? quiet + 1 : 0;
    last = now;
    if (quiet >= quietSeconds) return { waitedMs: Date.now() - started, idle: true };
  }
  return { waitedMs: Date.now() - started, idle: false };
}

module.exports = { waitUntilIdle };
