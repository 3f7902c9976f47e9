import busboy from 'busboy';
import type { Request } from 'express';
import { ProblemException, problemType, RequestValidationException, type FieldError } from '../../http/problem';
import { ContentTooLargeError, type DocumentStorage, type StagedContent } from '../storage/document-storage';

/** Room for the multipart envelope (boundaries, part headers, small fields) around the file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface ReceivedFile {
  staged: StagedContent;
  /** The file name exactly as the client sent it (unsafe: sanitise before use). */
  fileName: string;
  /** The Content-Type the client declared for the file part. */
  declaredType: string;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file?: ReceivedFile;
}

export const tooLarge = (maxBytes: number): ProblemException =>
  new ProblemException({
    status: 413,
    type: problemType('document_too_large'),
    code: 'document_too_large',
    detail: `The document is larger than ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(0)} MB), the most this service accepts. Split or compress it.`,
    errors: [{ field: 'file', message: `must be at most ${maxBytes} bytes` }],
  });

const notMultipart = (): ProblemException =>
  new ProblemException({
    status: 415,
    type: problemType('unsupported_media_type'),
    code: 'unsupported_media_type',
    detail: 'Upload a document as multipart/form-data with the parts "file" and "visibility".',
  });

/**
 * Streams a multipart/form-data request: the one `file` part goes straight into the storage's
 * staging area (hashed on the way, never held in memory), small text parts are collected. Refuses
 * a second file, unknown file parts, oversized fields and malformed bodies with 400, a file over
 * `maxBytes` with 413. Whatever was staged is discarded when the request fails.
 */
export async function receiveUpload(req: Request, storage: DocumentStorage, maxBytes: number): Promise<ReceivedUpload> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw notMultipart();
  const declaredLength = Number(req.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes + MULTIPART_OVERHEAD_BYTES) throw tooLarge(maxBytes);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8', // browsers send UTF-8 file names without RFC 2231 encoding
      limits: { files: 1, fields: 8, parts: 10, fieldSize: 1024, fieldNameSize: 100, headerPairs: 50 },
    });
  } catch {
    throw new RequestValidationException([{ field: 'body', message: 'is not valid multipart/form-data (no boundary)' }]);
  }

  const fields: Record<string, string> = Object.create(null) as Record<string, string>; // `__proto__` is just a name here
  const errors: FieldError[] = [];
  let staging: Promise<ReceivedFile> | undefined;

  const finished = new Promise<void>((resolve, reject) => {
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || staging !== undefined) {
        errors.push({
          field: name,
          message: name === 'file' ? 'send one file per request' : 'unknown file part; send the document as "file"',
        });
        stream.resume();
        return;
      }
      staging = storage
        .stage(stream, { maxBytes })
        .then((staged) => ({ staged, fileName: info.filename ?? '', declaredType: info.mimeType ?? '' }));
      staging.catch(() => undefined); // observed below; no unhandled rejection meanwhile
    });
    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) {
        errors.push({ field: name, message: 'is too long' });
      } else if (Object.prototype.hasOwnProperty.call(fields, name)) {
        errors.push({ field: name, message: 'is given more than once' });
      } else {
        fields[name] = value;
      }
    });
    parser.on('filesLimit', () => errors.push({ field: 'file', message: 'send one file per request' }));
    parser.on('fieldsLimit', () => errors.push({ field: 'body', message: 'has too many fields' }));
    parser.on('partsLimit', () => errors.push({ field: 'body', message: 'has too many parts' }));
    parser.on('close', resolve);
    parser.on('error', reject);
    // A client that goes away mid-upload: stop the parser, which fails the file stream, so the
    // staging file is removed and nothing waits for bytes that will never come.
    const abandon = (): void => {
      if (req.complete) return;
      parser.destroy(new Error('request aborted'));
      reject(new Error('request aborted'));
    };
    req.on('aborted', abandon);
    req.on('close', abandon);
  });
  req.pipe(parser);

  let file: ReceivedFile | undefined;
  try {
    const malformed = await finished.then(
      () => false,
      () => true,
    );
    let stagingError: unknown;
    if (staging) file = await staging.catch((error: unknown) => void (stagingError = error));
    if (stagingError instanceof ContentTooLargeError) throw tooLarge(maxBytes);
    if (malformed) {
      throw new RequestValidationException([{ field: 'body', message: 'is malformed or incomplete multipart/form-data' }]);
    }
    if (stagingError !== undefined) throw stagingError; // the storage failed: ours, not the client's
    if (errors.length > 0) throw new RequestValidationException(errors);
    return { fields: { ...fields }, ...(file ? { file } : {}) };
  } catch (error) {
    req.unpipe(parser);
    req.resume(); // drain what the client still sends, so it reads our answer instead of a reset
    await file?.staged.discard();
    throw error;
  }
}
