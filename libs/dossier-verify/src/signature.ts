// The manifest's Ed25519 signature, checked with WebCrypto (Node 20 and Chromium both have Ed25519).
import type { DossierManifest, ManifestSignature } from './format';
import { base64UrlToBytes, jcs, utf8 } from './hashing';

export interface PublicJwk {
  kty: string;
  crv?: string;
  x?: string;
  kid?: string;
}

/** The bytes that are signed: UTF-8 of JCS of the manifest without its `signature` member. */
export function manifestSigningInput(manifest: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  const { signature: _signature, ...unsigned } = manifest;
  return utf8(jcs(unsigned));
}

/** RFC 7638 thumbprint of an Ed25519 JWK, base64url: the key id the body publishes. */
export async function jwkThumbprint(jwk: PublicJwk): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', utf8(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))),
  );
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function verifyEd25519(jwk: PublicJwk, signature: string, data: Uint8Array<ArrayBuffer>): Promise<boolean> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return false;
  try {
    const key = await globalThis.crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, [
      'verify',
    ]);
    return await globalThis.crypto.subtle.verify({ name: 'Ed25519' }, key, base64UrlToBytes(signature), data);
  } catch {
    return false;
  }
}

export type SignatureStatus =
  /** Valid, made with the trusted (published) key given to the verifier. */
  | 'valid'
  /** Valid for the key in the manifest, but no trusted key was given to compare it with. */
  | 'valid_unverified_key'
  /** Valid for the key in the manifest, which is not the trusted key: someone else signed it. */
  | 'other_key'
  | 'invalid';

export async function checkManifestSignature(manifest: DossierManifest, trustedKey?: PublicJwk): Promise<SignatureStatus> {
  const signature: ManifestSignature | undefined = manifest.signature;
  if (!signature || signature.alg !== 'EdDSA' || typeof signature.value !== 'string' || !signature.publicKey) return 'invalid';
  const valid = await verifyEd25519(
    signature.publicKey,
    signature.value,
    manifestSigningInput(manifest as unknown as Record<string, unknown>),
  );
  if (!valid) return 'invalid';
  if (signature.keyId !== (await jwkThumbprint(signature.publicKey))) return 'invalid';
  if (!trustedKey) return 'valid_unverified_key';
  return trustedKey.x === signature.publicKey.x && trustedKey.crv === 'Ed25519' ? 'valid' : 'other_key';
}
