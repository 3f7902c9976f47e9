import { generateKeyPairSync } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointSigner } from '../../apps/api/src/checkpoints/checkpoint-signer.service';
import { CHECKPOINT_KEY_FILE } from '../../apps/api/src/checkpoints/checkpoint-signing-key';
import { CHECKPOINT_STREAM, type SignedCheckpoint, verifyCheckpoint } from '../../libs/event-store/src/chain';
import type { EventStore } from '../../libs/event-store/src/port';
import { APP_CONFIG, EVENT_STORE } from '../../libs/runtime/src/tokens';
import { CHECKPOINT_SIGNING_KEY } from '../../apps/api/src/checkpoints/checkpoint.tokens';
import { fileDispute } from './support/dispute-fixtures';
import { E2E_STORE, removeDataDir, startTestApp, type TestApp } from './support/test-app';

// The body signs the heads of the case histories with Ed25519; the checkpoints are events of their
// own stream and verify with the key published at /.well-known/gzc-signing-key, and with no other.
describe('signed checkpoints of the case histories', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('publish the public key as a JWK, and sign checkpoints that verify with it and with no other key', async () => {
    const [first, second] = [await fileDispute(t), await fileDispute(t)];
    const signer = t.app.get(CheckpointSigner);
    const checkpoint = (await signer.signNow()) as SignedCheckpoint;
    expect(checkpoint).toBeDefined();
    // The first checkpoint lists every case history.
    expect(checkpoint.after).toBe(0);
    expect(checkpoint.heads.map((h) => h.streamId)).toEqual(expect.arrayContaining([`dispute-${first}`, `dispute-${second}`]));
    expect(await signer.signNow()).toBeUndefined(); // nothing changed since

    const published = await t.http().get('/.well-known/gzc-signing-key');
    expect(published.status).toBe(200);
    expect(published.headers['content-type']).toMatch(/application\/jwk\+json/);
    const jwk = JSON.parse(published.text);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: checkpoint.keyId });
    expect(jwk.d).toBeUndefined(); // never the private part

    // The checkpoint is an event too, and the stored copy verifies.
    const store = t.app.get<EventStore>(EVENT_STORE);
    const [stored] = await store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
    expect(verifyCheckpoint(stored.data as unknown as SignedCheckpoint, jwk)).toBe(true);
    expect(verifyCheckpoint(checkpoint, jwk)).toBe(true);

    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    expect(verifyCheckpoint(checkpoint, other)).toBe(false);
    const rewritten = { ...checkpoint, heads: checkpoint.heads.map((h, i) => (i === 0 ? { ...h, hash: '0'.repeat(64) } : h)) };
    expect(verifyCheckpoint(rewritten, jwk)).toBe(false);

    // The next checkpoint lists only what changed since, and covers the positions after the last.
    const third = await fileDispute(t);
    const next = (await signer.signNow()) as SignedCheckpoint;
    expect(next.after).toBe(checkpoint.through);
    expect(next.through).toBeGreaterThan(checkpoint.through);
    expect(next.heads.map((h) => h.streamId)).toEqual([`dispute-${third}`]);
    expect(verifyCheckpoint(next, jwk)).toBe(true);
    // Another process (or this one after a restart) starts where the stored checkpoint ended.
    const fourth = await fileDispute(t);
    const elsewhere = new CheckpointSigner(store, t.app.get(CHECKPOINT_SIGNING_KEY), t.app.get(APP_CONFIG));
    const continued = (await elsewhere.signNow()) as SignedCheckpoint;
    expect(continued.after).toBe(next.through);
    expect(continued.heads.map((h) => h.streamId)).toEqual([`dispute-${fourth}`]);
    expect(await signer.signNow()).toBeUndefined();

    // The projections take the checkpoint stream in their stride.
    expect((await t.http().get('/health')).status).toBe(200);
    if (E2E_STORE === 'sqlite') expect((statSync(join(t.dataDir, CHECKPOINT_KEY_FILE)).mode & 0o777).toString(8)).toBe('600');
  }, 30_000);
});
