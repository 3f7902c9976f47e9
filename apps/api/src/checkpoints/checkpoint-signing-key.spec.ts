import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCheckpoint, verifyCheckpoint } from '../../../../libs/event-store/src/chain';
import { loadOrCreateCheckpointKey } from './checkpoint-signing-key';

describe('the checkpoint signing key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gzc-ckey-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses CHECKPOINT_SIGNING_KEY when set, and its public JWK verifies what it signs', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const key = loadOrCreateCheckpointKey({ dataDir, checkpointSigningKey: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string });
    expect(key.publicJwk.x).toBe(publicKey.export({ format: 'jwk' }).x);
    const signed = signCheckpoint(
      {
        heads: [
          { streamId: 'dispute-b', revision: 1, hash: 'b' },
          { streamId: 'dispute-a', revision: 0, hash: 'a' },
        ],
        after: 12,
        through: 40,
        keyId: key.keyId,
        signedAt: '2026-11-30T22:00:00.000Z',
      },
      key.privateKey,
    );
    expect(signed.heads.map((h) => h.streamId)).toEqual(['dispute-a', 'dispute-b']);
    expect(verifyCheckpoint(signed, key.publicJwk)).toBe(true);
    // The positions it covers are signed too.
    expect(verifyCheckpoint({ ...signed, after: 0 }, key.publicJwk)).toBe(false);
    expect(verifyCheckpoint({ ...signed, through: 41 }, key.publicJwk)).toBe(false);
  });

  it('keeps a generated key across starts', () => {
    const first = loadOrCreateCheckpointKey({ dataDir, checkpointSigningKey: undefined });
    const again = loadOrCreateCheckpointKey({ dataDir, checkpointSigningKey: undefined });
    expect(again.keyId).toBe(first.keyId);
  });

  it('refuses a key that is not Ed25519, or not a key, naming the setting', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    expect(() => loadOrCreateCheckpointKey({ dataDir, checkpointSigningKey: rsa })).toThrow(
      /CHECKPOINT_SIGNING_KEY must be an Ed25519 key/,
    );
    expect(() => loadOrCreateCheckpointKey({ dataDir, checkpointSigningKey: 'geen sleutel' })).toThrow(
      /CHECKPOINT_SIGNING_KEY is not a PEM/,
    );
  });
});
