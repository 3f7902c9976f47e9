'use strict';
// Benchmark: projection rebuild rate (events/s). Generates a realistic log — a mix of dispute
// lifecycles, each command decided by the domain's decide() on the dispute's folded state, the
// events appended through the event store like the API's executor appends them (registrations
// with their case-number registry event in one atomic append), many disputes in flight at once so
// their events interleave — then rebuilds each projection from scratch (rebuildProjection: replay
// into fresh tables, atomic swap) and reports events replayed per second. SQLite always;
// PostgreSQL (events and read models) when DATABASE_URL is set. Prints one JSON document on stdout.
//
//   node bench/rebuild.bench.js [--events 200000] [--in-flight 200] [--batch-size 5000] [--backends sqlite,postgres] [--keep]

const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const BENCHMARK = 'rebuild';
const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'libs');
const TARGET_EVENTS_PER_SECOND = 20_000;

function log(...parts) {
  process.stderr.write(`[${BENCHMARK}] ${parts.join(' ')}\n`);
}

function parseArgs(argv) {
  const opts = { events: 200_000, inFlight: 200, batchSize: 5000, backends: ['sqlite', 'postgres'], keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    const positive = (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number, got ${v}`);
      return n;
    };
    switch (flag) {
      case '--events': opts.events = positive(value()); break;
      case '--in-flight': opts.inFlight = positive(value()); break;
      case '--batch-size': opts.batchSize = positive(value()); break;
      case '--backends': opts.backends = String(value()).split(',').filter(Boolean); break;
      case '--keep': opts.keep = true; break;
      default: log(`ignoring unknown argument ${argv[i]}`);
    }
  }
  return opts;
}

function requireDist(relative) {
  const file = path.join(DIST, relative);
  if (!fs.existsSync(`${file}.js`) && !fs.existsSync(path.join(file, 'index.js'))) {
    throw new Error(`${file} not built: run npm run build first (npm run bench:rebuild does)`);
  }
  return require(file);
}

const domain = requireDist('domain/src');
const { SqliteEventStore, PostgresEventStore } = requireDist('event-store/src');
const readModelsLib = requireDist('read-models/src');

// ---- the log: dispute lifecycles through decide() -------------------------------------------------

const demo = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures', 'demo-directory.json'), 'utf8'));
const directory = domain.createDirectoryView({ organisations: demo.organisations, users: demo.users });
const actorOf = (userId) => {
  const user = directory.user(userId);
  if (!user) throw new Error(`demo directory has no user ${userId}`);
  return { userId: user.id, role: user.role, organisationId: user.organisationId };
};
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();
const SECTORS = ['physiotherapy_paramedical', 'mental_health', 'pharmacy', 'multidisciplinary'];

const fileCommand = (disputeId, i) => ({
  type: 'file-dispute',
  disputeId,
  phase: i % 4 === 0 ? 'precontractual' : 'contractual',
  legalFramework: 'zvw',
  sector: SECTORS[i % SECTORS.length],
  subjects: i % 3 === 0 ? ['tariff', 'volume_ceiling'] : ['tariff'],
  contractYear: 2025,
  claimantOrganisationIds: ['org-fysio-delinde'],
  respondentOrganisationIds: ['org-zv-noord'],
  summary: `Dispute ${i}: the insurer lowered the tariff mid-year and capped the volume.`,
  claims: [{ description: 'Restore the agreed tariff', amountCents: 100_000 + (i % 97) * 10_000 }],
  amountInDisputeCents: 100_000 + (i % 97) * 10_000,
  proposedRoute: 'mediation',
  urgent: i % 5 === 0,
  ...(i % 5 === 0 ? { urgencyReason: 'Clients lose care from next month' } : {}),
});

// Steps after filing: [userId, command or (now) => command]. `register` gets its number at append time.
const REGISTER = Symbol('register');
const LIFECYCLES = [
  // settled in mediation (the common case)
  { weight: 40, steps: [
    ['sec-jan', REGISTER],
    ['ins-carla', { type: 'accept-submission', route: 'mediation' }],
    ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }],
    ['prov-anna', { type: 'waive-challenge' }],
    ['ins-carla', { type: 'waive-challenge' }],
    ['sec-jan', { type: 'appoint-neutrals' }],
    ['med-femke', (now) => ({ type: 'schedule-session', sessionId: 's1', startsAt: iso(Date.parse(now) + DAY), location: 'Utrecht' })],
    ['med-femke', { type: 'record-session', sessionId: 's1', notes: 'Parties moved closer' }],
    // A full agreement records the settlement document (rule 15).
    ['prov-anna', { type: 'submit-document', documentId: 'vso', name: 'vaststellingsovereenkomst.pdf', mediaType: 'application/pdf', sizeBytes: 48_213, sha256: 'a'.repeat(64), visibility: 'parties' }],
    ['med-femke', { type: 'conclude-mediation', result: 'full_agreement', settlementDocumentId: 'vso' }],
  ] },
  // no agreement, escalated to binding advice with a panel of three, a challenge, a decision, a fee
  { weight: 15, steps: [
    ['sec-jan', REGISTER],
    ['ins-carla', { type: 'accept-submission', route: 'mediation' }],
    ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }],
    ['prov-anna', { type: 'waive-challenge' }],
    ['ins-carla', { type: 'waive-challenge' }],
    ['sec-jan', { type: 'appoint-neutrals' }],
    ['med-femke', { type: 'conclude-mediation', result: 'no_agreement' }],
    ['prov-anna', { type: 'request-escalation', route: 'binding_advice' }],
    ['ins-carla', { type: 'accept-escalation' }],
    ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['adv-hanna', 'adv-isaac', 'adv-julia'], chairUserId: 'adv-hanna' }],
    ['ins-carla', { type: 'challenge-neutral', neutralUserId: 'adv-julia', grounds: 'advised the provider before' }],
    ['sec-jan', { type: 'decide-challenge', neutralUserId: 'adv-julia', upheld: false }],
    ['prov-anna', { type: 'waive-challenge' }],
    ['ins-carla', { type: 'waive-challenge' }],
    ['sec-jan', { type: 'appoint-neutrals' }],
    ['prov-anna', { type: 'submit-statement', kind: 'statement_of_claim', text: 'Our claim' }],
    ['ins-carla', { type: 'submit-statement', kind: 'statement_of_defence', text: 'Our defence' }],
    ['adv-hanna', (now) => ({ type: 'schedule-hearing', hearingId: 'h1', startsAt: iso(Date.parse(now) + DAY), location: 'Utrecht' })],
    ['adv-isaac', { type: 'record-hearing', hearingId: 'h1' }],
    ['adv-hanna', { type: 'render-decision', outcome: 'claim_granted', claimantCostSharePct: 0, summary: 'Tariff restored' }],
    ['sec-jan', { type: 'invoice-fee', invoiceId: 'i1', organisationId: 'org-zv-noord', kind: 'neutral_fee', amountCents: 300_000 }],
  ] },
  // declined by the respondent
  { weight: 15, steps: [
    ['sec-jan', REGISTER],
    ['ins-carla', { type: 'decline-submission', reason: 'No grounds for a dispute' }],
  ] },
  // inadmissible after a request for information
  { weight: 10, steps: [
    ['sec-jan', { type: 'request-information', questions: 'Which contract year is this about?' }],
    ['prov-anna', { type: 'provide-information', answers: 'None, it concerns one patient' }],
    ['sec-jan', { type: 'declare-inadmissible', reason: 'not_a_contracting_dispute', explanation: 'Not about contracting' }],
  ] },
  // withdrawn during route negotiation
  { weight: 20, steps: [
    ['sec-jan', REGISTER],
    ['ins-carla', { type: 'propose-route', route: 'arbitration', reason: 'Binding outcome needed' }],
    ['prov-anna', { type: 'withdraw', reason: 'Too heavy for us' }],
  ] },
];
const WEIGHTED = LIFECYCLES.flatMap((l) => Array(l.weight).fill(l));

// As the API's executor records them: each event type's current data-shape version.
const metadataFor = (type, actor, correlationId) => ({ schemaVersion: domain.currentSchemaVersion(type), actor, correlationId, causationId: correlationId });

/** One dispute in flight: its folded state and the steps left. */
function newDispute(i, startMs) {
  const disputeId = randomUUID();
  const lifecycle = WEIGHTED[(i * 37) % WEIGHTED.length];
  return {
    disputeId,
    streamId: domain.disputeStreamId(disputeId),
    state: domain.initialState(disputeId),
    revision: -1,
    nowMs: startMs,
    steps: [['prov-anna', fileCommand(disputeId, i)], ...lifecycle.steps],
    next: 0,
  };
}

/**
 * Appends disputes' commands round by round: each round, every dispute in flight takes its next
 * step, decided on its current state; one atomic multi-stream append per round (each stream with
 * its expected revision), the year's case-number registry included for registrations.
 */
async function generateLog(store, opts) {
  let started = 0;
  let events = 0;
  const startMs = Date.parse('2025-01-06T08:00:00.000Z');
  const registry = new Map(); // year -> { revision, lastSequence }
  let inFlight = [];
  const t0 = Date.now();
  while (events < opts.events) {
    while (inFlight.length < opts.inFlight) inFlight.push(newDispute(started, startMs + started++ * 7 * 60_000));
    const appends = [];
    const registrations = new Map(); // year -> events
    for (const d of inFlight) {
      const [userId, step] = d.steps[d.next++];
      d.nowMs += 2 * DAY + (d.next % 3) * 3_600_000;
      const now = iso(d.nowMs);
      const context = { actor: actorOf(userId), now, policies: domain.DEFAULT_POLICIES, directory };
      let command = typeof step === 'function' ? step(now) : step;
      if (step === REGISTER) {
        const year = domain.caseNumberYear(now);
        const entry = registry.get(year) ?? { revision: -1, lastSequence: 0 };
        registry.set(year, entry);
        const assigned = domain.assignCaseNumber({ year, lastSequence: entry.lastSequence }, d.disputeId, now);
        entry.lastSequence = assigned.data.sequence;
        command = { type: 'register', caseNumber: assigned.data.caseNumber };
        const list = registrations.get(year) ?? [];
        list.push({ type: assigned.type, data: assigned.data, metadata: metadataFor(assigned.type, context.actor, d.disputeId) });
        registrations.set(year, list);
      }
      const decided = domain.decide(command, d.state, context);
      for (const e of decided) d.state = domain.evolve(d.state, e);
      const correlationId = randomUUID();
      appends.push({
        streamId: d.streamId,
        expectedVersion: d.revision < 0 ? 'no_stream' : d.revision,
        events: decided.map((e) => ({ type: e.type, data: e.data, metadata: metadataFor(e.type, context.actor, correlationId) })),
      });
      d.revision += decided.length;
      events += decided.length;
    }
    for (const [year, list] of registrations) {
      const entry = registry.get(year);
      appends.push({ streamId: domain.caseNumberStreamId(year), expectedVersion: entry.revision < 0 ? 'no_stream' : entry.revision, events: list });
      entry.revision += list.length;
      events += list.length;
    }
    await store.appendToStreams(appends);
    inFlight = inFlight.filter((d) => d.next < d.steps.length);
  }
  const head = await store.headPosition();
  log(`generated ${events} events (${started} disputes) in ${((Date.now() - t0) / 1000).toFixed(1)} s; head ${head}`);
  return { events, disputes: started, head };
}

// ---- the measurement ------------------------------------------------------------------------------

async function measureRebuilds(readModels, store, opts) {
  const results = [];
  for (const projection of readModelsLib.DEFAULT_PROJECTIONS) {
    const result = await readModelsLib.rebuildProjection(readModels, store, projection, { batchSize: opts.batchSize });
    const eventsPerSecond = Math.round(result.events / (result.durationMs / 1000));
    log(`${projection.name}: ${result.events} events in ${result.durationMs} ms = ${eventsPerSecond} events/s`);
    results.push({ projection: projection.name, events: result.events, durationMs: result.durationMs, eventsPerSecond });
  }
  return results;
}

async function runBackend(name, opts, cleanups) {
  let store;
  let readModels;
  if (name === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gzc-bench-rebuild-'));
    if (opts.keep) log(`keeping ${dir}`);
    else cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    store = SqliteEventStore.open({ filename: path.join(dir, 'events.sqlite') });
    readModels = await readModelsLib.openReadModels({ dataDir: dir });
  } else {
    const schema = `bench_rebuild_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    if (opts.keep) log(`keeping schema ${schema}`);
    else cleanups.push(async () => {
      const { Client } = require('pg');
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });
    store = await PostgresEventStore.open({ connectionString: process.env.DATABASE_URL, schema });
    readModels = await readModelsLib.openReadModels({ databaseUrl: process.env.DATABASE_URL, schema });
  }
  try {
    const log_ = await generateLog(store, opts);
    const projections = await measureRebuilds(readModels, store, opts);
    const minimum = Math.min(...projections.map((p) => p.eventsPerSecond));
    return { backend: name, events: log_.events, disputes: log_.disputes, projections, minEventsPerSecond: minimum, pass: minimum >= TARGET_EVENTS_PER_SECOND };
  } finally {
    await readModels.close();
    await store.close();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const backends = opts.backends.filter((b) => b === 'sqlite' || (b === 'postgres' && process.env.DATABASE_URL));
  if (opts.backends.includes('postgres') && !process.env.DATABASE_URL) log('DATABASE_URL not set: PostgreSQL skipped');
  const cleanups = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) await Promise.resolve().then(fn).catch((e) => log(`cleanup: ${e.message}`));
  };
  process.once('SIGINT', () => cleanup().finally(() => process.exit(130)));
  try {
    const results = [];
    for (const backend of backends) results.push(await runBackend(backend, opts, cleanups));
    const output = {
      benchmark: BENCHMARK,
      node: process.version,
      cpus: os.cpus().length,
      options: opts,
      target: { eventsPerSecond: TARGET_EVENTS_PER_SECOND, per: 'projection rebuild, every backend' },
      results,
      pass: results.length > 0 && results.every((r) => r.pass),
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  log(`failed: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
