// Checks events.jsonl and the withheld entries against the hash chain: every revision from 0 to
// the chain head is there exactly once, in order, each hash recomputes, and each links to the one
// before it. Names the event that changed, went missing or moved.
import type { DossierEventLine, DossierManifest, WithheldEvent } from './format';
import { contentHash, linkHash } from './hashing';
import type { DossierProblem } from './problems';

type Entry = { withheld: false; line: DossierEventLine } | { withheld: true; record: WithheldEvent };

const isHex64 = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

function parseLines(text: string, problems: DossierProblem[]): DossierEventLine[] {
  const lines: DossierEventLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    try {
      const line = JSON.parse(raw) as DossierEventLine;
      if (!Number.isInteger(line.revision) || typeof line.id !== 'string' || !isHex64(line.hash)) throw new Error('shape');
      lines.push(line);
    } catch {
      const revision = /"revision":(\d+)/.exec(raw)?.[1];
      problems.push({ kind: 'event_unreadable', line: index + 1, revision: revision === undefined ? undefined : Number(revision) });
    }
  });
  return lines;
}

/** The events read in file order; the first one out of order is reported as moved. */
function checkOrder(lines: DossierEventLine[], problems: DossierProblem[]): void {
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].revision < lines[i - 1].revision) {
      problems.push({ kind: 'event_reordered', revision: lines[i].revision, after: lines[i - 1].revision });
      return;
    }
  }
}

export async function verifyEvents(
  manifest: DossierManifest,
  eventsText: string | undefined,
  problems: DossierProblem[],
): Promise<Map<number, DossierEventLine>> {
  const lines = eventsText === undefined ? [] : parseLines(eventsText, problems);
  checkOrder(lines, problems);
  const entries = new Map<number, Entry>();
  const visible = new Map<number, DossierEventLine>();
  const add = (revision: number, entry: Entry): void => {
    if (entries.has(revision)) problems.push({ kind: 'event_duplicated', revision });
    else entries.set(revision, entry);
  };
  for (const line of lines) {
    add(line.revision, { withheld: false, line });
    visible.set(line.revision, line);
  }
  for (const record of manifest.withheld.events) add(record.revision, { withheld: true, record });

  const head = manifest.chainHead;
  const unreadable = new Set(problems.flatMap((p) => (p.kind === 'event_unreadable' && p.revision !== undefined ? [p.revision] : [])));
  for (const revision of [...entries.keys()].filter((r) => r > head.revision || r < 0).sort((a, b) => a - b)) {
    problems.push({ kind: 'event_unexpected', revision });
  }
  // undefined: the event before is missing, so this link cannot be checked.
  let previousHash: string | null | undefined = null;
  for (let revision = 0; revision <= head.revision; revision++) {
    const entry = entries.get(revision);
    if (!entry) {
      if (!unreadable.has(revision)) problems.push({ kind: 'event_removed', revision });
      previousHash = undefined;
      continue;
    }
    const claimed = entry.withheld ? entry.record : entry.line;
    let content = claimed.contentHash;
    let changed = !isHex64(content);
    if (!entry.withheld && !entry.line.redacted && !changed) {
      content = await contentHash(entry.line);
      changed = content !== entry.line.contentHash;
    }
    if (!entry.withheld && previousHash !== undefined && entry.line.previousHash !== previousHash) changed = true;
    if (!changed && previousHash !== undefined) {
      const recomputed = await linkHash({
        streamId: manifest.streamId,
        revision,
        recordedAt: claimed.recordedAt,
        contentHash: content,
        previousHash,
      });
      changed = recomputed !== claimed.hash;
    }
    if (changed) problems.push({ kind: 'event_changed', revision, withheld: entry.withheld });
    previousHash = claimed.hash;
  }
  const last = entries.get(head.revision);
  const lastHash = last ? (last.withheld ? last.record.hash : last.line.hash) : undefined;
  if (last && lastHash !== head.hash) problems.push({ kind: 'chain_head_mismatch', revision: head.revision });
  return visible;
}
