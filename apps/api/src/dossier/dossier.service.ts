import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { disputeStreamId, initialState, type Actor, type DirectoryView } from '../../../../libs/domain/src';
import type { EventStore } from '../../../../libs/event-store/src/port';
import type { Clock } from '../../../../libs/runtime/src/clock';
import { CLOCK, DIRECTORY, EVENT_STORE } from '../../../../libs/runtime/src/tokens';
import { CHECKPOINT_SIGNING_KEY, type CheckpointSigningKey } from '../checkpoints/checkpoint.tokens';
import { CaseNotFoundError } from '../common/errors';
import { DOCUMENT_STORAGE } from '../documents/documents.tokens';
import type { DocumentStorage } from '../documents/storage/document-storage';
import { ProblemException, problemType } from '../http/problem';
import { selectDossierContents, type DossierContents } from './dossier-contents';
import { buildManifest, signManifest } from './dossier-manifest';
import { renderDossierPdf } from './dossier-pdf';
import { streamDossierZip } from './dossier-zip';

/** A document's stored bytes are gone: the dossier would be incomplete, so none is made. */
const documentMissing = (): ProblemException =>
  new ProblemException({
    status: 409,
    type: problemType('document_integrity_failed'),
    code: 'document_integrity_failed',
    detail: 'A document of this case is missing from storage, so a complete case file cannot be made. The incident has been logged.',
  });

/** The case file of one reader: what they may see, with a manifest that proves it complete and unaltered. */
@Injectable()
export class DossierService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Dossier');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(DIRECTORY) private readonly directory: DirectoryView,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CHECKPOINT_SIGNING_KEY) private readonly key: CheckpointSigningKey,
  ) {}

  /**
   * pdfkit loads its fonts and the engine compiles its paths on the first PDF: measured at about
   * 2.5 s on a busy two-core machine (bench/dossier.bench.js), which would fall on the first reader.
   * A small PDF at start, not awaited, takes that cost off the first request.
   */
  onApplicationBootstrap(): void {
    void renderDossierPdf(warmUpContents(), this.directory, new Date(0).toISOString()).catch(() => undefined);
  }

  /** Everything that can fail with a clear answer happens before the first byte is sent. */
  async open(disputeId: string, actor: Actor): Promise<{ fileName: string; content: Readable }> {
    const streamId = disputeStreamId(disputeId);
    // The store checks the hash chain on this read: a tampered history answers 409, never a dossier.
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw new CaseNotFoundError(disputeId);
    const contents = selectDossierContents(disputeId, streamId, events, actor);
    for (const { document } of contents.documents) {
      if (!(await this.storage.exists(document.sha256))) {
        this.logger.error(`Dossier of ${disputeId}: document ${document.documentId} (sha256 ${document.sha256}) is missing from storage.`);
        throw documentMissing();
      }
    }
    const now = this.clock.now();
    const generatedAt = now.toISOString();
    const pdf = await renderDossierPdf(contents, this.directory, generatedAt);
    const eventsJsonl = Buffer.from(contents.lines.map((line) => `${JSON.stringify(line)}\n`).join(''), 'utf8');
    const content = streamDossierZip({
      pdf,
      eventsJsonl,
      modifiedAt: now,
      documents: contents.documents.map((d) => ({ path: d.path, open: () => this.storage.open(d.document.sha256) })),
      manifest: (files) => signManifest(buildManifest(contents, actor, generatedAt, files), this.key),
    });
    content.on('error', (error) => this.logger.error(`Dossier of ${disputeId} broke off while streaming: ${error.message}`));
    return { fileName: `dossier-${contents.state.caseNumber ?? disputeId}.zip`, content };
  }
}

/** An empty case file, rendered once at start to warm the PDF engine. */
function warmUpContents(): DossierContents {
  return {
    disputeId: 'warm-up',
    streamId: 'dispute-warm-up',
    access: 'full',
    state: initialState('warm-up'),
    lines: [],
    withheldEvents: [],
    documents: [],
    withheldDocuments: [],
    chainHead: { revision: 0, hash: '' },
  };
}
