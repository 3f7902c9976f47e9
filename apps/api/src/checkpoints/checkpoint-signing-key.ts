import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensurePrivateDir } from '../../../../libs/event-store/src/sqlite/private-files';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';

export const CHECKPOINT_KEY_FILE = 'checkpoint-signing-key.pem';

export interface CheckpointSigningKey {
  privateKey: KeyObject;
  /** The public key as published at /.well-known/gzc-signing-key. */
  publicJwk: JsonWebKey & { kid: string; alg: 'EdDSA'; use: 'sig' };
  keyId: string;
}

/**
 * CHECKPOINT_SIGNING_KEY (PKCS#8 PEM), else `<dataDir>/checkpoint-signing-key.pem`, generated at
 * first start with mode 0600 (the embedded mode) so checkpoints stay verifiable across restarts.
 */
export function loadOrCreateCheckpointKey(config: Pick<AppConfig, 'dataDir' | 'checkpointSigningKey'>): CheckpointSigningKey {
  const pem = config.checkpointSigningKey ?? readOrGenerate(config.dataDir);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error('CHECKPOINT_SIGNING_KEY is not a PEM private key (expected an Ed25519 key in PKCS#8 PEM)');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`CHECKPOINT_SIGNING_KEY must be an Ed25519 key, got ${String(privateKey.asymmetricKeyType)}`);
  }
  const { kty, crv, x } = createPublicKey(privateKey).export({ format: 'jwk' });
  // RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order.
  const keyId = createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url');
  return { privateKey, keyId, publicJwk: { kty, crv, x, kid: keyId, alg: 'EdDSA', use: 'sig' } };
}

function readOrGenerate(dataDir: string): string {
  const file = path.join(dataDir, CHECKPOINT_KEY_FILE);
  ensurePrivateDir(dataDir);
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8');
}
