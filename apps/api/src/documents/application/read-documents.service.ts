import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  canSeeDocument,
  isCaseVisibleTo,
  type Actor,
  type DisputeState,
  type DocumentOnCase,
} from '../../../../../libs/domain/src';
import type { ReadModels } from '../../../../../libs/read-models/src/contracts';
import { CaseNotFoundError } from '../../common/errors';
import { READ_MODELS } from '../../../../../libs/runtime/src/tokens';
import { ProblemException, problemType } from '../../http/problem';
import { DOCUMENT_STORAGE } from '../documents.tokens';
import { StoredContentMissingError, type DocumentStorage } from '../storage/document-storage';
import { toDocumentView, type DocumentView } from './document-views';

/** A document one may not see answers exactly like one that does not exist. */
const documentNotFound = (): ProblemException =>
  new ProblemException({
    status: 404,
    type: problemType('document_not_found'),
    code: 'document_not_found',
    detail: 'No document with this id on this case that you can see.',
  });

/**
 * The stored bytes no longer match the SHA-256 recorded when the document was submitted (or are
 * gone). 409, not 500: the request is sound, but the document's state does not allow serving it;
 * uploading the same file again restores the stored copy (content addressing), and the operator
 * finds the incident in the log.
 */
const documentDamaged = (): ProblemException =>
  new ProblemException({
    status: 409,
    type: problemType('document_integrity_failed'),
    code: 'document_integrity_failed',
    detail:
      'The stored copy of this document no longer matches the fingerprint recorded when it was submitted, so it is not served. ' +
      'The incident has been logged; the secretariat can restore it by uploading the original again.',
  });

@Injectable()
export class ReadDocumentsService {
  private readonly logger = new Logger('Documents');

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async list(disputeId: string, actor: Actor): Promise<{ items: DocumentView[] }> {
    const state = await this.visibleCase(disputeId, actor);
    return {
      items: state.documents.filter((d) => canSeeDocument(d, state, actor)).map((d) => toDocumentView(disputeId, d)),
    };
  }

  /**
   * The document's bytes, verified against the recorded SHA-256 before the first byte is sent
   * (a whole extra read: at most DOCUMENT_MAX_BYTES, and a damaged file is never served).
   */
  async open(disputeId: string, documentId: string, actor: Actor): Promise<{ document: DocumentOnCase; content: Readable }> {
    const state = await this.visibleCase(disputeId, actor);
    const document = state.documents.find((d) => d.documentId === documentId);
    if (!document || !canSeeDocument(document, state, actor)) throw documentNotFound();
    const actual = await this.hashOfStored(document.sha256);
    if (actual !== document.sha256) {
      this.logger.error(
        `Document ${documentId} of dispute ${disputeId} failed its integrity check: recorded sha256 ${document.sha256}, ` +
          `stored ${actual ?? 'missing'}; refused to ${actor.userId}.`,
      );
      throw documentDamaged();
    }
    const content = await this.storage.open(document.sha256).catch((error: unknown) => {
      if (error instanceof StoredContentMissingError) throw documentDamaged(); // removed since the check
      throw error;
    });
    return { document, content };
  }

  private async visibleCase(disputeId: string, actor: Actor): Promise<DisputeState> {
    const state = await this.readModels.getCase(disputeId);
    if (!state || !isCaseVisibleTo(state, actor)) throw new CaseNotFoundError(disputeId);
    return state;
  }

  /** The SHA-256 of what is stored under `sha256`, or undefined when nothing is. */
  private async hashOfStored(sha256: string): Promise<string | undefined> {
    let content: Readable;
    try {
      content = await this.storage.open(sha256);
    } catch (error) {
      if (error instanceof StoredContentMissingError) return undefined;
      throw error;
    }
    const hash = createHash('sha256');
    for await (const chunk of content as AsyncIterable<Buffer>) hash.update(chunk);
    return hash.digest('hex');
  }
}
