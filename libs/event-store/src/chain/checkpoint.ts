// Signed checkpoints: the body signs the heads of the chains with Ed25519, so a history that was
// rewritten wholesale (every hash recomputed) still disagrees with a checkpoint signed before it.
// Each checkpoint lists the chains that changed since the one before it (the first lists them
// all); the signature covers the JCS encoding of {after, heads, keyId, signedAt, through}
// (docs/tamper-evident-history.md).
import { createPublicKey, KeyObject, sign, verify, type JsonWebKey } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The last event of one stream's chain. */
export interface ChainHead {
  streamId: string;
  revision: number;
  hash: string;
}

export interface UnsignedCheckpoint {
  /**
   * The chains that changed after log position `after`, each with its head, sorted by streamId
   * (UTF-16 code units, as JCS sorts keys). `after` 0: every chain.
   */
  heads: ChainHead[];
  /** The log position the previous checkpoint covered (0 for the first, which lists every chain). */
  after: number;
  /** The log's head position when the heads were read: every change up to it is covered. */
  through: number;
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
  const { heads, after, through, keyId, signedAt } = checkpoint;
  return Buffer.from(canonicalize({ after, heads, keyId, signedAt, through }) as string, 'utf8');
}

export function signCheckpoint(checkpoint: UnsignedCheckpoint, privateKey: KeyObject): SignedCheckpoint {
  const heads = [...checkpoint.heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  const { after, through, keyId, signedAt } = checkpoint;
  const unsigned = { heads, after, through, keyId, signedAt };
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
