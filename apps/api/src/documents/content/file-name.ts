/** Longest name kept, in characters; the extension survives shortening. */
export const MAX_FILE_NAME_LENGTH = 200;

const FALLBACK = 'document';
// C0 and C1 controls, DEL, and the bidirectional overrides that make `gpj.exe` read as `exe.jpg`.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Reserved on Windows or in HTTP headers and shells; replaced, so the name stays readable.
const RESERVED = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A display name that is safe to show and to offer in Content-Disposition: the last path segment
 * only (both `/` and `\`), NFC-normalised, without control or bidi characters, reserved characters
 * replaced by `_`, no leading or trailing dots and spaces, not a Windows device name, at most
 * MAX_FILE_NAME_LENGTH characters. The name is never used as a path: documents are stored by hash.
 */
export function sanitizeFileName(raw: string | undefined): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(CONTROL, '').replace(RESERVED, '_').replace(/\s+/g, ' ');
  name = name.replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  name = shorten(name);
  return name === '' ? FALLBACK : name;
}

function shorten(name: string): string {
  const chars = Array.from(name); // by code point: never split a surrogate pair
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) {
    return chars.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('').trimEnd() + extension.join('');
  }
  return chars.slice(0, MAX_FILE_NAME_LENGTH).join('').trimEnd();
}

/**
 * The extensions that name each accepted type; the first is added when a name has none of them.
 * Plain text gets `.txt` only: a `.csv` or `.html` name would have the reader's program treat the
 * text as something else (a spreadsheet with formulas, a web page with scripts).
 */
export const EXTENSIONS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'text/plain': ['.txt'],
};

/**
 * A sanitised name that ends with an extension of the media type its content proved, so that the
 * name cannot lie about the type: `factuur.pdf.bat` holding text becomes `factuur.pdf.bat.txt`,
 * `Verweerschrift.html` becomes `Verweerschrift.html.txt`. The original name stays readable in
 * front; a name that already fits is kept as it is.
 */
export function nameForType(raw: string | undefined, mediaType: string): string {
  const name = sanitizeFileName(raw);
  const extensions = EXTENSIONS_BY_TYPE[mediaType];
  if (!extensions) return name;
  const lower = name.toLowerCase();
  if (extensions.some((extension) => lower.endsWith(extension) && lower.length > extension.length)) return name;
  const extension = extensions[0]!;
  const room = MAX_FILE_NAME_LENGTH - extension.length;
  const chars = Array.from(name);
  const base = chars.length > room ? chars.slice(0, room).join('').trimEnd() : name;
  return `${base}${extension}`;
}
