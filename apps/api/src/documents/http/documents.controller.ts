import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import type { Request, Response } from 'express';
import { DOCUMENT_VISIBILITIES, type Actor } from '../../../../../libs/domain/src';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { DisputeIdPipe } from '../../disputes/http/dispute-id.pipe';
import { IfMatch } from '../../http/if-match';
import { ApiCaseProblemResponses, ProblemSchema } from '../../http/openapi';
import { RequestId } from '../../http/request-id';
import type { DocumentUploaded, DocumentView } from '../application/document-views';
import { ReadDocumentsService } from '../application/read-documents.service';
import { UploadDocumentService } from '../application/upload-document.service';
import { ACCEPTED_LABELS } from '../content/document-types';
import { nameForType } from '../content/file-name';
import { DocumentIdPipe } from './document-id.pipe';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/disputes')
export class DocumentsController {
  constructor(
    private readonly uploads: UploadDocumentService,
    private readonly documents: ReadDocumentsService,
  ) {}

  @Post(':id/documents')
  @HttpCode(201)
  @ApiOperation({
    summary: `Submit a document (multipart/form-data: file, visibility). Accepted: ${ACCEPTED_LABELS}, recognised by content.`,
    operationId: 'submit-document',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'visibility'],
      properties: {
        file: { type: 'string', format: 'binary' },
        visibility: { type: 'string', enum: [...DOCUMENT_VISIBILITIES] },
      },
    },
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The case version you last saw; 409 if the case moved on' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer' })
  @ApiCreatedResponse({ description: '{documentId, sha256, sizeBytes, name, mediaType, visibility, id, status, version}' })
  @ApiCaseProblemResponses()
  @ApiPayloadTooLargeResponse({ type: ProblemSchema, description: 'Larger than DOCUMENT_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemSchema, description: 'Not an accepted type, or the declared type disagrees with the content' })
  @ApiUnprocessableEntityResponse({ type: ProblemSchema, description: 'Idempotency-Key reused for another request' })
  upload(
    @Param('id', DisputeIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @IfMatch() expectedVersion: number | undefined,
    @RequestId() requestId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentUploaded> {
    return this.uploads.upload(id, actor, req, res, {
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      correlationId: requestId,
    });
  }

  @Get(':id/documents')
  @ApiOperation({ summary: 'The documents of the case the caller may see' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ description: '{items: [{documentId, name, mediaType, sizeBytes, sha256, visibility, submittedAt, submittedByUserId, downloadUrl}]}' })
  @ApiCaseProblemResponses()
  list(@Param('id', DisputeIdPipe) id: string, @CurrentActor() actor: Actor): Promise<{ items: DocumentView[] }> {
    return this.documents.list(id, actor);
  }

  @Get(':id/documents/:documentId')
  @ApiOperation({ summary: 'Download a document (attachment), verified against its recorded SHA-256' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'documentId', format: 'uuid' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The document' })
  @ApiCaseProblemResponses()
  async download(
    @Param('id', DisputeIdPipe) id: string,
    @Param('documentId', DocumentIdPipe) documentId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.open(id, documentId, actor);
    // Offered under a name that ends with its type's extension, also for documents recorded before that rule.
    const name = nameForType(document.name, document.mediaType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('ETag', `"${document.sha256}"`);
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`); // RFC 9530
    return new StreamableFile(content, {
      type: document.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : document.mediaType,
      // RFC 6266: an ASCII fallback in filename, the exact UTF-8 name in filename* (RFC 8187).
      disposition: contentDisposition(name, { type: 'attachment', fallback: asciiFallback(name) }),
      length: document.sizeBytes,
    });
  }
}

/** For clients without RFC 8187: accents dropped, anything else outside printable ASCII as `_`. */
export function asciiFallback(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
}
