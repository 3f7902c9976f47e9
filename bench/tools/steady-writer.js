'use strict';
// A steady trickle of writes next to a read benchmark: files a dispute, then registers it, one
// command every 1/rate seconds on a fixed schedule (open loop: a slow answer does not lower the
// rate, so the reads are measured under the write rate asked for). At most `maxInFlight` commands
// wait at once; a tick that finds that many is counted as skipped rather than queued.

const http = require('node:http');
const { percentile, request, round } = require('./bench-common');

/** The filing both write benchmarks send: a provider's tariff dispute with an insurer of the demo directory. */
const FILE_BODY = Buffer.from(
  JSON.stringify({
    phase: 'contractual',
    legalFramework: 'zvw',
    sector: 'physiotherapy_paramedical',
    subjects: ['tariff'],
    contractYear: 2026,
    claimantOrganisationIds: ['org-fysio-delinde'],
    respondentOrganisationIds: ['org-zv-noord'],
    summary: 'Benchmark: the insurer offers a 2026 tariff for physiotherapy below the cost price.',
    claims: [{ description: 'Contract at the cost-based tariff of the 2026 cost price study.', amountCents: 1_250_000 }],
    amountInDisputeCents: 1_250_000,
    proposedRoute: 'mediation',
    urgent: false,
  }),
);
const REGISTER_BODY = Buffer.from('{}');

/**
 * Starts writing at `ratePerSecond` commands/s as `tokens.provider` (file) and `tokens.secretariat`
 * (register). Returns { stop() } whose promise gives the achieved rate, errors and latencies.
 */
function startSteadyWriter(base, tokens, { ratePerSecond, maxInFlight = 50 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight });
  const latencies = [];
  const errors = {};
  const toRegister = [];
  const pending = new Set();
  let sent = 0;
  let skipped = 0;
  const started = process.hrtime.bigint();

  const send = async () => {
    const id = toRegister.shift();
    const [urlPath, token, body, expected] = id
      ? [`/api/disputes/${encodeURIComponent(id)}/register`, tokens.secretariat, REGISTER_BODY, 200]
      : ['/api/disputes', tokens.provider, FILE_BODY, 201];
    const t0 = process.hrtime.bigint();
    try {
      const res = await request(base, 'POST', urlPath, token, body, 30_000, agent);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.status !== expected) errors[String(res.status)] = (errors[String(res.status)] || 0) + 1;
      else if (!id) toRegister.push(JSON.parse(res.text).id);
    } catch (e) {
      errors[e.code || 'transport'] = (errors[e.code || 'transport'] || 0) + 1;
    }
  };

  const timer = setInterval(() => {
    if (pending.size >= maxInFlight) {
      skipped++;
      return;
    }
    sent++;
    const p = send().finally(() => pending.delete(p));
    pending.add(p);
  }, 1000 / ratePerSecond);

  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      agent.destroy();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latencies.sort((a, b) => a - b);
      const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
      return {
        askedPerSecond: ratePerSecond,
        commandsPerSecond: round(sent / seconds, 1),
        commands: sent,
        skipped,
        errors: errorCount,
        ...(errorCount > 0 ? { errorsByStatus: errors } : {}),
        latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
      };
    },
  };
}

module.exports = { startSteadyWriter, FILE_BODY, REGISTER_BODY };
