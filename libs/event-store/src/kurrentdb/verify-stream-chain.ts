// Checks a range of one KurrentDB stream against the links in its events' metadata. The chained
// part is checked by the shared verifyChain (the same rules and HistoryTamperedError as SQLite and
// PostgreSQL); what differs is the start. KurrentDB events cannot be rewritten, so a stream written
// before the chain existed cannot be sealed by a migration: its old events stay without links, and
// the first chained event records that it starts the chain (previousHash null, startsChain). So:
// events without a link are accepted only before that start; one after a linked event is not ours.
import { linkHash, contentHash, HistoryTamperedError, verifyChain, type ChainColumns } from '../chain';
import type { StoredEvent } from '../port';
import type { ChainReading } from './chain-metadata';

export interface ReadRange {
  /** True when the read began at the stream's first event (forwards, no fromRevision): it must be revision 0. */
  fromStreamStart: boolean;
}

/** Throws HistoryTamperedError at the first event that does not match. */
export function verifyStreamChain(events: readonly StoredEvent[], readings: readonly ChainReading[], range: ReadRange): void {
  if (events.length === 0) return;
  const order = events.map((_, i) => i).sort((a, b) => events[a].revision - events[b].revision);
  const first = events[order[0]];
  // A truncated stream ($tb) or one whose first events were scavenged starts past revision 0.
  if (range.fromStreamStart && first.revision !== 0) throw new HistoryTamperedError(first.streamId, first.revision, 'revision_gap');
  for (let n = 1; n < order.length; n++) {
    const event = events[order[n]];
    if (event.revision !== events[order[n - 1]].revision + 1)
      throw new HistoryTamperedError(event.streamId, event.revision, 'revision_gap');
  }

  const firstLinked = order.findIndex((i) => readings[i].kind !== 'absent');
  if (firstLinked === -1) return; // all written before the chain
  const start = order[firstLinked];
  const startReading = readings[start];
  const isChainStart = startReading.kind === 'linked' && startReading.link.startsChain === true && events[start].revision > 0;
  if (firstLinked > 0 && !isChainStart) {
    // Unlinked events right before a link that does not start the chain: written behind our back.
    const unlinked = events[order[firstLinked - 1]];
    throw new HistoryTamperedError(unlinked.streamId, unlinked.revision, 'hash_missing');
  }

  const chained = order.slice(firstLinked);
  const columns = (i: number): ChainColumns => {
    const reading = readings[i];
    return reading.kind === 'linked'
      ? { hash: reading.link.hash, previousHash: reading.link.previousHash }
      : { hash: null, previousHash: null };
  };
  if (!isChainStart) {
    verifyChain(
      chained.map((i) => events[i]),
      chained.map(columns),
    );
    return;
  }
  // The chain start links to nothing; verifyChain expects that only at revision 0, so it is checked here.
  const startEvent = events[start];
  const startLink = columns(start);
  const expected = linkHash({
    streamId: startEvent.streamId,
    revision: startEvent.revision,
    recordedAt: startEvent.recordedAt,
    contentHash: contentHash(startEvent),
    previousHash: null,
  });
  if (expected !== startLink.hash) throw new HistoryTamperedError(startEvent.streamId, startEvent.revision, 'content_changed');
  const rest = chained.slice(1);
  if (rest.length === 0) return;
  const next = columns(rest[0]);
  if (next.hash !== null && next.previousHash !== startLink.hash) {
    throw new HistoryTamperedError(events[rest[0]].streamId, events[rest[0]].revision, 'link_broken');
  }
  verifyChain(
    rest.map((i) => events[i]),
    rest.map(columns),
  );
}
