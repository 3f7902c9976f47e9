import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DOCUMENT_STORAGE } from '../../apps/api/src/documents/documents.tokens';
import type { DocumentStorage } from '../../apps/api/src/documents/storage/document-storage';
import type { EventStore } from '../../libs/event-store/src/port';
import { EVENT_STORE } from '../../libs/runtime/src/tokens';
import { download, upload } from '../e2e/support/documents';
import { fileAndRegister, getCase } from '../e2e/support/dispute-fixtures';
import { eventually, startTestApp, type TestApp } from '../e2e/support/test-app';

// Finding 3: a document's name cannot lie about its type. What the other party downloads is
// named with the extension of what the content is, as an attachment that is never sniffed.

describe("a document's name ends with the extension of its detected type", () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await startTestApp();
    // Registered: the respondent sees the case from registration on (rule 1).
    id = (await fileAndRegister(t)).id;
  });
  afterAll(() => t.close());

  it.each([
    ['factuur.pdf.bat', 'factuur.pdf.bat.txt'],
    ['Verweerschrift.html', 'Verweerschrift.html.txt'],
  ])('text uploaded as %j is stored, listed and offered to the other party as %j', async (sent, expected) => {
    const content = Buffer.from('<script>alert(1)</script>\r\n@echo off\r\n');
    const res = await upload(t, 'prov-anna', id, { filename: sent, contentType: 'application/octet-stream', content });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: expected, mediaType: 'text/plain' });

    const listed = await t.as('ins-carla').get(`/api/disputes/${id}/documents`);
    expect(listed.body.items.find((d: { documentId: string }) => d.documentId === res.body.documentId)).toMatchObject({ name: expected });

    const got = await download(t, 'ins-carla', id, res.body.documentId);
    expect(got.status).toBe(200);
    const disposition = String(got.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain(`filename="${expected}"`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(String(got.headers['content-type'])).toBe('text/plain; charset=utf-8');
  });

  it('a document recorded before this rule under a lying name is offered under a fitting one (list, case, download)', async () => {
    // As an older release recorded it: text, named as a batch file.
    const content = Buffer.from('@echo off\r\n');
    const stored = await t.app.get<DocumentStorage>(DOCUMENT_STORAGE).put(Readable.from([content]), { maxBytes: 1024 });
    const documentId = randomUUID();
    await t.app.get<EventStore>(EVENT_STORE).appendToStream(
      `dispute-${id}`,
      [{
        type: 'DocumentSubmitted',
        data: { documentId, name: 'factuur.pdf.bat', mediaType: 'text/plain', sizeBytes: stored.sizeBytes, sha256: stored.sha256, visibility: 'parties', submittedByUserId: 'prov-anna' },
        metadata: { schemaVersion: 1, actor: { userId: 'prov-anna', role: 'provider', organisationId: 'org-fysio-delinde' }, correlationId: randomUUID() },
      }],
      'any',
    );
    const listed = await eventually(async () => {
      const res = await t.as('ins-carla').get(`/api/disputes/${id}/documents`);
      const found = res.body.items.find((d: { documentId: string }) => d.documentId === documentId);
      if (!found) throw new Error('not projected yet');
      return found;
    });
    expect(listed.name).toBe('factuur.pdf.bat.txt');
    const onCase = (await getCase(t, 'ins-carla', id)).documents.find((d: { documentId: string }) => d.documentId === documentId);
    expect(onCase.name).toBe('factuur.pdf.bat.txt');
    const got = await download(t, 'ins-carla', id, documentId);
    expect(got.status).toBe(200);
    expect(String(got.headers['content-disposition'])).toContain('filename="factuur.pdf.bat.txt"');
  });
});
