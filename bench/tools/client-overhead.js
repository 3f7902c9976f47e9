'use strict';
// Measures the client-side cost of the two HTTP clients built into Node 20, to choose the one the
// benchmarks use: the global fetch (undici) and node:http with a keep-alive Agent.
// A trivial JSON server runs in a child process; the client process's own CPU time per request
// (process.cpuUsage) is the overhead that the benchmark would steal from the server on a small machine.
//
//   node bench/tools/client-overhead.js [--requests 20000] [--concurrency 1,32]

const { spawn } = require('node:child_process');
const http = require('node:http');

const args = process.argv.slice(2);
const arg = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : def;
};
const REQUESTS = Number(arg('requests', '20000'));
const CONCURRENCIES = String(arg('concurrency', '1,32')).split(',').map(Number);

const SERVER_SRC = `
const http = require('node:http');
const s = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.stringify({ id: 'x'.repeat(36), status: 'filed', version: 1 });
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
s.keepAliveTimeout = 60000;
s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));
`;

const BODY = JSON.stringify({
  phase: 'contractual',
  legalFramework: 'zvw',
  sector: 'physiotherapy_paramedical',
  subjects: ['tariff'],
  contractYear: 2026,
  claimantOrganisationIds: ['org-fysio-delinde'],
  respondentOrganisationIds: ['org-zv-noord'],
  summary: 'Benchmark dispute about the 2026 tariff',
  claims: [{ description: 'Pay the agreed tariff', amountCents: 125000 }],
  amountInDisputeCents: 125000,
  proposedRoute: 'mediation',
  urgent: false,
});
const BODY_BUF = Buffer.from(BODY);

function makeHttpClient(port, concurrency) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const send = () =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/disputes',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': BODY_BUF.length, authorization: 'Bearer t' },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(BODY_BUF);
    });
  return { send, close: () => agent.destroy() };
}

function makeFetchClient(port) {
  const url = `http://127.0.0.1:${port}/api/disputes`;
  const send = async () => {
    const res = await fetch(url, {
      method: 'POST',
      body: BODY,
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
    });
    return { status: res.status, text: await res.text() };
  };
  return { send, close: () => {} };
}

async function measure(name, client, concurrency, requests) {
  let next = 0;
  // warm-up
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < 200; i++) await client.send();
    }),
  );
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const r = await client.send();
        if (r.status !== 201) throw new Error(`unexpected ${r.status}`);
        JSON.parse(r.text);
      }
    }),
  );
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return {
    client: name,
    concurrency,
    requests,
    requestsPerSecond: Math.round(requests / (wallMs / 1000)),
    clientCpuMicrosPerRequest: +((cpu.user + cpu.system) / requests).toFixed(1),
  };
}

(async () => {
  const server = spawn(process.execPath, ['-e', SERVER_SRC], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    server.stdout.once('data', (d) => resolve(Number(String(d).trim())));
    server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const results = [];
  try {
    for (const c of CONCURRENCIES) {
      // alternate order to avoid favouring whichever runs second on a warmer machine
      for (const which of ['http', 'fetch', 'http', 'fetch']) {
        const client = which === 'http' ? makeHttpClient(port, c) : makeFetchClient(port);
        results.push(await measure(which === 'http' ? 'node:http keep-alive Agent' : 'fetch (undici)', client, c, REQUESTS));
        client.close();
      }
    }
  } finally {
    server.kill('SIGKILL');
  }
  process.stdout.write(JSON.stringify({ node: process.version, results }, null, 2) + '\n');
  process.exit(0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
