'use strict';
// Diagnostic preload for the server: counts every SQL statement it runs, by statement text, with the
// time spent inside the driver call and the errors by code (SQLITE_BUSY ...). better-sqlite3 is timed
// exactly (it is synchronous); for PostgreSQL (`pg`) only the count is kept. Written as JSON, most
// time first, to SQL_COUNT_OUT.<pid>.json (default /tmp/sql-count.<pid>.json) when the server stops.
//
//   NODE_OPTIONS="--require $PWD/bench/tools/sql-count.js" SQL_COUNT_OUT=/tmp/sql \
//     node bench/file-and-register.bench.js --concurrency 32 --iterations 1000 --no-http-floor

const fs = require('node:fs');
const Module = require('node:module');
const { performance } = require('node:perf_hooks');

// The benchmark itself gets NODE_OPTIONS too; only the server is counted.
if (!/main\.js$/.test(process.argv[1] || '')) return;

const stats = new Map();
const keyOf = (sql) => String(sql).replace(/\s+/g, ' ').replace(/\$\d+/g, '$').slice(0, 160);
const note = (key, ms) => {
  const s = stats.get(key) || { n: 0, ms: 0 };
  s.n++;
  s.ms += ms;
  stats.set(key, s);
};

function wrapSqliteStatement(proto, method) {
  const original = proto[method];
  proto[method] = function (...args) {
    const t = performance.now();
    try {
      return original.apply(this, args);
    } catch (error) {
      note(`ERR ${error.code} ${keyOf(this.source)}`, 0);
      throw error;
    } finally {
      note(keyOf(this.source), performance.now() - t);
    }
  };
}

const patched = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  const exported = load.call(this, request, ...rest);
  if (request === 'better-sqlite3' && !patched.has(request)) {
    patched.add(request);
    const probe = new exported(':memory:');
    const proto = Object.getPrototypeOf(probe.prepare('SELECT 1'));
    probe.close();
    for (const method of ['run', 'get', 'all', 'iterate']) wrapSqliteStatement(proto, method);
  }
  if (request === 'pg' && exported && exported.Client && !patched.has(request)) {
    patched.add(request);
    const query = exported.Client.prototype.query;
    exported.Client.prototype.query = function (config, ...args) {
      note(`pg ${keyOf(typeof config === 'string' ? config : config && config.text)}`, 0);
      return query.call(this, config, ...args);
    };
  }
  return exported;
};

let written = false;
function write() {
  if (written) return;
  written = true;
  const rows = [...stats].map(([sql, s]) => ({ sql, n: s.n, ms: Math.round(s.ms * 10) / 10 })).sort((a, b) => b.ms - a.ms || b.n - a.n);
  const total = rows.filter((r) => !r.sql.startsWith('ERR ')).reduce((sum, r) => sum + r.n, 0);
  const file = `${process.env.SQL_COUNT_OUT || '/tmp/sql-count'}.${process.pid}.json`;
  fs.writeFileSync(file, JSON.stringify({ statements: total, byStatement: rows }, null, 1) + '\n');
}
process.on('exit', write);
process.prependListener('SIGTERM', write);
