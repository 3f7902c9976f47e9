// Where this tab keeps its sign-in token. No imports: the start-up (start/first-visit.ts) reads it
// before React and the rest of the portal have been loaded.

export const TOKEN_KEY = 'gzc.token';

/** The token kept for this tab, or null (none, or storage refused). */
export function readStoredToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}
