// Keyset cursor for the case list: the sort key of the last item of a page. Opaque to clients
// (base64url JSON), but not secret: tampering can only move the page boundary, never widen visibility.

export interface CaseListCursor {
  filedAt: string;
  id: string;
}

/** The cursor is not one this API handed out; the API answers 400. */
export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super('The cursor is not valid: pass a nextCursor from a previous page unchanged');
    this.name = 'InvalidCursorError';
  }
}

export const encodeCursor = (cursor: CaseListCursor): string =>
  Buffer.from(JSON.stringify({ filedAt: cursor.filedAt, id: cursor.id }), 'utf8').toString('base64url');

export function decodeCursor(cursor: string): CaseListCursor {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(cursor);
  }
  const { filedAt, id } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof filedAt !== 'string' || typeof id !== 'string' || !filedAt || !id) throw new InvalidCursorError(cursor);
  return { filedAt, id };
}
