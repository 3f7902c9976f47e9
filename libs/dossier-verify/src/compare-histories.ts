// Compares a dossier with an earlier one of the same case: the later history must extend the
// earlier one, hash for hash. A history rewritten wholesale (every hash recomputed, the dossier
// signed anew by whoever holds the key) passes on its own, but not against a copy made before.
import { unzipSync } from 'fflate';
import { EVENTS_PATH, MANIFEST_PATH, type DossierEventLine, type DossierManifest } from './format';
import type { DossierProblem } from './problems';

const decoder = new TextDecoder();

/** Revision → chain hash of every entry in the dossier (shown or withheld), and its stream. */
function chainOf(zip: Uint8Array): { streamId: string; head: number; hashes: Map<number, string> } | undefined {
  try {
    const files = unzipSync(zip);
    const manifest = JSON.parse(decoder.decode(files[MANIFEST_PATH])) as DossierManifest;
    const hashes = new Map<number, string>();
    for (const w of manifest.withheld.events) hashes.set(w.revision, w.hash);
    for (const raw of decoder.decode(files[EVENTS_PATH]).split('\n')) {
      if (raw.trim() === '') continue;
      const line = JSON.parse(raw) as DossierEventLine;
      hashes.set(line.revision, line.hash);
    }
    return { streamId: manifest.streamId, head: manifest.chainHead.revision, hashes };
  } catch {
    return undefined;
  }
}

/** Problems found comparing `later` with `earlier`; check each dossier on its own with verifyDossier too. */
export function compareHistories(earlier: Uint8Array, later: Uint8Array): DossierProblem[] {
  const before = chainOf(earlier);
  const after = chainOf(later);
  if (!before) return [{ kind: 'earlier_unreadable' }];
  if (!after) return [{ kind: 'manifest_invalid', detail: 'cannot compare' }];
  if (before.streamId !== after.streamId) return [{ kind: 'earlier_other_case' }];
  for (let revision = 0; revision <= Math.min(before.head, after.head); revision++) {
    const a = before.hashes.get(revision);
    const b = after.hashes.get(revision);
    // The first difference is the one to name: every hash after it differs through the links.
    if (a !== undefined && b !== undefined && a !== b) return [{ kind: 'history_rewritten', revision }];
  }
  return after.head < before.head ? [{ kind: 'history_shortened', revision: before.head }] : [];
}
