import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import {
  decide,
  DOCUMENT_VISIBILITIES,
  isCaseVisibleTo,
  type Actor,
  type DirectoryView,
  type DocumentVisibility,
  type Policies,
} from '../../../../../libs/domain/src';
import type { ReadModels } from '../../../../../libs/read-models/src/contracts';
import type { Clock } from '../../../../../libs/runtime/src/clock';
import { CaseNotFoundError } from '../../common/errors';
import { APP_CONFIG, CLOCK, DIRECTORY, POLICIES, READ_MODELS } from '../../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../../libs/runtime/src/config/app-config';
import { CommandBus } from '@nestjs/cqrs';
import { RunDisputeCommand, type CommandResult } from '../../disputes/application/dispute-commands';
import { IdempotencyInterceptor } from '../../http/idempotency.interceptor';
import { shapeIdempotentAnswer } from '../../http/idempotent-outcome';
import { ProblemException, problemType, RequestValidationException, type FieldError } from '../../http/problem';
import { ACCEPTED_LABELS, recogniseDocumentType } from '../content/document-types';
import { nameForType } from '../content/file-name';
import { DOCUMENT_STORAGE } from '../documents.tokens';
import { receiveUpload, type ReceivedUpload } from '../http/multipart-upload';
import type { DocumentStorage } from '../storage/document-storage';
import type { DocumentUploaded } from './document-views';

const UPLOAD_FIELDS = new Set(['visibility']);

export interface UploadOptions {
  expectedVersion?: number;
  correlationId: string;
}

/**
 * POST /api/disputes/{id}/documents. Order matters: who may upload is checked before a byte is
 * read; the bytes are staged (hashed, fsynced) and recognised by their content; only then are they
 * committed under their hash, and only after that is DocumentSubmitted appended, so an
 * acknowledged document is always on disk. A crash between commit and append leaves a file that
 * nothing refers to, which is harmless.
 */
@Injectable()
export class UploadDocumentService {
  constructor(
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(POLICIES) private readonly policies: Policies,
    @Inject(DIRECTORY) private readonly directory: DirectoryView,
    private readonly commandBus: CommandBus,
    private readonly idempotency: IdempotencyInterceptor,
  ) {}

  async upload(disputeId: string, actor: Actor, req: Request, res: Response, options: UploadOptions): Promise<DocumentUploaded> {
    await this.checkMayUpload(disputeId, actor);
    const upload = await receiveUpload(req, this.storage, this.config.documentMaxBytes);
    const staged = upload.file?.staged;
    try {
      const { visibility, file } = validate(upload);
      if (file.staged.sizeBytes === 0) {
        throw new RequestValidationException([{ field: 'file', message: 'is empty; upload a file with content' }]);
      }
      const recognition = await recogniseDocumentType(() => file.staged.read(), file.declaredType);
      if (!recognition.ok) throw unsupported(recognition);
      // Named after what the content is, not what the sender says it is.
      const name = nameForType(file.fileName, recognition.mediaType);
      const { sha256, sizeBytes } = file.staged;
      const fingerprint = `POST ${req.originalUrl}\n${visibility}\n${name}\n${recognition.mediaType}\n${sha256}`;
      return await this.idempotency.runOnce(req, res, fingerprint, 201, async () => {
        await file.staged.commit();
        const documentId = randomUUID();
        const answer = (result: CommandResult): DocumentUploaded => ({
          documentId,
          sha256,
          sizeBytes,
          name,
          mediaType: recognition.mediaType,
          visibility,
          id: result.id,
          status: result.status,
          version: result.version,
        });
        // The answer recorded with the events (Idempotency-Key) is this whole answer, not the bare result.
        shapeIdempotentAnswer((result) => answer(result as CommandResult));
        const result: CommandResult = await this.commandBus.execute(
          new RunDisputeCommand(
            disputeId,
            { type: 'submit-document', documentId, name, mediaType: recognition.mediaType, sizeBytes, sha256, visibility },
            actor,
            options,
          ),
        );
        return answer(result);
      });
    } finally {
      await staged?.discard(); // nothing after a commit; otherwise the staged bytes go
    }
  }

  /**
   * 404 for a case the caller may not see, 403/409 when they may not submit now: decided on the
   * read model before the body is read, so nothing of a refused upload is stored. The command handler
   * decides again on the event stream; this is only the early answer.
   */
  private async checkMayUpload(disputeId: string, actor: Actor): Promise<void> {
    const state = await this.readModels.getCase(disputeId);
    if (!state || !isCaseVisibleTo(state, actor)) throw new CaseNotFoundError(disputeId);
    const probe = {
      type: 'submit-document' as const,
      documentId: randomUUID(),
      name: 'probe',
      mediaType: 'text/plain',
      sizeBytes: 1,
      sha256: '0'.repeat(64),
      visibility: 'parties' as const,
    };
    decide(probe, state, { actor, now: this.clock.now().toISOString(), policies: this.policies, directory: this.directory });
  }
}

function validate(upload: ReceivedUpload): { visibility: DocumentVisibility; file: NonNullable<ReceivedUpload['file']> } {
  const errors: FieldError[] = [];
  for (const name of Object.keys(upload.fields)) {
    if (!UPLOAD_FIELDS.has(name)) errors.push({ field: name, message: 'is not a field of a document upload (file, visibility)' });
  }
  const visibility = upload.fields['visibility'];
  if (visibility === undefined) {
    errors.push({ field: 'visibility', message: `is required: one of ${DOCUMENT_VISIBILITIES.join(', ')}` });
  } else if (!(DOCUMENT_VISIBILITIES as readonly string[]).includes(visibility)) {
    errors.push({ field: 'visibility', message: `must be one of ${DOCUMENT_VISIBILITIES.join(', ')}` });
  }
  if (!upload.file) errors.push({ field: 'file', message: 'is required: the document as a file part named "file"' });
  if (errors.length > 0 || !upload.file) throw new RequestValidationException(errors);
  return { visibility: visibility as DocumentVisibility, file: upload.file };
}

function unsupported(recognition: Exclude<Awaited<ReturnType<typeof recogniseDocumentType>>, { ok: true }>): ProblemException {
  if (recognition.reason === 'declared_type_mismatch') {
    const detail = `The file was sent as ${recognition.declared}, but its content is ${recognition.detected}. Send it with its true type (or as application/octet-stream).`;
    return new ProblemException({
      status: 415,
      type: problemType('document_type_mismatch'),
      code: 'document_type_mismatch',
      detail,
      errors: [{ field: 'file', message: detail }],
    });
  }
  const detail = `This kind of file is not accepted (its content is ${recognition.detected}). Accepted: ${ACCEPTED_LABELS}.`;
  return new ProblemException({
    status: 415,
    type: problemType('document_type_not_accepted'),
    code: 'document_type_not_accepted',
    detail,
    errors: [{ field: 'file', message: detail }],
  });
}
