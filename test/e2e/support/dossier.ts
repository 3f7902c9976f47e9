import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { getBytes } from './documents';
import type { ApiResponse, TestApp } from './test-app';

export const dossierPath = (id: string): string => `/api/disputes/${id}/dossier`;

/** GET the dossier as `userId`: status, headers and the raw bytes (a problem document parsed when it is one). */
export async function downloadDossier(
  t: TestApp,
  userId: string,
  id: string,
): Promise<{ status: number; headers: ApiResponse['headers']; bytes: Uint8Array; problem?: { code: string } }> {
  const res = await getBytes(t, userId, dossierPath(id));
  const isProblem = String(res.headers['content-type']).startsWith('application/problem+json');
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(res.bytes), problem: isProblem ? res.body : undefined };
}

/** The dossier's files, to read or change, and back into a ZIP. */
export const unzip = (zip: Uint8Array): Record<string, Uint8Array> => unzipSync(zip);
export const rezip = (files: Record<string, Uint8Array>): Uint8Array => zipSync(files);

/** A copy of the dossier with `edit` applied to its files. */
export function tamper(zip: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzip(zip);
  edit(files);
  return rezip(files);
}

/** Flips one bit of the byte at `index` (negative: from the end). */
export function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const at = index < 0 ? copy.length + index : index;
  copy[at] ^= 0x01;
  return copy;
}

export const eventLines = (files: Record<string, Uint8Array>): string[] => strFromU8(files['events.jsonl']).split('\n').filter(Boolean);
export const setEventLines = (files: Record<string, Uint8Array>, lines: string[]): void => {
  files['events.jsonl'] = strToU8(lines.map((l) => `${l}\n`).join(''));
};
