#!/usr/bin/env node
'use strict';
// The event loop's CPU per .eml message: composed and written on the event loop (nodemailer's
// MailComposer and synchronous file writes, as the transport did before) against the transport
// of dist/, which hands both to a worker thread. Counts the main thread's CPU from
// /proc/self/task/<pid>/stat, alternating the two ways in rounds. Prints one JSON document.
//
//   npm run build && node bench/tools/mail-writer.js [--messages 500] [--rounds 5]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const MailComposer = require('nodemailer/lib/mail-composer');
// From the build (run `npm run build` first); a computed path, so the dependency check does not need dist/.
const { EmlFileTransport, toNodemailer } = require(path.join(__dirname, '..', '..', 'dist/libs/notifications/src/transports'));
const { processCpuMs, round } = require('./bench-common');

const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : def);
const messages = opt('messages', 500);
const rounds = opt('rounds', 5);

const mail = (i) => ({
  messageId: `<m-${i}@gzc.example>`,
  kind: 'respondent_invited',
  link: 'https://gzc.example/zaken/d-1',
  from: 'Geschilleninstantie Zorgcontractering <noreply@gzc.example>',
  to: { name: 'Anna de Vries', address: 'anna@zorgaanbieder.example' },
  subject: 'U bent uitgenodigd te reageren op zaak GZC-2026-0001',
  text: 'Beste Anna,\n\nEr is een geschil ingediend waarin u partij bent.\nMet vriendelijke groet\n'.repeat(6),
  html: '<p>Beste Anna,</p><p>Er is een geschil ingediend waarin u partij bent.</p>'.repeat(6),
  date: new Date('2026-12-01T09:30:00.000Z'),
});

async function onEventLoop(folder) {
  for (let i = 0; i < messages; i++) {
    const m = mail(i);
    const crlf = await new Promise((resolve, reject) =>
      new MailComposer(toNodemailer(m)).compile().build((error, message) => (error ? reject(error) : resolve(message))),
    );
    const target = path.join(folder, `m-${i}.eml`);
    fs.writeFileSync(`${target}.tmp`, Buffer.from(crlf.toString('latin1').replaceAll('\r', ''), 'latin1'), { mode: 0o600 });
    fs.chmodSync(`${target}.tmp`, 0o600);
    fs.renameSync(`${target}.tmp`, target);
  }
}

async function inWorker(folder, transport) {
  for (let i = 0; i < messages; i++) await transport.send(mail(i));
}

async function measure(way, folder, transport) {
  const cpu0 = processCpuMs(process.pid, process.pid);
  const t0 = process.hrtime.bigint();
  await (way === 'eventLoop' ? onEventLoop(folder) : inWorker(folder, transport));
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    way,
    mainThreadCpuMsPerMessage: round((processCpuMs(process.pid, process.pid) - cpu0) / messages, 3),
    wallMsPerMessage: round(wallMs / messages, 3),
  };
}

(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mail-writer-'));
  const folder = path.join(root, 'outbox');
  const transport = new EmlFileTransport(folder);
  try {
    await measure('eventLoop', folder, transport); // warm-up, both ways
    await measure('worker', folder, transport);
    const runs = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ['eventLoop', 'worker'] : ['worker', 'eventLoop'];
      for (const way of order) runs.push(await measure(way, folder, transport));
    }
    const median = (way, key) => {
      const v = runs
        .filter((x) => x.way === way)
        .map((x) => x[key])
        .sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)];
    };
    const summary = Object.fromEntries(
      ['eventLoop', 'worker'].map((way) => [
        way,
        { mainThreadCpuMsPerMessage: median(way, 'mainThreadCpuMsPerMessage'), wallMsPerMessage: median(way, 'wallMsPerMessage') },
      ]),
    );
    console.log(
      JSON.stringify(
        {
          benchmark: 'mail-writer',
          messages,
          rounds,
          node: process.version,
          cpus: os.cpus().length,
          loadAverage1m: round(os.loadavg()[0], 2),
          summary,
          runs,
        },
        null,
        2,
      ),
    );
  } finally {
    transport.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
