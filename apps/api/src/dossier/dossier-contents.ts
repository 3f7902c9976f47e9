// What one reader's dossier holds, decided by the domain's visibility rules (visibility.ts) and
// nothing else: the events they may see (with confidential parts removed, marked `redacted`), the
// documents they may see, and for everything else only its place and hashes (docs/dossier.md).
import canonicalize from 'canonicalize';
import {
  canSeeDocument,
  caseAccess,
  foldEvents,
  toDisputeEvent,
  visibleEventData,
  type Actor,
  type DisputeState,
  type DocumentOnCase,
} from '../../../../libs/domain/src';
import { contentHash, linkHash } from '../../../../libs/event-store/src/chain';
import type { StoredEvent } from '../../../../libs/event-store/src/port';
import { DOCUMENTS_DIR, type DossierEventLine, type WithheldEvent } from '../../../../libs/dossier-verify/src/format';
import { CaseNotFoundError } from '../common/errors';
import { ProblemException, problemType } from '../http/problem';

export interface DossierDocument {
  document: DocumentOnCase;
  revision: number;
  path: string;
}

export interface DossierContents {
  disputeId: string;
  streamId: string;
  access: 'full' | 'term_record';
  /** The case as this reader sees it: as it is now, or as it stood when their term ended (rule 3). */
  state: DisputeState;
  lines: DossierEventLine[];
  withheldEvents: WithheldEvent[];
  documents: DossierDocument[];
  withheldDocuments: { documentId: string; revision: number }[];
  chainHead: { revision: number; hash: string };
}

/** A nominee checks conflicts on a summary (rule 2): a case file is not theirs to take. */
const notForNominee = (): ProblemException =>
  new ProblemException({
    status: 403,
    type: problemType('dossier_not_available'),
    code: 'dossier_not_available',
    detail: 'A nominated neutral sees the conflict-check summary only; the case file becomes available on appointment.',
  });

/** A name safe as one path segment in a ZIP (no separators, no control characters, no dot-only names). */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').trim();
  return cleaned === '' || /^\.+$/.test(cleaned) ? 'document' : cleaned.slice(0, 150);
}

/** Chain hashes recomputed from the events the store just checked against its own chain columns. */
function chainOf(events: StoredEvent[]): { contentHash: string; previousHash: string | null; hash: string }[] {
  let previousHash: string | null = null;
  return events.map((event) => {
    const content = contentHash(event);
    const hash = linkHash({
      streamId: event.streamId,
      revision: event.revision,
      recordedAt: event.recordedAt,
      contentHash: content,
      previousHash,
    });
    const link = { contentHash: content, previousHash, hash };
    previousHash = hash;
    return link;
  });
}

export function selectDossierContents(disputeId: string, streamId: string, events: StoredEvent[], actor: Actor): DossierContents {
  const current = foldEvents(events.map(toDisputeEvent), disputeId);
  const access = caseAccess(current, actor);
  if (!current.exists || access.kind === 'none') throw new CaseNotFoundError(disputeId);
  if (access.kind === 'conflict_check') throw notForNominee();
  // Rule 3: a former neutral's record ends with their term; what came after is not withheld but
  // absent, so not even its number or timing shows. Their chain ends at their term's last event.
  const record = access.kind === 'term_record' ? events.slice(0, access.untilVersion) : events;
  const chain = chainOf(record);
  const lines: DossierEventLine[] = [];
  const withheldEvents: WithheldEvent[] = [];
  const documents: DossierDocument[] = [];
  const withheldDocuments: { documentId: string; revision: number }[] = [];
  record.forEach((event, i) => {
    const { contentHash: content, previousHash, hash } = chain[i];
    const data = visibleEventData({ type: event.type, data: event.data, version: event.revision + 1 }, current, actor);
    const documentId = event.type === 'DocumentSubmitted' ? String(event.data.documentId) : undefined;
    if (data === undefined) {
      withheldEvents.push({ revision: event.revision, id: event.id, recordedAt: event.recordedAt, contentHash: content, hash });
      if (documentId) withheldDocuments.push({ documentId, revision: event.revision });
      return;
    }
    const redacted = canonicalize(data) !== canonicalize(event.data);
    lines.push({
      revision: event.revision,
      id: event.id,
      type: event.type,
      recordedAt: event.recordedAt,
      data,
      metadata: event.metadata as unknown as Record<string, unknown>,
      contentHash: content,
      previousHash,
      hash,
      ...(redacted ? { redacted: true as const } : {}),
    });
    const document = documentId ? current.documents.find((d) => d.documentId === documentId) : undefined;
    if (document && canSeeDocument(document, current, actor)) {
      documents.push({ document, revision: event.revision, path: `${DOCUMENTS_DIR}${document.documentId}/${safeFileName(document.name)}` });
    }
  });
  const state = access.kind === 'term_record' ? foldEvents(record.map(toDisputeEvent), disputeId) : current;
  const last = record[record.length - 1];
  return {
    disputeId,
    streamId,
    access: access.kind,
    state,
    lines,
    withheldEvents,
    documents,
    withheldDocuments,
    chainHead: { revision: last.revision, hash: chain[chain.length - 1].hash },
  };
}
