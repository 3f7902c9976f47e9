// SHA-256 and JCS with WebCrypto only (globalThis.crypto.subtle), so the same code runs in Node 20
// and in the browser. The chain's definition: docs/tamper-evident-history.md.
import canonicalize from 'canonicalize';

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encoder.encode(text));
}

/** RFC 8785 (JCS) text of a JSON value. */
export function jcs(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('Value cannot be canonicalized');
  return text;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export async function contentHash(event: { id: string; type: string; data: unknown; metadata: unknown }): Promise<string> {
  return sha256Hex(utf8(jcs({ id: event.id, type: event.type, data: event.data, metadata: event.metadata })));
}

export async function linkHash(link: {
  streamId: string;
  revision: number;
  recordedAt: string;
  contentHash: string;
  previousHash: string | null;
}): Promise<string> {
  const { contentHash: content, previousHash, recordedAt, revision, streamId } = link;
  return sha256Hex(utf8(jcs({ contentHash: content, previousHash, recordedAt, revision, streamId })));
}

export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
