import { createHash } from 'node:crypto';
import { buildPrivateDist, killAllChildServers, startChildServer, type ChildServer } from './support/child-server';
import { CLAIMANT, fileAndRegister, getCase, RESPONDENT } from './support/dispute-fixtures';
import { documentsPath } from './support/documents';
import { multipart, samplePdf } from './support/sample-documents';
import { newDataDir, removeDataDir } from './support/test-app';

describe('crash: an acknowledged upload survives SIGKILL (real server process)', () => {
  const dataDir = newDataDir();
  let server: ChildServer | undefined;
  let build: { main: string; dir: string };

  beforeAll(() => {
    build = buildPrivateDist();
  }, 130_000);
  afterAll(async () => {
    await server?.stop();
    await killAllChildServers();
    removeDataDir(dataDir);
    if (build) removeDataDir(build.dir);
  });

  const token = async (s: ChildServer, userId: string): Promise<string> => {
    const res = await fetch(`${s.baseUrl}/api/auth/dev-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  it('killed right after the 201: the document is on the case and downloads byte for byte', async () => {
    server = await startChildServer(build.main, dataDir);
    // Registered: the respondent reads the case from its registration on (rule 1).
    const { id } = await fileAndRegister(server);
    const content = Buffer.concat([samplePdf(), Buffer.from(`% ${Date.now()}\n`)]);
    const { body, contentType } = multipart({ visibility: 'parties' }, [{ filename: 'bewijs.pdf', contentType: 'application/pdf', content }]);
    const res = await fetch(`${server.baseUrl}${documentsPath(id)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await token(server, CLAIMANT)}`, 'Content-Type': contentType },
      body,
    });
    await server.kill();
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { documentId: string; sha256: string };

    server = await startChildServer(build.main, dataDir);
    const view = await getCase(server, RESPONDENT, id);
    expect(view.documents.map((d: { documentId: string }) => d.documentId)).toEqual([answer.documentId]);
    const got = await fetch(`${server.baseUrl}${documentsPath(id)}/${answer.documentId}`, {
      headers: { Authorization: `Bearer ${await token(server, RESPONDENT)}` },
    });
    expect(got.status).toBe(200);
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(bytes.equals(content)).toBe(true);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(answer.sha256);
    await server.stop();
  }, 120_000);
});
