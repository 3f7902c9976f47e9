import accepts from 'accepts';
import type { Request } from 'express';

// Accept-Language picks the language of problem titles, details and field messages: Dutch when
// the client prefers it (the portal sends `nl`), English otherwise (the default for tools).

export type Language = 'en' | 'nl';

export function languageOf(request: Request | undefined): Language {
  if (!request?.headers) return 'en';
  return accepts(request).languages('en', 'nl') === 'nl' ? 'nl' : 'en';
}
