import type { DocumentOnCase } from '../../../../../libs/domain/src';
import { nameForType } from '../content/file-name';

/** One document as GET /api/disputes/{id}/documents lists it. */
export interface DocumentView {
  documentId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  visibility: string;
  submittedAt: string;
  submittedByUserId: string;
  downloadUrl: string;
}

export const documentsPath = (disputeId: string): string => `/api/disputes/${disputeId}/documents`;

export const toDocumentView = (disputeId: string, d: DocumentOnCase): DocumentView => ({
  documentId: d.documentId,
  // Documents recorded before names were made to fit their type are offered under a fitting name too.
  name: nameForType(d.name, d.mediaType),
  mediaType: d.mediaType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  visibility: d.visibility,
  submittedAt: d.submittedAt,
  submittedByUserId: d.submittedByUserId,
  downloadUrl: `${documentsPath(disputeId)}/${d.documentId}`,
});

/** What an accepted upload answers (201). */
export interface DocumentUploaded {
  documentId: string;
  sha256: string;
  sizeBytes: number;
  name: string;
  mediaType: string;
  visibility: string;
  /** The case after the upload, as every command answers it. */
  id: string;
  status: string;
  version: number;
}
