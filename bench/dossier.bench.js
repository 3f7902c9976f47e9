'use strict';
// Benchmark: the dossier (GET /api/disputes/{id}/dossier) of a case with 200 events and 20
// documents of 1 MB, from the real server on localhost with the embedded SQLite store. Target: each
// dossier complete in under 2 s. The last dossier is verified with the verifier (it must be intact).
// Runs the build from dist/ (npm run build, or npx swc apps libs -d dist --config-file .swcrc).
// Prints JSON on stdout; progress on stderr.
//
//   node bench/dossier.bench.js [--events 200] [--documents 20] [--document-mb 1] [--runs 5] [--out dossier.zip]

const { spawn } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { freePort, hasExited, percentile, request, round } = require('./tools/bench-common');

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const VERIFY = path.join(ROOT, 'dist', 'libs', 'dossier-verify', 'src', 'index.js');
const TARGET_MS = 2000;
const log = (line) => process.stderr.write(`[dossier-bench] ${line}\n`);

function parseArgs(argv) {
  const opts = { events: 200, documents: 20, documentMb: 1, runs: 5, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--events') opts.events = Number(value());
    else if (flag === '--documents') opts.documents = Number(value());
    else if (flag === '--document-mb') opts.documentMb = Number(value());
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--out') opts.out = path.resolve(value());
    else log(`ignoring unknown argument ${argv[i]}`);
  }
  return opts;
}

async function startServer(dataDir) {
  if (!fs.existsSync(MAIN)) throw new Error('dist/apps/api/src/main.js is missing; run `npm run build` first');
  const port = await freePort();
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'KURRENTDB_URL', 'OIDC_ISSUER', 'OIDC_AUDIENCE']) delete env[k];
  Object.assign(env, {
    PORT: String(port),
    DATA_DIR: dataDir,
    EVENT_STORE: 'sqlite',
    AUTH_MODE: 'dev',
    NODE_ENV: 'production',
    // Production defaults, with the demonstration directory so dev tokens name known users.
    DIRECTORY_SEED_FILE: path.join(ROOT, 'fixtures', 'demo-directory.json'),
    REQUEST_LOG: 'off',
    DEADLINE_SCAN_INTERVAL_MS: '0',
    RATE_LIMIT_TOKENS_PER_USER: '0',
    RATE_LIMIT_TOKENS_PER_ADDRESS: '0',
    RATE_LIMIT_FILINGS_PER_USER: '0',
    RATE_LIMIT_FILINGS_PER_ADDRESS: '0',
  });
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const base = { host: '127.0.0.1', port };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`server exited: ${stderr}`);
    const res = await request(base, 'GET', '/health', undefined, undefined, 2000).catch(() => undefined);
    if (res && res.status === 200) return { child, base };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`server not healthy in 60 s: ${stderr}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gzc-dossier-bench-'));
  const { child, base } = await startServer(dataDir);
  try {
    const tokens = {};
    const token = async (userId) => {
      if (!tokens[userId])
        tokens[userId] = JSON.parse((await call('POST', '/api/auth/dev-token', undefined, { userId }, 200)).text).accessToken;
      return tokens[userId];
    };
    async function call(method, urlPath, userId, body, expected) {
      const res = await request(base, method, urlPath, userId && (await token(userId)), body && Buffer.from(JSON.stringify(body)));
      if (expected !== undefined && res.status !== expected && !(expected === 200 && res.status === 201)) {
        throw new Error(`${method} ${urlPath} as ${userId}: ${res.status} ${res.text.slice(0, 500)}`);
      }
      return res;
    }
    const act = (id, action, userId, body = {}) => call('POST', `/api/disputes/${id}/${action}`, userId, body, 200);

    log('seeding the case');
    const filed = await call(
      'POST',
      '/api/disputes',
      'prov-anna',
      {
        phase: 'precontractual',
        legalFramework: 'zvw',
        sector: 'physiotherapy_paramedical',
        subjects: ['tariff'],
        contractYear: new Date().getUTCFullYear(),
        claimantOrganisationIds: ['org-fysio-delinde'],
        respondentOrganisationIds: ['org-zv-noord'],
        summary: 'Het geboden tarief voor fysiotherapie dekt de kosten niet.',
        claims: [{ description: 'Een kostendekkend tarief', amountCents: 1_250_000 }],
        amountInDisputeCents: 1_250_000,
        proposedRoute: 'mediation',
        urgent: false,
      },
      201,
    );
    const id = JSON.parse(filed.text).id;
    await act(id, 'register', 'sec-jan');
    await act(id, 'accept-submission', 'ins-carla', { route: 'mediation' });
    await act(id, 'nominate-neutrals', 'sec-jan', { neutralUserIds: ['med-femke'] });
    await act(id, 'waive-challenge', 'prov-anna');
    await act(id, 'waive-challenge', 'ins-carla');
    await act(id, 'appoint-neutrals', 'sec-jan');
    for (let i = 0; i < opts.documents; i++) await uploadDocument(base, await token('prov-anna'), id, i, opts.documentMb);
    const eventCount = async () => JSON.parse((await call('GET', `/api/disputes/${id}`, 'sec-jan', undefined, 200)).text).version;
    let count = await eventCount();
    const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    while (count < opts.events) {
      await act(id, 'schedule-session', 'med-femke', { startsAt, location: `Utrecht, zaal ${count}` });
      count++;
    }
    count = await eventCount();
    log(`case ${id}: ${count} events, ${opts.documents} documents of ${opts.documentMb} MB`);

    const samples = [];
    let last;
    let msFirst;
    for (let run = 0; run < opts.runs + 1; run++) {
      const started = process.hrtime.bigint();
      const res = await download(base, await token('sec-jan'), `/api/disputes/${id}/dossier`);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (res.status !== 200) throw new Error(`dossier answered ${res.status}: ${res.body.toString('utf8').slice(0, 500)}`);
      if (run > 0) samples.push(ms);
      else msFirst = ms; // the first request after start, reported on its own
      last = res.body;
      log(`run ${run}: ${ms.toFixed(1)} ms, ${res.body.length} bytes${run === 0 ? ' (first after start)' : ''}`);
    }
    if (opts.out) fs.writeFileSync(opts.out, last);
    const { verifyDossier } = require(VERIFY);
    const key = JSON.parse((await request(base, 'GET', '/.well-known/gzc-signing-key')).text);
    const verifyStarted = process.hrtime.bigint();
    const report = await verifyDossier(new Uint8Array(last), { trustedKey: key });
    const verifyMs = Number(process.hrtime.bigint() - verifyStarted) / 1e6;
    const sorted = [...samples].sort((a, b) => a - b);
    const result = {
      benchmark: 'dossier',
      events: count,
      documents: opts.documents,
      documentBytes: Math.round(opts.documentMb * 1024 * 1024),
      zipBytes: last.length,
      runs: samples.length,
      msMedian: percentile(sorted, 50),
      msMax: round(sorted[sorted.length - 1]),
      msAll: samples.map((x) => round(x, 1)),
      msFirstAfterStart: round(msFirst, 1),
      verifyMs: round(verifyMs, 1),
      verifiedIntact: report.intact,
      targetMs: TARGET_MS,
      pass: Math.max(msFirst, ...samples) < TARGET_MS && report.intact,
      cpus: os.cpus().length,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (!result.pass) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A PDF-looking file of `mb` MB: a PDF header, then random (incompressible, like real scans) bytes. */
function uploadDocument(base, bearer, id, index, mb) {
  const content = Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(Math.round(mb * 1024 * 1024) - 15)]);
  const boundary = `----gzc${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="visibility"\r\n\r\nparties\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bijlage-${index + 1}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        ...base,
        method: 'POST',
        path: `/api/disputes/${id}/documents`,
        headers: {
          authorization: `Bearer ${bearer}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': body.length,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 201
            ? resolve()
            : reject(new Error(`upload ${index}: ${res.statusCode} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function download(base, bearer, urlPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ ...base, method: 'GET', path: urlPath, headers: { authorization: `Bearer ${bearer}` } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

main().catch((error) => {
  log(error.stack || String(error));
  process.exitCode = 1;
});
