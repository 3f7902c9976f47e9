import { fileTypeFromTokenizer } from 'file-type';
import type { Readable } from 'node:stream';
import { fromStream } from 'strtok3';

/** The kinds of document the disputes body accepts, by the media type their content proves. */
export const ACCEPTED_DOCUMENT_TYPES = [
  { mediaType: 'application/pdf', label: 'PDF', aliases: [] },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (DOCX)',
    aliases: [],
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel (XLSX)',
    aliases: [],
  },
  { mediaType: 'image/png', label: 'PNG', aliases: [] },
  { mediaType: 'image/jpeg', label: 'JPEG', aliases: ['image/jpg', 'image/pjpeg'] },
  // CSV and Markdown are plain text too; they are stored and served as text/plain.
  { mediaType: 'text/plain', label: 'plain text (UTF-8)', aliases: ['text/csv', 'text/markdown'] },
] as const;

export type AcceptedMediaType = (typeof ACCEPTED_DOCUMENT_TYPES)[number]['mediaType'];

export const ACCEPTED_LABELS = ACCEPTED_DOCUMENT_TYPES.map((t) => t.label).join(', ');

/** Declared types that say nothing about the content: the content alone decides. */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export type Recognition =
  | { ok: true; mediaType: AcceptedMediaType }
  | { ok: false; reason: 'not_accepted'; detected: string }
  | { ok: false; reason: 'declared_type_mismatch'; detected: AcceptedMediaType; declared: string };

/**
 * What the bytes are, decided by their content (file-type's signatures; for DOCX and XLSX it reads
 * the ZIP's [Content_Types].xml), never by the name or the declared type. Plain text is what
 * file-type does not recognise and is valid UTF-8 without NUL bytes. A declared type, when the
 * client sent a meaningful one, must agree with the content.
 */
export async function recogniseDocumentType(read: () => Readable, declaredType: string | undefined): Promise<Recognition> {
  const detected = await detectByContent(read);
  if (detected === undefined) return { ok: false, reason: 'not_accepted', detected: 'unknown binary content' };
  const accepted = ACCEPTED_DOCUMENT_TYPES.find((t) => t.mediaType === detected);
  if (!accepted) return { ok: false, reason: 'not_accepted', detected };
  const declared = essenceOf(declaredType);
  if (!UNDECLARED.has(declared) && declared !== accepted.mediaType && !(accepted.aliases as readonly string[]).includes(declared)) {
    return { ok: false, reason: 'declared_type_mismatch', detected: accepted.mediaType, declared };
  }
  return { ok: true, mediaType: accepted.mediaType };
}

/** `Text/Plain; charset=UTF-8` → `text/plain`. */
export function essenceOf(mediaType: string | undefined): string {
  return (mediaType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The media type the content proves, `text/plain` for UTF-8 text, or undefined. */
async function detectByContent(read: () => Readable): Promise<string | undefined> {
  const source = read();
  let sniffed: { mime: string } | undefined;
  try {
    // strtok3 is file-type's own tokenizer; it reads only as far as detection needs.
    sniffed = await fileTypeFromTokenizer(await fromStream(source));
  } finally {
    source.destroy();
  }
  if (sniffed) return sniffed.mime;
  return (await isUtf8Text(read())) ? 'text/plain' : undefined;
}

/** Valid UTF-8 from start to end, with no NUL byte (which marks binary data). */
async function isUtf8Text(source: Readable): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) return false;
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  } finally {
    source.destroy();
  }
}
