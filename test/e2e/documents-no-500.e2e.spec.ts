import fc from 'fast-check';
import { fileDispute } from './support/dispute-fixtures';
import { documentsPath } from './support/documents';
import { DOCX_TYPE, multipart, sampleDocx, samplePdf, samplePng, sampleText, sampleZip } from './support/sample-documents';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// Whatever multipart a client sends to the upload route, the answer is below 500, and every
// 4xx is a problem document.

const USERS = ['prov-anna', 'ins-carla', 'sec-jan', 'prov-bram', 'obs-karin'];
const SAMPLES = [samplePdf(), samplePng(), sampleDocx(), sampleZip(), sampleText(), Buffer.alloc(0)];
const TYPES = [
  'application/pdf',
  'image/png',
  DOCX_TYPE,
  'text/plain',
  'application/octet-stream',
  'application/zip',
  '',
  'x/y; a=b',
  'text/plain; charset=latin1',
];
const NAMES = ['../../etc/passwd', '..\\x', '', '.', 'a'.repeat(500), 'naïve €.pdf', 'CON', '%00.pdf', '"quoted".txt'];

const partArb = fc.record({
  field: fc.constantFrom('file', 'other', 'visibility', ''),
  filename: fc.option(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 40 })), { nil: undefined }),
  contentType: fc.option(fc.oneof(fc.constantFrom(...TYPES), fc.string({ unit: 'grapheme-ascii', maxLength: 30 })), { nil: undefined }),
  content: fc.oneof(
    fc.constantFrom(...SAMPLES),
    fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  ),
});
const fieldsArb = fc.dictionary(
  fc.constantFrom('visibility', 'title', 'kind', 'file', '__proto__'),
  fc.oneof(fc.constantFrom('parties', 'neutral_only', 'secretariat', ''), fc.string({ maxLength: 30 })),
  { maxKeys: 3 },
);

describe('upload: no 500 for anything a client sends', () => {
  let t: TestApp;
  let id: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    id = await fileDispute(t);
    for (const user of USERS) tokens[user] = await t.token(user);
  });
  afterAll(async () => {
    await t.close();
    removeDataDir(t.dataDir);
  });

  it('well-formed multipart with random parts, names, types and bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...USERS), fieldsArb, fc.array(partArb, { maxLength: 3 }), async (user, fields, parts) => {
        const { body, contentType } = multipart(
          fields,
          parts.map((p) => ({ ...p, field: p.field || 'file' })),
        );
        const res = await t
          .http()
          .post(documentsPath(id))
          .set({ Authorization: `Bearer ${tokens[user]}`, 'Content-Type': contentType })
          .send(body);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 150 },
    );
  });

  it('random bodies and content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'multipart/form-data',
          'multipart/form-data; boundary=',
          'multipart/form-data; boundary=abc',
          'multipart/mixed; boundary=abc',
          'text/plain',
        ),
        fc.uint8Array({ maxLength: 400 }),
        async (contentType, bytes) => {
          const res = await t
            .http()
            .post(documentsPath(id))
            .set({ Authorization: `Bearer ${tokens['prov-anna']}`, 'Content-Type': contentType })
            .send(Buffer.concat([Buffer.from('--abc\r\n'), Buffer.from(bytes)]));
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
        },
      ),
      { numRuns: 100 },
    );
  });
});
