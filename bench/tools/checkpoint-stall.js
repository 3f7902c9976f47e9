#!/usr/bin/env node
'use strict';
// What a signed checkpoint costs the event loop over a generated history: reads the heads of the
// case chains (as the checkpoint signer does), signs them and appends the checkpoint event, while
// a 1 ms timer measures how long the event loop stood still. Works on a copy: it appends.
//
//   npm run seed:history -- --cases 100000 --data-dir /tmp/hist
//   cp -a /tmp/hist /tmp/hist-copy && node bench/tools/checkpoint-stall.js --data-dir /tmp/hist-copy [--changed 3000]
//
// The first checkpoint lists every chain; then `--changed` chains get an event each, and the next
// checkpoint lists those (the signer's work per interval once it runs).
const path = require('node:path');
const { generateKeyPairSync } = require('node:crypto');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { flushDiskWrites } = require('./bench-common');

const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const dataDir = opt('data-dir');
const root = path.resolve(opt('root', path.join(__dirname, '..', '..')));
const changed = Number(opt('changed', 3000));
if (!dataDir) {
  console.error('usage: checkpoint-stall.js --data-dir DIR [--changed 3000] [--root CHECKOUT]');
  process.exit(2);
}
const { SqliteEventStore } = require(path.join(root, 'dist/libs/event-store/src'));
const { signCheckpoint, CHECKPOINT_STREAM, CHECKPOINT_EVENT_TYPE } = require(path.join(root, 'dist/libs/event-store/src/chain'));

const round = (n) => Math.round(n * 10) / 10;

async function phase(name, work, into) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  delay.enable();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  longest = Math.max(longest, performance.now() - last);
  clearInterval(ticker);
  delay.disable();
  into[name] = { ms: round(ms), longestStallMs: round(longest) };
  return result;
}

async function checkpoint(store, privateKey, after, label, into) {
  const phases = {};
  const through = await store.headPosition();
  const heads = await phase('chainHeads', () => store.chainHeads('dispute-', { after }), phases);
  const signed = await phase(
    'sign',
    async () => signCheckpoint({ heads, after, through, keyId: 'bench', signedAt: new Date().toISOString() }, privateKey),
    phases,
  );
  await phase(
    'append',
    () =>
      store.appendToStream(
        CHECKPOINT_STREAM,
        [{ type: CHECKPOINT_EVENT_TYPE, data: { ...signed }, metadata: { schemaVersion: 1 } }],
        'any',
      ),
    phases,
  );
  into[label] = { heads: heads.length, checkpointBytes: JSON.stringify(signed).length, phases };
  return through;
}

(async () => {
  // The copy this runs on may still be being written back; every fsync would wait behind it.
  const diskFlushedBeforeStart = flushDiskWrites();
  const store = SqliteEventStore.open({ filename: path.join(dataDir, 'events.sqlite') });
  const { privateKey } = generateKeyPairSync('ed25519');
  const result = {};
  try {
    // The first checkpoint lists every chain; the next only those changed since.
    const through = await checkpoint(store, privateKey, 0, 'first', result);
    const streams = (await store.chainHeads('dispute-')).slice(0, changed).map((h) => h.streamId);
    for (const streamId of streams)
      await store.appendToStream(streamId, [{ type: 'BenchmarkNote', data: {}, metadata: { schemaVersion: 1 } }], 'any');
    await checkpoint(store, privateKey, through, `after${changed}Changed`, result);
    console.log(JSON.stringify({ benchmark: 'checkpoint-stall', root, changed, diskFlushedBeforeStart, ...result }, null, 2));
  } finally {
    await store.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
