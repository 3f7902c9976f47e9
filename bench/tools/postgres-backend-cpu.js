'use strict';
// CPU time of the PostgreSQL server processes (backends) connected to one database, read from
// /proc: the server's share of an append, which the benchmark process's own CPU time leaves out.
// Only meaningful when PostgreSQL runs on this machine and this user may read its /proc entries;
// otherwise sample() resolves undefined and the figures are left out.
const { Client } = require('pg');
const { processCpuMs } = require('./bench-common');

/** Opens a monitoring connection (its own backend is not counted). */
async function openBackendCpu(connectionString) {
  const client = new Client({ connectionString, application_name: 'gzc-bench-monitor' });
  await client.connect();
  /** CPU milliseconds per backend pid of this database, now. */
  const sample = async () => {
    const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    const cpu = new Map();
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms !== undefined) cpu.set(pid, ms);
    }
    return cpu.size > 0 ? cpu : undefined;
  };
  return {
    sample,
    /** CPU ms the backends used between a sample and now; a backend that started meanwhile counts from 0. */
    since: async (before) => {
      const after = await sample();
      if (before === undefined || after === undefined) return undefined;
      let ms = 0;
      for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
      return ms;
    },
    close: () => client.end(),
  };
}

module.exports = { openBackendCpu };
