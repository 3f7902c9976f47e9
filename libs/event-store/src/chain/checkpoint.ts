// Signed checkpoints: the body signs the heads of the chains with Ed25519, so a history that was
// rewritten wholesale (every hash recomputed) still disagrees with a checkpoint signed before it.
// The signature covers the JCS encoding of {heads, keyId, signedAt} (docs/tamper-evident-history.md).
import { createPublicKey, KeyObject, sign, verify, type JsonWebKey } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The last event of one stream's chain. */
export interface ChainHead {
  streamId: string;
  revision: number;
  hash: string;
}

export interface UnsignedCheckpoint {
  /** Heads sorted by streamId (UTF-16 code units, as JCS sorts keys). */
  heads: ChainHead[];
  /** Identifies the key (its JWK thumbprint-like id), so a verifier picks the right public key. */
  keyId: string;
  signedAt: string;
}

export interface SignedCheckpoint extends UnsignedCheckpoint {
  /** Ed25519 signature over JCS(UnsignedCheckpoint), base64url. */
  signature: string;
}

/** Stream and type under which checkpoints are appended: they are events too. */
export const CHECKPOINT_STREAM = 'chain-checkpoints';
export const CHECKPOINT_EVENT_TYPE = 'ChainCheckpointSigned';

function signedBytes(checkpoint: UnsignedCheckpoint): Buffer {
  const { heads, keyId, signedAt } = checkpoint;
  return Buffer.from(canonicalize({ heads, keyId, signedAt }) as string, 'utf8');
}

export function signCheckpoint(checkpoint: UnsignedCheckpoint, privateKey: KeyObject): SignedCheckpoint {
  const heads = [...checkpoint.heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  const unsigned = { heads, keyId: checkpoint.keyId, signedAt: checkpoint.signedAt };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), privateKey).toString('base64url') };
}

/** True when the signature is valid for that public key (a KeyObject or an OKP/Ed25519 JWK). */
export function verifyCheckpoint(checkpoint: SignedCheckpoint, publicKey: KeyObject | JsonWebKey): boolean {
  const key = publicKey instanceof KeyObject ? publicKey : createPublicKey({ key: publicKey, format: 'jwk' });
  if (key.asymmetricKeyType !== 'ed25519') return false;
  try {
    return verify(null, signedBytes(checkpoint), key, Buffer.from(checkpoint.signature, 'base64url'));
  } catch {
    return false;
  }
}
