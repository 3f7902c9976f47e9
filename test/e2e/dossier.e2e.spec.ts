import { strFromU8, strToU8 } from 'fflate';
import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { verifyDossier, type DossierReport, type PublicJwk } from '../../libs/dossier-verify/src';
import { runCli } from '../../libs/dossier-verify/src/cli/run-cli';
import {
  act,
  CLAIMANT,
  getTimeline,
  holdSession,
  MEDIATOR,
  nominate,
  nominateAndAppoint,
  PANEL,
  RESPONDENT,
  reach,
  SECRETARIAT,
  soon,
  toAwaitingNeutral,
  toInMediation,
} from './support/dispute-fixtures';
import { documentsPath, upload, uploadDocument } from './support/documents';
import { downloadDossier, eventLines, flipByte, setEventLines, tamper, unzip } from './support/dossier';
import { sampleText } from './support/sample-documents';
import { rawEditFirstEvent, rewriteHistoryConsistently } from './support/raw-edit';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// The verifiable case file (issue 15, docs/dossier.md) on this run's store (SQLite, or PostgreSQL
// in the e2e-postgres project): exported, verified intact with the published key, and every kind
// of change to it named by the verifier; each role gets exactly what it may see.
describe('the dossier', () => {
  let t: TestApp;
  let key: PublicJwk;
  let id: string;
  let secretariatZip: Uint8Array;
  const NOTES = 'Geheime notitie van de mediator';

  beforeAll(async () => {
    t = await startTestApp();
    key = JSON.parse((await t.http().get('/.well-known/gzc-signing-key')).text);
    id = await toInMediation(t);
    await uploadDocument(t, CLAIMANT, id, 'parties');
    const confidential = await upload(
      t,
      CLAIMANT,
      id,
      { filename: 'voorstel-voor-de-mediator.txt', contentType: 'text/plain', content: sampleText() },
      { visibility: 'neutral_only' },
    );
    expect(confidential.status).toBe(201);
    const startsAt = soon(t);
    const session = await act(t, MEDIATOR, id, 'schedule-session', { startsAt, location: 'Utrecht' });
    await reach(t, startsAt);
    await act(t, MEDIATOR, id, 'record-session', { sessionId: session.body.sessionId, notes: NOTES });
    const res = await downloadDossier(t, SECRETARIAT, id);
    expect(res.status).toBe(200);
    secretariatZip = res.bytes;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  const kinds = (report: DossierReport) => report.problems.map(({ message: _m, ...p }) => p);

  it('is a signed ZIP that verifies intact with the published key, with a tagged Dutch PDF', async () => {
    const res = await downloadDossier(t, SECRETARIAT, id);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="dossier-GZC-\d{4}-\d{4}\.zip"/);
    const report = await verifyDossier(secretariatZip, { trustedKey: key });
    expect(kinds(report)).toEqual([]);
    expect(report).toMatchObject({ intact: true, signature: 'valid' });
    const files = unzip(secretariatZip);
    const pdf = Buffer.from(files['dossier.pdf']).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toMatch(/\/Lang \(nl-NL\)/);
    expect(pdf).toMatch(/\/StructTreeRoot/);
    expect(pdf).toMatch(/\/MarkInfo/);
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    const lines = eventLines(files);
    expect(manifest.withheld).toEqual({ events: [], documents: [] });
    expect(lines).toHaveLength(manifest.chainHead.revision + 1);
    expect(manifest.documents).toHaveLength(2);
    // Every document is there, with the bytes its event recorded.
    for (const doc of manifest.documents) expect(files[doc.path]).toBeDefined();
  });

  it('names what changed: an event, a document, the PDF, the manifest, the order, a removed event', async () => {
    const cases: { name: string; edit: (f: Record<string, Uint8Array>) => void; expected: object[] }[] = [
      {
        name: 'one byte in an event',
        edit: (f) => {
          const lines = eventLines(f);
          const at = lines[0].indexOf('physiotherapy');
          lines[0] = strFromU8(flipByte(strToU8(lines[0]), at)); // p → q
          setEventLines(f, lines);
        },
        expected: [
          { kind: 'file_changed', path: 'events.jsonl' },
          { kind: 'event_changed', revision: 0, withheld: false },
        ],
      },
      {
        name: 'one byte in a document',
        edit: (f) => {
          const path = Object.keys(f).find((p) => p.startsWith('documents/') && p.endsWith('.pdf'))!;
          f[path] = flipByte(f[path], 20);
        },
        expected: [
          { kind: 'file_changed', path: expect.stringMatching(/^documents\/.+\.pdf$/) },
          { kind: 'document_mismatch', documentId: expect.any(String), path: expect.stringMatching(/\.pdf$/) },
        ],
      },
      {
        name: 'one byte in the PDF',
        edit: (f) => void (f['dossier.pdf'] = flipByte(f['dossier.pdf'], 200)),
        expected: [{ kind: 'file_changed', path: 'dossier.pdf' }],
      },
      {
        name: 'one byte in the manifest',
        edit: (f) => {
          const text = strFromU8(f['manifest.json']);
          f['manifest.json'] = flipByte(f['manifest.json'], text.indexOf('"generatedAt": "') + 20);
        },
        expected: [{ kind: 'signature_invalid' }],
      },
      {
        name: 'two events swapped',
        edit: (f) => {
          const lines = eventLines(f);
          [lines[2], lines[3]] = [lines[3], lines[2]];
          setEventLines(f, lines);
        },
        expected: [
          { kind: 'file_changed', path: 'events.jsonl' },
          { kind: 'event_reordered', revision: 2, after: 3 },
        ],
      },
      {
        name: 'an event removed',
        edit: (f) =>
          setEventLines(
            f,
            eventLines(f).filter((_, i) => i !== 4),
          ),
        expected: [
          { kind: 'file_changed', path: 'events.jsonl' },
          { kind: 'event_removed', revision: 4 },
        ],
      },
    ];
    for (const c of cases) {
      const report = await verifyDossier(tamper(secretariatZip, c.edit), { trustedKey: key });
      expect({ name: c.name, intact: report.intact, problems: kinds(report) }).toEqual({
        name: c.name,
        intact: false,
        problems: c.expected,
      });
      for (const p of report.problems) expect(p.message.nl).not.toBe('');
    }
  });

  it('fails a dossier signed with another key, though its contents match', async () => {
    const other = generateKeyPairSync('ed25519');
    const forged = tamper(secretariatZip, (f) => {
      const manifest = JSON.parse(strFromU8(f['manifest.json']));
      const { signature: _s, ...unsigned } = manifest;
      const jwk = other.publicKey.export({ format: 'jwk' });
      const keyId = createHash('sha256')
        .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
        .digest('base64url');
      manifest.signature = {
        alg: 'EdDSA',
        keyId,
        publicKey: { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
        value: sign(null, Buffer.from(canonicalize(unsigned) as string, 'utf8'), other.privateKey).toString('base64url'),
      };
      f['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
    const report = await verifyDossier(forged, { trustedKey: key });
    expect(report).toMatchObject({ intact: false, signature: 'other_key' });
    expect(kinds(report)).toEqual([{ kind: 'signature_other_key' }]);
  });

  it('gives each role exactly what it may see (the same rules as the timeline and the documents list)', async () => {
    const total = eventLines(unzip(secretariatZip)).length;
    for (const userId of [SECRETARIAT, CLAIMANT, RESPONDENT, MEDIATOR]) {
      const res = await downloadDossier(t, userId, id);
      expect(res.status).toBe(200);
      const report = await verifyDossier(res.bytes, { trustedKey: key });
      expect({ userId, problems: kinds(report), intact: report.intact }).toEqual({ userId, problems: [], intact: true });
      const files = unzip(res.bytes);
      const manifest = JSON.parse(strFromU8(files['manifest.json']));
      const lines = eventLines(files).map((l) => JSON.parse(l));
      expect({ userId, count: lines.length }).toEqual({ userId, count: (await getTimeline(t, userId, id)).length });
      expect(lines.length + manifest.withheld.events.length).toBe(total);
      const listed = (await t.as(userId).get(documentsPath(id))).body.items.map((d: { documentId: string }) => d.documentId).sort();
      expect({ userId, documents: manifest.documents.map((d: { documentId: string }) => d.documentId).sort() }).toEqual({
        userId,
        documents: listed,
      });
      const documentFiles = Object.keys(files).filter((p) => p.startsWith('documents/'));
      expect(documentFiles).toHaveLength(listed.length);
      // Session notes for the mediator alone (rule 4), never in anyone else's file, PDF included.
      const everything = Object.values(files)
        .map((b) => Buffer.from(b).toString('latin1'))
        .join('');
      expect({ userId, notes: everything.includes(NOTES) }).toEqual({ userId, notes: userId === MEDIATOR });
    }
    // The respondent: the claimant's note for the mediator is withheld, by id and place only.
    const respondent = unzip((await downloadDossier(t, RESPONDENT, id)).bytes);
    const manifest = JSON.parse(strFromU8(respondent['manifest.json']));
    expect(manifest.withheld.documents).toHaveLength(1);
    expect(manifest.withheld.events).toEqual([
      {
        revision: expect.any(Number),
        id: expect.any(String),
        recordedAt: expect.any(String),
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(strFromU8(respondent['events.jsonl'])).not.toContain('voorstel-voor-de-mediator');
  });

  it('gives a former mediator the record of their term, and the panel after them never the mediation’s confidential document', async () => {
    const escalated = await toInMediation(t);
    const note = await upload(
      t,
      CLAIMANT,
      escalated,
      { filename: 'alleen-voor-de-mediator.txt', contentType: 'text/plain', content: sampleText() },
      { visibility: 'neutral_only' },
    );
    expect(note.status).toBe(201);
    await holdSession(t, escalated);
    await act(t, MEDIATOR, escalated, 'conclude-mediation', { result: 'no_agreement' });
    await act(t, CLAIMANT, escalated, 'request-escalation', { route: 'binding_advice' });
    await act(t, RESPONDENT, escalated, 'accept-escalation');
    await nominateAndAppoint(t, escalated, PANEL);
    const total = eventLines(unzip((await downloadDossier(t, SECRETARIAT, escalated)).bytes)).length;

    const read = async (userId: string) => {
      const res = await downloadDossier(t, userId, escalated);
      expect(res.status).toBe(200);
      const report = await verifyDossier(res.bytes, { trustedKey: key });
      expect({ userId, problems: kinds(report) }).toEqual({ userId, problems: [] });
      const files = unzip(res.bytes);
      return { manifest: JSON.parse(strFromU8(files['manifest.json'])), lines: eventLines(files) };
    };
    const mediator = await read(MEDIATOR);
    expect(mediator.manifest.reader.access).toBe('term_record');
    expect(mediator.lines).toHaveLength((await getTimeline(t, MEDIATOR, escalated)).length);
    // Rule 3: their record ends with their term; what came after is absent, not even listed as withheld.
    expect(mediator.manifest.withheld.events).toEqual([]);
    expect(mediator.manifest.chainHead.revision).toBe(mediator.lines.length - 1);
    expect(mediator.lines.length).toBeLessThan(total);
    expect(mediator.manifest.documents.map((d: { documentId: string }) => d.documentId)).toEqual([note.body.documentId]);

    const chair = await read(PANEL[0]);
    expect(chair.manifest.reader.access).toBe('full');
    expect(chair.manifest.documents).toEqual([]);
    expect(chair.manifest.withheld.documents).toEqual([{ documentId: note.body.documentId, revision: expect.any(Number) }]);
    expect(chair.lines.join('\n')).not.toContain('alleen-voor-de-mediator');
  }, 60_000);

  it('is not found for an outsider and not available to a nominee', async () => {
    expect((await downloadDossier(t, 'prov-bram', id)).status).toBe(404);
    const nominated = await toAwaitingNeutral(t);
    await nominate(t, nominated, [MEDIATOR]);
    const nominee = await downloadDossier(t, MEDIATOR, nominated);
    expect(nominee.status).toBe(403);
    expect(nominee.problem).toMatchObject({ code: 'dossier_not_available' });
  }, 30_000);

  it('is refused with 409 history_tampered after a raw edit of an event row; the same edit in a dossier is named by the verifier', async () => {
    const edited = await toAwaitingNeutral(t);
    const before = await downloadDossier(t, SECRETARIAT, edited);
    expect(before.status).toBe(200);
    await rawEditFirstEvent(t, edited);
    const res = await downloadDossier(t, SECRETARIAT, edited);
    expect(res.status).toBe(409);
    expect(res.problem).toMatchObject({ code: 'history_tampered' });
    // The edit made to the row, made instead to a dossier exported before it.
    const changed = tamper(before.bytes, (f) => {
      const lines = eventLines(f);
      const first = JSON.parse(lines[0]);
      lines[0] = JSON.stringify({ ...first, data: { ...first.data, summary: 'Iets anders' } });
      setEventLines(f, lines);
    });
    const report = await verifyDossier(changed, { trustedKey: key });
    expect(kinds(report)).toEqual([
      { kind: 'file_changed', path: 'events.jsonl' },
      { kind: 'event_changed', revision: 0, withheld: false },
    ]);
  }, 30_000);
});

describe('gzc-verify (the command line)', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'gzc-verify-'));
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 for an intact dossier with the published key (file or PEM), 1 for a changed or rewritten one, 2 for bad usage', async () => {
    const id = await toAwaitingNeutral(t);
    const zip = (await downloadDossier(t, CLAIMANT, id)).bytes;
    const jwkText = (await t.http().get('/.well-known/gzc-signing-key')).text;
    writeFileSync(join(dir, 'dossier.zip'), zip);
    writeFileSync(join(dir, 'key.jwk'), jwkText);
    writeFileSync(
      join(dir, 'key.pem'),
      createPublicKey({ key: JSON.parse(jwkText), format: 'jwk' }).export({ format: 'pem', type: 'spki' }),
    );
    writeFileSync(
      join(dir, 'changed.zip'),
      tamper(zip, (f) => setEventLines(f, eventLines(f).slice(1))),
    );
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out, err };
    };
    const intact = await run([join(dir, 'dossier.zip'), '--key', join(dir, 'key.jwk')]);
    expect(intact.code).toBe(0);
    expect(intact.out).toContain('IN ORDE: het dossier is compleet en ongewijzigd.');
    expect((await run(['--key', join(dir, 'key.pem'), join(dir, 'dossier.zip')])).code).toBe(0);
    const changed = await run([join(dir, 'changed.zip'), '--key', join(dir, 'key.jwk')]);
    expect(changed.code).toBe(1);
    expect(changed.err).toContain('- Gebeurtenis 0 is verwijderd. / Event 0 was removed.');
    expect((await run([])).code).toBe(2);
    expect((await run([join(dir, 'dossier.zip'), '--key'])).code).toBe(2);

    // A history rewritten wholesale (every hash recomputed, signed anew by the server) passes on its
    // own; against the dossier made before, the verifier names the first event that differs.
    await act(t, SECRETARIAT, id, 'nominate-neutrals', { neutralUserIds: [MEDIATOR] });
    await rewriteHistoryConsistently(t, id);
    const after = await downloadDossier(t, CLAIMANT, id);
    expect(after.status).toBe(200);
    writeFileSync(join(dir, 'after.zip'), after.bytes);
    expect((await run([join(dir, 'after.zip'), '--key', join(dir, 'key.jwk')])).code).toBe(0);
    const compared = await run([join(dir, 'after.zip'), '--key', join(dir, 'key.jwk'), '--earlier', join(dir, 'dossier.zip')]);
    expect(compared.code).toBe(1);
    expect(compared.err).toContain(
      '- De geschiedenis is herschreven: gebeurtenis 0 verschilt van het eerdere dossier. / The history was rewritten: event 0 differs from the earlier dossier.',
    );
    // An unchanged history that went on extends the earlier one.
    const later = await toAwaitingNeutral(t);
    writeFileSync(join(dir, 'later-1.zip'), (await downloadDossier(t, CLAIMANT, later)).bytes);
    await act(t, SECRETARIAT, later, 'nominate-neutrals', { neutralUserIds: [MEDIATOR] });
    const later2 = (await downloadDossier(t, CLAIMANT, later)).bytes;
    writeFileSync(join(dir, 'later-2.zip'), later2);
    expect((await run([join(dir, 'later-2.zip'), '--earlier', join(dir, 'later-1.zip'), '--key', join(dir, 'key.jwk')])).code).toBe(0);
    const head = JSON.parse(strFromU8(unzip(later2)['manifest.json'])).chainHead.revision;
    const shortened = await run([join(dir, 'later-1.zip'), '--earlier', join(dir, 'later-2.zip')]);
    expect(shortened.code).toBe(1);
    expect(shortened.err).toContain(
      `- De geschiedenis is ingekort: het eerdere dossier liep tot gebeurtenis ${head}. / The history was shortened: the earlier dossier went up to event ${head}.`,
    );
  }, 30_000);
});
