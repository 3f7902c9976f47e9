import { Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIMANT, expectProblem, fileAndRegister, fileDispute, getCase, getTimeline, RESPONDENT, SECRETARIAT } from './support/dispute-fixtures';
import { documentsPath, download, upload } from './support/documents';
import {
  DOCX_TYPE,
  sampleDocx,
  sampleExe,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleText,
  sampleXlsx,
  sampleZip,
  XLSX_TYPE,
} from './support/sample-documents';
import { eventually, removeDataDir, startTestApp, type TestApp } from './support/test-app';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const MAX = 25 * 1024 * 1024;

describe('documents: upload, list, download', () => {
  let t: TestApp;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Registered: the respondent reads the case from its registration on (rule 1).
    id = (await fileAndRegister(t)).id;
  });
  afterAll(async () => {
    await t.close();
    removeDataDir(t.dataDir);
  });

  describe.each([
    ['PDF', 'claim.pdf', 'application/pdf', samplePdf(), 'application/pdf', 'claim.pdf'],
    ['PNG', 'scan.png', 'image/png', samplePng(), 'image/png', 'scan.png'],
    ['JPEG', 'foto.jpg', 'image/jpeg', sampleJpeg(), 'image/jpeg', 'foto.jpg'],
    ['DOCX', 'brief.docx', DOCX_TYPE, sampleDocx(), DOCX_TYPE, 'brief.docx'],
    ['XLSX', 'tarieven.xlsx', XLSX_TYPE, sampleXlsx(), XLSX_TYPE, 'tarieven.xlsx'],
    ['plain text', 'notitie.txt', 'text/plain; charset=utf-8', sampleText(), 'text/plain', 'notitie.txt'],
    // Plain text is named .txt: a .csv name would have a spreadsheet program run formulas in it.
    ['CSV (plain text)', 'tarieven.csv', 'text/csv', Buffer.from('code;tarief\n1000;42,50\n'), 'text/plain', 'tarieven.csv.txt'],
  ])('%s', (_kind, sentName, declared, content, mediaType, filename) => {
    let documentId: string;

    it('is stored: 201 with its id, SHA-256 and size, recorded on the case', async () => {
      const res = await upload(t, CLAIMANT, id, { filename: sentName, contentType: declared, content });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ sha256: sha256(content), sizeBytes: content.length, name: filename, mediaType, visibility: 'parties' });
      documentId = res.body.documentId;
      expect(documentId).toMatch(/^[0-9a-f-]{36}$/);
      const onCase = (await getCase(t, RESPONDENT, id)).documents.find((d: { documentId: string }) => d.documentId === documentId);
      expect(onCase).toMatchObject({ name: filename, mediaType, sizeBytes: content.length, sha256: sha256(content) });
      const event = (await getTimeline(t, RESPONDENT, id)).find((e) => e.type === 'DocumentSubmitted' && e.data.documentId === documentId);
      expect(event?.data.sha256).toBe(sha256(content));
    });

    it('is stored content-addressed under DATA_DIR/documents/sha256', () => {
      const hash = sha256(content);
      expect(readFileSync(join(t.dataDir, 'documents', 'sha256', hash.slice(0, 2), hash)).equals(content)).toBe(true);
    });

    it('downloads byte for byte, as an attachment of its type, never sniffed', async () => {
      const res = await download(t, RESPONDENT, id, documentId);
      expect(res.status).toBe(200);
      expect(res.bytes.equals(content)).toBe(true);
      expect(String(res.headers['content-type'])).toBe(mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : mediaType);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(String(res.headers['content-disposition'])).toMatch(/^attachment; /);
      expect(String(res.headers['content-disposition'])).toContain(`filename="${filename}"`);
      expect(Number(res.headers['content-length'])).toBe(content.length);
    });

    it('is listed with a download URL', async () => {
      const res = await t.as(RESPONDENT).get(documentsPath(id));
      expect(res.status).toBe(200);
      expect(res.body.items).toContainEqual(
        expect.objectContaining({ documentId, name: filename, mediaType, downloadUrl: `${documentsPath(id)}/${documentId}` }),
      );
    });
  });

  it('OpenAPI describes the upload as multipart/form-data and the list and download routes', async () => {
    const doc = (await t.http().get('/docs-json')).body;
    const uploadOp = doc.paths['/api/disputes/{id}/documents'].post;
    expect(uploadOp.operationId).toBe('submit-document');
    expect(uploadOp.requestBody.content['multipart/form-data'].schema.required).toEqual(['file', 'visibility']);
    expect(Object.keys(uploadOp.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '413', '415']));
    expect(doc.paths['/api/disputes/{id}/documents'].get).toBeDefined();
    expect(doc.paths['/api/disputes/{id}/documents/{documentId}'].get).toBeDefined();
  });

  it('allowedActions offers submit-document with the upload URL', async () => {
    const view = await getCase(t, CLAIMANT, id);
    expect(view.allowedActions).toContain('submit-document');
    expect(view.documentUploadUrl).toBe(documentsPath(id));
  });

  it('a file sent as application/octet-stream is judged by its content alone', async () => {
    const res = await upload(t, CLAIMANT, id, { filename: 'brief.docx', contentType: 'application/octet-stream', content: sampleDocx() });
    expect(res.status).toBe(201);
    expect(res.body.mediaType).toBe(DOCX_TYPE);
  });

  describe('refused by content: 415, nothing recorded', () => {
    it.each([
      ['a PNG declared as PDF', { filename: 'scan.pdf', contentType: 'application/pdf', content: samplePng() }, 'document_type_mismatch'],
      ['a DOCX declared as XLSX', { filename: 'x.xlsx', contentType: XLSX_TYPE, content: sampleDocx() }, 'document_type_mismatch'],
      ['text declared as PNG', { filename: 'a.png', contentType: 'image/png', content: sampleText() }, 'document_type_mismatch'],
      ['a Windows executable', { filename: 'setup.exe', contentType: 'application/octet-stream', content: sampleExe() }, 'document_type_not_accepted'],
      ['an executable declared as PDF', { filename: 'invoice.pdf', contentType: 'application/pdf', content: sampleExe() }, 'document_type_not_accepted'],
      ['a ZIP archive', { filename: 'bundle.zip', contentType: 'application/zip', content: sampleZip() }, 'document_type_not_accepted'],
      ['a ZIP archive declared as DOCX', { filename: 'brief.docx', contentType: DOCX_TYPE, content: sampleZip() }, 'document_type_not_accepted'],
      ['binary with a NUL byte', { filename: 'a.txt', contentType: 'text/plain', content: Buffer.from('abc\0def') }, 'document_type_not_accepted'],
      ['text that is not UTF-8', { filename: 'a.txt', contentType: 'text/plain', content: Buffer.from([0x61, 0xe9, 0x62]) }, 'document_type_not_accepted'],
    ])('%s', async (_name, file, code) => {
      const before = (await getCase(t, CLAIMANT, id)).version;
      const res = await upload(t, CLAIMANT, id, file);
      expectProblem(res, 415);
      expect(res.body.code).toBe(code);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      expect((await getCase(t, CLAIMANT, id)).version).toBe(before);
    });
  });

  describe('size limit (25 MB = 26,214,400 bytes by default)', () => {
    it('accepts exactly 25 MB', async () => {
      const content = Buffer.alloc(MAX, 'a');
      const res = await upload(t, CLAIMANT, id, { filename: 'big.txt', contentType: 'text/plain', content });
      expect(res.status).toBe(201);
      expect(res.body.sizeBytes).toBe(MAX);
    });

    it('refuses 25 MB + 1 byte with 413 problem+json, nothing recorded or staged', async () => {
      const before = (await getCase(t, CLAIMANT, id)).version;
      const content = Buffer.alloc(MAX + 1, 'b');
      const res = await upload(t, CLAIMANT, id, { filename: 'too-big.txt', contentType: 'text/plain', content });
      expectProblem(res, 413);
      expect(res.body.code).toBe('document_too_large');
      expect((await getCase(t, CLAIMANT, id)).version).toBe(before);
      const { readdirSync } = await import('node:fs');
      expect(readdirSync(join(t.dataDir, 'documents', 'staging'))).toEqual([]);
    });
  });

  it('a declared Content-Length far over the limit is refused (413) before the body is sent', async () => {
    const server = t.app.getHttpServer() as import('node:http').Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    const bearer = await t.token(CLAIMANT);
    const { request } = await import('node:http');
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: documentsPath(id),
          headers: {
            Authorization: `Bearer ${bearer}`,
            'Content-Type': 'multipart/form-data; boundary=xyz',
            'Content-Length': String(MAX * 4),
          },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body });
          });
        },
      );
      req.on('error', reject);
      req.write('--xyz\r\n'); // the rest is never sent: the answer must not wait for it
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).code).toBe('document_too_large');
  });

  it('a client that disconnects mid-upload leaves nothing behind, not even a staging file', async () => {
    const server = t.app.getHttpServer() as import('node:http').Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    const before = (await getCase(t, CLAIMANT, id)).version;
    const bearer = await t.token(CLAIMANT);
    const { request } = await import('node:http');
    const { readdirSync } = await import('node:fs');
    const staging = join(t.dataDir, 'documents', 'staging');
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: documentsPath(id),
      headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'multipart/form-data; boundary=xyz', 'Content-Length': '5000000' },
    });
    req.on('error', () => undefined);
    req.write('--xyz\r\nContent-Disposition: form-data; name="visibility"\r\n\r\nparties\r\n');
    req.write('--xyz\r\nContent-Disposition: form-data; name="file"; filename="half.txt"\r\nContent-Type: text/plain\r\n\r\n');
    req.write(Buffer.alloc(200_000, 'h'));
    await eventually(async () => expect(readdirSync(staging)).toHaveLength(1)); // the upload is being staged
    req.destroy();
    await eventually(async () => expect(readdirSync(staging)).toEqual([]));
    expect((await getCase(t, CLAIMANT, id)).version).toBe(before);
  });

  describe('bad requests: 400 naming the field', () => {
    it('without visibility', async () => {
      const res = await upload(t, CLAIMANT, id, { filename: 'a.pdf', contentType: 'application/pdf', content: samplePdf() }, {});
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'visibility' })]);
    });
    it('with an unknown visibility or an unknown field', async () => {
      const res = await upload(t, CLAIMANT, id, { filename: 'a.pdf', contentType: 'application/pdf', content: samplePdf() }, { visibility: 'everyone', title: 'x' });
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['title', 'visibility']);
    });
    it('without a file', async () => {
      const res = await upload(t, CLAIMANT, id, undefined);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    });
    it('with two files', async () => {
      const file = { filename: 'a.pdf', contentType: 'application/pdf', content: samplePdf() };
      const res = await upload(t, CLAIMANT, id, [file, file]);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    });
    it('with an empty file', async () => {
      const res = await upload(t, CLAIMANT, id, { filename: 'a.txt', contentType: 'text/plain', content: Buffer.alloc(0) });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    });
    it('a party filing a secretariat-only document', async () => {
      const res = await upload(t, CLAIMANT, id, { filename: 'a.pdf', contentType: 'application/pdf', content: samplePdf() }, { visibility: 'secretariat' });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'visibility' })]);
    });
    it('a truncated multipart body', async () => {
      const bearer = await t.token(CLAIMANT);
      const res = await t
        .http()
        .post(documentsPath(id))
        .set({ Authorization: `Bearer ${bearer}`, 'Content-Type': 'multipart/form-data; boundary=xyz' })
        .send(Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello'));
      expectProblem(res, 400);
    });
    it('JSON instead of multipart: 415', async () => {
      const res = await t.as(CLAIMANT).post(documentsPath(id), { visibility: 'parties' });
      expectProblem(res, 415);
    });
  });

  describe('file names', () => {
    it.each([
      ['../../etc/passwd', 'passwd.txt'],
      ['..\\x', 'x.txt'],
      ['C:\\Users\\anna\\brief.txt', 'brief.txt'],
      ['con.txt', '_con.txt'],
      ['a\tb\u202ec<>:|?*.txt', 'abc______.txt'],
      ['...', 'document.txt'],
    ])('%j is stored as %j, and nothing lands outside the store', async (sent, kept) => {
      const res = await upload(t, CLAIMANT, id, { filename: sent, contentType: 'text/plain', content: sampleText() });
      expect(res.status).toBe(201);
      expect(res.body.name).toBe(kept);
      const got = await download(t, CLAIMANT, id, res.body.documentId);
      expect(got.bytes.equals(sampleText())).toBe(true);
    });

    it('a non-ASCII name is offered with RFC 6266 filename* in UTF-8 and an ASCII fallback', async () => {
      const name = 'Überzicht cliëntenstop – €.pdf';
      const res = await upload(t, CLAIMANT, id, { filename: name, contentType: 'application/pdf', content: samplePdf() });
      expect(res.status).toBe(201);
      expect(res.body.name).toBe(name);
      const got = await download(t, CLAIMANT, id, res.body.documentId);
      const disposition = String(got.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="Uberzicht clientenstop _ _.pdf"; filename\*=UTF-8''/);
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
      expect(/^[\x20-\x7e]*$/.test(disposition)).toBe(true);
    });
  });

  describe('integrity', () => {
    it('a stored file that no longer matches its recorded hash is refused (409) and logged', async () => {
      const content = Buffer.from(`integrity check ${randomUUID()}\n`);
      const res = await upload(t, CLAIMANT, id, { filename: 'x.txt', contentType: 'text/plain', content });
      expect(res.status).toBe(201);
      const hash = sha256(content);
      const path = join(t.dataDir, 'documents', 'sha256', hash.slice(0, 2), hash);
      writeFileSync(path, Buffer.from(content.toString().replace('integrity', 'INTEGRITY')));

      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      try {
        const got = await download(t, RESPONDENT, id, res.body.documentId);
        expectProblem(got, 409);
        expect(got.body.code).toBe('document_integrity_failed');
        expect(errors).toHaveBeenCalledWith(expect.stringContaining(`Document ${res.body.documentId} of dispute ${id} failed its integrity check`));
      } finally {
        errors.mockRestore();
      }

      // Uploading the original again restores the stored copy.
      expect((await upload(t, CLAIMANT, id, { filename: 'x.txt', contentType: 'text/plain', content })).status).toBe(201);
      expect((await download(t, RESPONDENT, id, res.body.documentId)).bytes.equals(content)).toBe(true);
    });
  });

  describe('Idempotency-Key', () => {
    it('a retried upload returns the first answer and records one document', async () => {
      const file = { filename: 'once.pdf', contentType: 'application/pdf', content: samplePdf() };
      const key = `upload-${randomUUID()}`;
      const first = await upload(t, CLAIMANT, id, file, { visibility: 'parties' }, { 'Idempotency-Key': key });
      const again = await upload(t, CLAIMANT, id, file, { visibility: 'parties' }, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      const docs = (await getCase(t, CLAIMANT, id)).documents.filter((d: { name: string }) => d.name === 'once.pdf');
      expect(docs).toHaveLength(1);
    });

    it('the same key with another file is refused (422)', async () => {
      const key = `upload-${randomUUID()}`;
      expect((await upload(t, CLAIMANT, id, { filename: 'a.txt', content: Buffer.from('one') }, undefined, { 'Idempotency-Key': key })).status).toBe(201);
      const res = await upload(t, CLAIMANT, id, { filename: 'a.txt', content: Buffer.from('two') }, undefined, { 'Idempotency-Key': key });
      expectProblem(res, 422);
    });
  });

  it('If-Match: an upload against a stale version is refused (409)', async () => {
    const version = (await getCase(t, CLAIMANT, id)).version;
    const res = await upload(t, CLAIMANT, id, { filename: 'a.txt', content: sampleText() }, undefined, { 'If-Match': String(version - 1) });
    expectProblem(res, 409);
  });

  it('documents on a closed case cannot be added (409), but stay readable', async () => {
    const closed = await fileDispute(t);
    const res = await upload(t, CLAIMANT, closed, { filename: 'a.txt', content: sampleText() });
    expect(res.status).toBe(201);
    expect((await t.as(CLAIMANT).post(`/api/disputes/${closed}/withdraw`, {})).status).toBe(200);
    expectProblem(await upload(t, CLAIMANT, closed, { filename: 'b.txt', content: sampleText() }), 409);
    expect((await download(t, SECRETARIAT, closed, res.body.documentId)).status).toBe(200);
  });
});
