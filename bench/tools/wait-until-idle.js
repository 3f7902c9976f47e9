'use strict';
// Waits until a freshly started server has finished its start-up work (the statistics warm-up, the
// observers' publication, catch-up) so a page benchmark times a running system, not a starting one.
const fs = require('node:fs');

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * Resolves once the process used under `maxShare` of a core for `quietSeconds` in a row, or after
 * `timeoutMs`; returns how long it waited and whether it became idle.
 */
async function waitUntilIdle(pid, { maxShare = 0.05, quietSeconds = 2, timeoutMs = 180_000 } = {}) {
  const started = Date.now();
  let quiet = 0;
  let last = cpuSeconds(pid);
  while (Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuSeconds(pid);
    quiet = now - last <= maxShare ? quiet + 1 : 0;
    last = now;
    if (quiet >= quietSeconds) return { waitedMs: Date.now() - started, idle: true };
  }
  return { waitedMs: Date.now() - started, idle: false };
}

module.exports = { waitUntilIdle };
