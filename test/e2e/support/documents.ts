import { multipart, type FilePart } from './sample-documents';
import { toApiResponse, type ApiResponse, type Headers, type TestApp } from './test-app';

export const documentsPath = (id: string): string => `/api/disputes/${id}/documents`;

/** POST a multipart upload as `userId`: `visibility` and one file part unless told otherwise. */
export async function upload(
  t: TestApp,
  userId: string,
  id: string,
  file: FilePart | FilePart[] | undefined,
  fields: Record<string, string> = { visibility: 'parties' },
  headers: Headers = {},
): Promise<ApiResponse> {
  const files = file === undefined ? [] : Array.isArray(file) ? file : [file];
  const { body, contentType } = multipart(fields, files);
  const bearer = await t.token(userId);
  return toApiResponse(
    await t
      .http()
      .post(documentsPath(id))
      .set({ Authorization: `Bearer ${bearer}`, 'Content-Type': contentType, ...headers })
      .send(body),
  );
}

/** GET `path` as `userId` with the body as a Buffer whatever its type (a problem document parsed). */
export async function getBytes(t: TestApp, userId: string, path: string): Promise<ApiResponse & { bytes: Buffer }> {
  const bearer = await t.token(userId);
  const res = await t
    .http()
    .get(path)
    .set({ Authorization: `Bearer ${bearer}` })
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  const bytes = Buffer.isBuffer(res.body) ? res.body : Buffer.alloc(0);
  let body: unknown = res.body;
  if (String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) body = JSON.parse(bytes.toString('utf8'));
  return { ...toApiResponse(res), body, text: bytes.toString('utf8'), bytes };
}

/** GET a document's bytes as `userId` (the body as a Buffer whatever its type). */
export function download(t: TestApp, userId: string, id: string, documentId: string): Promise<ApiResponse & { bytes: Buffer }> {
  return getBytes(t, userId, `${documentsPath(id)}/${documentId}`);
}

/** Uploads a small PDF as `userId` and answers its documentId (fails loudly otherwise). */
export async function uploadDocument(
  t: TestApp,
  userId: string,
  id: string,
  visibility = 'parties',
  filename = 'vaststellingsovereenkomst.pdf',
): Promise<string> {
  const { samplePdf } = await import('./sample-documents');
  const res = await upload(t, userId, id, { filename, contentType: 'application/pdf', content: samplePdf() }, { visibility });
  if (res.status !== 201) throw new Error(`upload by ${userId}: expected 201, got ${res.status}: ${res.text?.slice(0, 500)}`);
  return res.body.documentId;
}
