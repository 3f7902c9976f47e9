import canonicalize from 'canonicalize';
import { strToU8, zipSync } from 'fflate';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { contentHash as storeContentHash, linkHash as storeLinkHash } from '../../event-store/src/chain';
import type { DossierEventLine, DossierManifest, UnsignedManifest, WithheldEvent } from './format';
import { contentHash, linkHash } from './hashing';
import { compareHistories } from './compare-histories';
import { verifyDossier } from './verify-dossier';

// The verifier on dossiers built here byte by byte as docs/dossier.md describes (no server): its
// WebCrypto hashes equal the store's, withheld and redacted events still chain, and each kind of
// change is named.

const keys = generateKeyPairSync('ed25519');
const jwk = keys.publicKey.export({ format: 'jwk' }) as { kty: 'OKP'; crv: 'Ed25519'; x: string };
const keyId = createHash('sha256')
  .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
  .digest('base64url');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const STREAM = 'dispute-0b5c';

function events(count: number) {
  let previousHash: string | null = null;
  return Array.from({ length: count }, (_, revision) => {
    const event = {
      id: `00000000-0000-4000-8000-00000000000${revision}`,
      type: revision === 0 ? 'DisputeFiled' : 'InformationProvided',
      data: { answers: `Antwoord ${revision} – één € ${revision * 1.5}`, amountCents: 1_250_000 + revision },
      metadata: { schemaVersion: 1 },
      recordedAt: `2026-11-30T22:00:0${revision}.000Z`,
    };
    const content = storeContentHash(event);
    const hash = storeLinkHash({ streamId: STREAM, revision, recordedAt: event.recordedAt, contentHash: content, previousHash });
    const line: DossierEventLine = { revision, ...event, contentHash: content, previousHash, hash };
    previousHash = hash;
    return line;
  });
}

/** A dossier of `lines`, withholding the revisions in `withhold`, as the API writes one. */
function dossier(lines: DossierEventLine[], withhold: number[] = []): Record<string, Uint8Array> {
  const shown = lines.filter((l) => !withhold.includes(l.revision));
  const withheld: WithheldEvent[] = lines
    .filter((l) => withhold.includes(l.revision))
    .map(({ revision, id, recordedAt, contentHash: c, hash }) => ({ revision, id, recordedAt, contentHash: c, hash }));
  const files: Record<string, Uint8Array> = {
    'dossier.pdf': strToU8('%PDF-1.7 stand-in'),
    'events.jsonl': strToU8(shown.map((l) => `${JSON.stringify(l)}\n`).join('')),
  };
  const last = lines[lines.length - 1];
  const unsigned: UnsignedManifest = {
    format: 'gzc-dossier',
    version: 1,
    disputeId: '0b5c',
    caseNumber: 'GZC-2026-0001',
    streamId: STREAM,
    generatedAt: '2026-12-01T00:00:00.000Z',
    reader: { userId: 'prov-anna', role: 'provider', access: 'full' },
    chainHead: { revision: last.revision, hash: last.hash },
    files: Object.entries(files).map(([path, bytes]) => ({ path, sha256: sha(bytes), size: bytes.length })),
    documents: [],
    withheld: { events: withheld, documents: [] },
  };
  const manifest: DossierManifest = {
    ...unsigned,
    signature: {
      alg: 'EdDSA',
      keyId,
      publicKey: jwk,
      value: sign(null, Buffer.from(canonicalize(unsigned) as string), keys.privateKey).toString('base64url'),
    },
  };
  return { ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) };
}

const verify = (files: Record<string, Uint8Array>) => verifyDossier(zipSync(files), { trustedKey: jwk });
const found = async (files: Record<string, Uint8Array>) => (await verify(files)).problems.map(({ message: _m, ...p }) => p);

describe('verifyDossier', () => {
  it('hashes with WebCrypto exactly as the store does (the worked example of docs/tamper-evident-history.md)', async () => {
    const content = await contentHash({
      id: '0b5c6a1e-2f4d-4c1a-9a53-7d7e2f7f4c10',
      type: 'DisputeFiled',
      data: { amountCents: 1250000, summary: 'Tarief fysiotherapie' },
      metadata: { schemaVersion: 1 },
    });
    expect(content).toBe('2e0bfe7156141f1fe92e5cc7a223f1814669943bc87e97556c04d8c02eaa9d57');
    expect(
      await linkHash({
        streamId: 'dispute-0b5c',
        revision: 0,
        recordedAt: '2026-11-30T22:00:00.000Z',
        contentHash: content,
        previousHash: null,
      }),
    ).toBe('41d42f3297a53b62badcd2b57137533b02d3687cfeae37983288dc483065238b');
  });

  it('finds a dossier intact, also with events withheld or redacted for its reader', async () => {
    expect(await verify(dossier(events(5)))).toMatchObject({ intact: true, signature: 'valid', problems: [] });
    expect(await verify(dossier(events(5), [1, 4]))).toMatchObject({ intact: true, problems: [] });
    const lines = events(4);
    lines[2] = { ...lines[2], data: { amountCents: lines[2].data.amountCents }, redacted: true };
    expect(await verify(dossier(lines))).toMatchObject({ intact: true, problems: [] });
  });

  it('names a changed event by its chain alone, even when the file hashes and the signature match', async () => {
    const lines = events(4);
    lines[2] = { ...lines[2], data: { ...lines[2].data, amountCents: 1 } };
    expect(await found(dossier(lines))).toEqual([{ kind: 'event_changed', revision: 2, withheld: false }]);
  });

  it('names a changed withheld entry, a duplicated event, an event past the head, a missing and an added file', async () => {
    const withheld = dossier(events(4), [1]);
    const manifest = JSON.parse(Buffer.from(withheld['manifest.json']).toString('utf8'));
    manifest.withheld.events[0].recordedAt = '2026-11-30T22:00:09.000Z';
    withheld['manifest.json'] = strToU8(JSON.stringify(manifest));
    expect(await found(withheld)).toEqual([{ kind: 'signature_invalid' }, { kind: 'event_changed', revision: 1, withheld: true }]);

    const files = dossier(events(3));
    const text = Buffer.from(files['events.jsonl']).toString('utf8');
    const lines = text.split('\n').filter(Boolean);
    const extra = events(4)[3];
    files['events.jsonl'] = strToU8(`${text}${lines[1]}\n${JSON.stringify(extra)}\n`);
    delete files['dossier.pdf'];
    files['notes.txt'] = strToU8('added');
    expect(await found(files)).toEqual([
      { kind: 'file_missing', path: 'dossier.pdf' },
      { kind: 'file_changed', path: 'events.jsonl' },
      { kind: 'file_unexpected', path: 'notes.txt' },
      { kind: 'event_reordered', revision: 1, after: 2 },
      { kind: 'event_duplicated', revision: 1 },
      { kind: 'event_unexpected', revision: 3 },
    ]);
  });

  it('says so when the file is no ZIP or has no manifest', async () => {
    expect((await verifyDossier(strToU8('not a zip'))).problems.map((p) => p.kind)).toEqual(['not_a_zip']);
    expect((await verifyDossier(zipSync({ 'a.txt': strToU8('a') }))).problems.map((p) => p.kind)).toEqual(['manifest_missing']);
  });

  it('compares with an earlier dossier: extended is fine, rewritten or shortened is named', () => {
    const earlier = zipSync(dossier(events(3)));
    expect(compareHistories(earlier, zipSync(dossier(events(5), [3])))).toEqual([]);
    const rewritten = events(5).map((line) => ({ ...line }));
    rewritten[1] = { ...rewritten[1], hash: 'f'.repeat(64) };
    expect(compareHistories(earlier, zipSync(dossier(rewritten)))).toEqual([{ kind: 'history_rewritten', revision: 1 }]);
    expect(compareHistories(zipSync(dossier(events(5))), earlier)).toEqual([{ kind: 'history_shortened', revision: 4 }]);
    expect(compareHistories(strToU8('no zip'), earlier)).toEqual([{ kind: 'earlier_unreadable' }]);
  });
});
