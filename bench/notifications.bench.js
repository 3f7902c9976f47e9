'use strict';
// Benchmark: notifications. (1) Replays a generated history (npm run seed:history's generator,
// into a fresh SQLite event store) through the notifier's decider: each dispute folded with the
// domain's evolve, decideNotices per event, with the demo directory. Reports notices decided per
// second (target >= 5,000/s), and separately the same with rendering (Dutch text, HTML, .ics).
// (2) The notifier itself: the same events through the notifier projection (its own fold of each
// case loaded and saved, decide, render, outbox rows written) in transactions of 500 events on an
// SQLite read-model file, as the projection engine runs it; messages written per second.
// (3) Delivery: N messages from an SQLite outbox to a real SMTP server on loopback (smtp-server),
// through the OutboxSender, reported as messages per second. Prints one JSON document on stdout.
//
//   npm run build && node bench/notifications.bench.js [--cases 100000] [--notifier-events all|N] [--deliver 1000] [--keep]
//   [--history <dir>]: use the events.sqlite a --keep run left in <dir> instead of generating one

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { round } = require('./tools/bench-common');

const BENCHMARK = 'notifications';
const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const TARGET_DECIDED_PER_SECOND = 5000;

const log = (...parts) => process.stderr.write(`[${BENCHMARK}] ${parts.join(' ')}\n`);

function parseArgs(argv) {
  const opts = { cases: 100_000, deliver: 1000, notifierEvents: Infinity, history: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--cases':
        opts.cases = Number(value());
        break;
      case '--notifier-events': {
        const v = value();
        opts.notifierEvents = v === 'all' ? Infinity : Number(v);
        break;
      }
      case '--history':
        opts.history = value();
        break;
      case '--deliver':
        opts.deliver = Number(value());
        break;
      case '--keep':
        opts.keep = true;
        break;
      default:
        log(`ignoring unknown argument ${argv[i]}`);
    }
  }
  return opts;
}

function requireDist(relative) {
  const file = path.join(DIST, relative);
  if (!fs.existsSync(path.join(file, 'index.js')) && !fs.existsSync(`${file}.js`))
    throw new Error(`${file} not built: run npm run build first`);
  return require(file);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  require('reflect-metadata');
  const domain = requireDist('libs/domain/src');
  const notifications = requireDist('libs/notifications/src');
  const { SqliteEventStore } = requireDist('libs/event-store/src');
  const { openReadModels } = requireDist('libs/read-models/src');
  const directory = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures', 'demo-directory.json'), 'utf8'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gzc-bench-notifications-'));
  const result = {
    benchmark: BENCHMARK,
    note: 'Measured on a shared 2-core machine under load from other work: figures are indicative only.',
    cases: opts.cases,
  };
  try {
    // ---- the history ----------------------------------------------------------------------------
    if (opts.history) {
      // A history generated before (e.g. kept with --keep): its events.sqlite is read, never changed.
      log(`reading the history in ${opts.history}`);
      result.history = 'reused';
    } else {
      log(`generating ${opts.cases} cases (seed:history generator, no projections) in ${dir}`);
      const seedStarted = Date.now();
      execFileSync(
        process.execPath,
        [path.join(DIST, 'apps', 'seed-history', 'src', 'main.js'), '--cases', String(opts.cases), '--data-dir', dir, '--no-project'],
        {
          env: { ...process.env, EVENT_STORE: 'sqlite', DATABASE_URL: '', KURRENTDB_URL: '', REQUEST_LOG: 'off' },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      result.seedSeconds = round((Date.now() - seedStarted) / 1000, 1);
    }
    const store = await SqliteEventStore.open({ filename: path.join(opts.history ?? dir, 'events.sqlite') });
    const events = [];
    for (let after = 0; ;) {
      const page = await store.readAll({ after, maxCount: 20_000, streamPrefix: 'dispute-' });
      for (const e of page) events.push(e);
      if (page.length < 20_000) break;
      after = page[page.length - 1].position;
    }
    await store.close();
    result.events = events.length;
    result.cases = new Set(events.map((e) => e.streamId)).size;
    log(`${events.length} dispute events read`);

    // ---- deciding ---------------------------------------------------------------------------------
    const index = new notifications.RecipientIndex(directory.users);
    const byId = new Map(directory.users.map((u) => [u.id, u]));
    const replay = (render) => {
      const states = new Map();
      let decided = 0;
      let rendered = 0;
      const started = process.hrtime.bigint();
      for (const stored of events) {
        const event = domain.toDisputeEvent(stored);
        const disputeId = domain.disputeIdOf(stored.streamId);
        const before = states.get(disputeId) ?? domain.initialState(disputeId);
        const after = domain.evolve(before, event);
        states.set(disputeId, after);
        const notices = notifications.decideNotices(event, {
          eventId: stored.id,
          actorUserId: stored.metadata.actor?.userId,
          before,
          after,
          index,
        });
        decided += notices.length;
        if (render) {
          for (const notice of notices) {
            notifications.outboxRowOf(notice, byId.get(notice.userId), {
              publicUrl: 'https://geschillen.example.nl',
              messageIdDomain: 'geschillen.example.nl',
            });
            rendered++;
          }
        }
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { decided, rendered, seconds };
    };
    replay(false); // warm-up
    const decide = replay(false);
    result.decide = {
      noticesDecided: decide.decided,
      seconds: round(decide.seconds, 2),
      eventsPerSecond: round(events.length / decide.seconds, 0),
      noticesPerSecond: round(decide.decided / decide.seconds, 0),
      targetNoticesPerSecond: TARGET_DECIDED_PER_SECOND,
      meetsTarget: decide.decided / decide.seconds >= TARGET_DECIDED_PER_SECOND,
    };
    log(`decided ${decide.decided} notices in ${decide.seconds.toFixed(2)} s`);
    const withRender = replay(true);
    result.decideAndRender = {
      messages: withRender.rendered,
      seconds: round(withRender.seconds, 2),
      messagesPerSecond: round(withRender.rendered / withRender.seconds, 0),
    };
    log(`decided and rendered ${withRender.rendered} messages in ${withRender.seconds.toFixed(2)} s`);

    // ---- through the notifier projection (SQLite read models, transactions of 500 events) -----------
    {
      const notifierEvents = events.slice(0, Math.min(events.length, opts.notifierEvents));
      const readModels = await openReadModels({ dataDir: path.join(dir, 'notifier-db') });
      const organisations = new Map(directory.organisations.map((o) => [o.id, o]));
      const projection = notifications.createNotifierProjection({
        recipients: { users: () => directory.users, organisation: (id) => organisations.get(id) },
        now: () => new Date(),
        publicUrl: 'https://geschillen.example.nl',
        messageIdDomain: 'geschillen.example.nl',
      });
      log(`through the notifier projection: ${notifierEvents.length} events`);
      const started = process.hrtime.bigint();
      for (let i = 0; i < notifierEvents.length; i += 500) {
        const batch = notifierEvents.slice(i, i + 500);
        await readModels.dataSource.transaction((manager) => projection.apply(batch, manager));
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const [{ n }] = await readModels.dataSource.query('SELECT COUNT(*) AS n FROM notification_messages');
      result.notifier = {
        events: notifierEvents.length,
        messagesWritten: Number(n),
        seconds: round(seconds, 2),
        eventsPerSecond: round(notifierEvents.length / seconds, 0),
        messagesPerSecond: round(Number(n) / seconds, 0),
        store: 'SQLite read-model file (WAL), one transaction per 500 events, as the projection engine batches',
      };
      log(`notifier wrote ${n} messages in ${seconds.toFixed(2)} s`);
      await readModels.close();
    }

    // ---- delivering to a loopback SMTP server -----------------------------------------------------
    const { SMTPServer } = require('smtp-server');
    let received = 0;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          received++;
          callback();
        });
      },
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.server.address().port;
    const outboxDir = path.join(dir, 'outbox-db');
    const readModels = await openReadModels({ dataDir: outboxDir });
    const user = directory.users[0];
    const rows = Array.from({ length: opts.deliver }, (_, i) => {
      const id = notifications.outboxIdOf(`bench-${i}`);
      return {
        id,
        messageId: notifications.messageIdOf(id, 'geschillen.example.nl'),
        userId: user.id,
        email: user.email ?? 'bench@example.nl',
        recipientName: user.name,
        disputeId: 'bench',
        kind: 'document_submitted',
        essential: false,
        subject: 'Zaak GZC-2026-0001: er is een nieuw document',
        bodyText: 'Beste lezer,\n\nEr is een nieuw document.\n',
        bodyHtml: '<p>Er is een nieuw document.</p>',
        link: 'https://geschillen.example.nl/zaken/bench',
        ics: null,
        icsMethod: null,
        createdAt: new Date().toISOString(),
      };
    });
    await readModels.dataSource.transaction((m) => notifications.insertOutboxRows(m, rows));
    const connection = await notifications.openNotificationConnection(readModels.location, 'bench');
    const sender = new notifications.OutboxSender(connection, {
      transport: new notifications.SmtpTransport(`smtp://127.0.0.1:${port}`),
      from: 'bench@geschilleninstantie.example',
      now: () => new Date(),
      batchSize: 100,
    });
    const started = Date.now();
    for (;;) {
      const r = await sender.round();
      if (r.sent + r.failed + r.skipped === 0) break;
    }
    const seconds = (Date.now() - started) / 1000;
    result.delivery = {
      messages: opts.deliver,
      received,
      seconds: round(seconds, 2),
      messagesPerSecond: round(received / seconds, 0),
      transport: 'nodemailer SMTP (pooled connections), loopback smtp-server, one message at a time',
    };
    await sender.stop();
    await connection.destroy();
    await readModels.close();
    await new Promise((resolve) => server.close(resolve));
  } finally {
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  log(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
