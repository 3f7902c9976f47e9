'use strict';
// The appends the chain benchmarks time (chain, chain-compare, chain-hash): one event shape, and
// `concurrency` workers appending batches of `events` to streams of their own for `seconds`.
const { randomUUID } = require('node:crypto');

/** A case event of a few fields, Dutch text and an actor; `withId` adds the id the store would. */
function caseEvent(i, withId = false) {
  const event = {
    type: 'InformationProvided',
    data: {
      answers: `Antwoord ${i}: de tariefafspraak van 2026 dekt de kosten van de zorg niet.`,
      amountCents: 1_250_000 + i,
      occurredAt: new Date().toISOString(),
    },
    metadata: {
      schemaVersion: 1,
      actor: { userId: 'prov-anna', role: 'claimant', organisationId: 'org-fysio-delinde' },
      correlationId: randomUUID(),
    },
  };
  return withId ? { id: randomUUID(), ...event } : event;
}

/** Appends for `seconds` and returns how many events were appended and the process's CPU use meanwhile. */
async function appendFor(store, { concurrency, events, seconds }) {
  const deadline = Date.now() + seconds * 1000;
  const cpuBefore = process.cpuUsage();
  let appended = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const stream = `dispute-${randomUUID()}`;
      let expected = 'no_stream';
      let n = 0;
      while (Date.now() < deadline) {
        const batch = Array.from({ length: events }, () => caseEvent(n++));
        expected = (await store.appendToStream(stream, batch, expected)).nextExpectedVersion;
        appended += events;
      }
    }),
  );
  return { appended, cpu: process.cpuUsage(cpuBefore) };
}

/**
 * One event as the PostgreSQL store sends it to its append function (postgres-event-store.ts,
 * prepareCaller): data and metadata as JCS text, with the content hash. `dist` is the built event store.
 */
function appendFunctionInput(dist, event) {
  const id = randomUUID();
  const d = dist.canonicalJson(event.data);
  const m = dist.canonicalJson(event.metadata);
  return { i: id, t: event.type, d, m, h: dist.contentHashOfTexts(id, event.type, d, m) };
}

module.exports = { caseEvent, appendFor, appendFunctionInput };
