'use strict';
// Helpers every benchmark shares: rounding, nearest-rank percentiles, a free port, one HTTP request.

const http = require('node:http');
const net = require('node:net');

const round = (x, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of an ascending array (null when empty), rounded to microseconds. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return round(sorted[rank - 1]);
}

/** A port free right now on 127.0.0.1 (the kernel's pick). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

/**
 * One HTTP request with node:http; resolves with the status and the whole body once it has arrived.
 * `body` is a Buffer (already serialised JSON) or undefined.
 */
function request(base, method, urlPath, token, body, timeoutMs = 30_000, agent = undefined) {
  return new Promise((resolve, reject) => {
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = body.length;
    }
    const req = http.request({ ...base, method, path: urlPath, headers, agent: agent || false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          text: chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}

/** Linux clock ticks per second for /proc/<pid>/stat (USER_HZ; 100 on every common kernel). */
const CLOCK_TICKS_PER_S = 100;

/**
 * A process's user + system CPU time so far in ms, from /proc (Linux); undefined elsewhere. CPU
 * per request is steadier than wall-clock figures on a machine shared with other work.
 */
function processCpuMs(pid, thread) {
  if (!pid) return undefined;
  try {
    // `thread` (a thread id; the process id is its main thread): that thread's CPU alone.
    const stat = require('node:fs').readFileSync(thread ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}

/** Whether a child process has ended: by its own exit (exitCode) or by a signal (signalCode, exitCode null). */
const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

/** Dirty and under-writeback page cache in MB (Linux /proc/meminfo); undefined elsewhere. */
function pendingDiskWritesMb() {
  try {
    const meminfo = require('node:fs').readFileSync('/proc/meminfo', 'utf8');
    const kb = (field) => Number((meminfo.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm')) || [])[1] || 0);
    return round((kb('Dirty') + kb('Writeback')) / 1024, 1);
  } catch {
    return undefined;
  }
}

/**
 * Waits until the kernel has written what is pending to disk (`sync`), and says how much that was.
 * A history copied just before a run (`cp -a`) is otherwise still being written back while the run
 * measures, and every fsync waits behind it: on 2 December 2026 that made one commit take 2 s and
 * was first mistaken for a cost of the product (docs/reliability.md, the fifth round's correction).
 */
function flushDiskWrites() {
  const pendingMb = pendingDiskWritesMb();
  const t0 = Date.now();
  try {
    require('node:child_process').execFileSync('sync');
  } catch {
    return { pendingMb, syncMs: null }; // no `sync` here (Windows): measured as it is
  }
  return { pendingMb, syncMs: Date.now() - t0 };
}

/** Drops a benchmark's PostgreSQL schema (a name the benchmark made: not quoted). */
async function dropSchema(connectionString, schema) {
  const { Client } = require('pg');
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

module.exports = { round, percentile, freePort, request, processCpuMs, hasExited, flushDiskWrites, dropSchema };
