// The links of the events one write appends to a stream, computed before the append from the
// stream's last event as read under the same expected revision the append then states: if anyone
// appended in between, the server refuses the append (WrongExpectedVersion), so a chain cannot fork.
import { contentHash, linkHash } from '../chain';
import type { KurrentChainLink } from './chain-metadata';

/** The stream's last event as read before the write; undefined when the stream does not exist. */
export interface ChainTip {
  revision: number;
  /** Its chain hash; null when it was written before the chain (the write then starts the chain). */
  hash: string | null;
}

export interface EventToChain {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export function planChain(
  streamId: string,
  tip: ChainTip | undefined,
  events: readonly EventToChain[],
  recordedAt: string,
): KurrentChainLink[] {
  let revision = tip === undefined ? 0 : tip.revision + 1;
  let previousHash = tip?.hash ?? null;
  const startsChain = tip !== undefined && tip.hash === null;
  return events.map((event, i) => {
    // canonicalJson follows JSON.stringify's rules, as the client's serialisation does, so this is
    // the hash of the event as read back.
    const hash = linkHash({ streamId, revision, recordedAt, contentHash: contentHash(event), previousHash });
    const link: KurrentChainLink = { hash, previousHash, recordedAt, ...(startsChain && i === 0 ? { startsChain: true as const } : {}) };
    previousHash = hash;
    revision += 1;
    return link;
  });
}
