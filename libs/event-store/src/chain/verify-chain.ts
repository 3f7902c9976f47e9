// Checks events read from a store against their stored chain columns. Works on any contiguous
// range (forwards or backwards), so a read of the last event alone is checked too: each event's
// own hash is recomputed, and consecutive events must link.
import type { StoredEvent } from '../port';
import { contentHash, contentHashOfTexts, linkHash } from './event-hash';
import { HistoryTamperedError } from './history-tampered-error';

export interface ChainColumns {
  hash: string | null;
  previousHash: string | null;
  /**
   * The data and metadata column texts as stored, where the store keeps them (SQLite, PostgreSQL).
   * Rows appended since the texts are stored canonical are hashed from these texts as they are,
   * without serialising the parsed event again. If those texts hash to the stored hash, they are
   * the very texts hashed at append: each is a complete JSON value, so the content text they are
   * built into splits only one way, and the parsed event is the one that was hashed.
   */
  storedText?: { data: string; metadata: string };
}

/** Throws HistoryTamperedError at the first event that does not match. */
export function verifyChain(events: readonly StoredEvent[], chains: readonly ChainColumns[]): void {
  const order = events.map((_, i) => i).sort((a, b) => events[a].revision - events[b].revision);
  let before: { revision: number; hash: string } | undefined;
  for (const i of order) {
    const event = events[i];
    const { hash, previousHash, storedText } = chains[i];
    if (hash === null) throw new HistoryTamperedError(event.streamId, event.revision, 'hash_missing');
    if (event.revision === 0 ? previousHash !== null : previousHash === null) {
      throw new HistoryTamperedError(event.streamId, event.revision, 'link_broken');
    }
    if (before !== undefined) {
      if (event.revision !== before.revision + 1) throw new HistoryTamperedError(event.streamId, event.revision, 'revision_gap');
      if (previousHash !== before.hash) throw new HistoryTamperedError(event.streamId, event.revision, 'link_broken');
    }
    const linkOf = (content: string) =>
      linkHash({ streamId: event.streamId, revision: event.revision, recordedAt: event.recordedAt, contentHash: content, previousHash });
    const matches =
      (storedText !== undefined && linkOf(contentHashOfTexts(event.id, event.type, storedText.data, storedText.metadata)) === hash) ||
      // Rows stored before (their text is JSON.stringify's, keys in the caller's order), or edited.
      linkOf(contentHash(event)) === hash;
    if (!matches) throw new HistoryTamperedError(event.streamId, event.revision, 'content_changed');
    before = { revision: event.revision, hash };
  }
}
