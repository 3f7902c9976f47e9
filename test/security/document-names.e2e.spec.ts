import { download, upload } from '../e2e/support/documents';
import { fileDispute } from '../e2e/support/dispute-fixtures';
import { startTestApp, type TestApp } from '../e2e/support/test-app';

// Finding 3: a document's name cannot lie about its type. What the other party downloads is
// named with the extension of what the content is, as an attachment that is never sniffed.

describe("a document's name ends with the extension of its detected type", () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await startTestApp();
    id = await fileDispute(t);
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
});
