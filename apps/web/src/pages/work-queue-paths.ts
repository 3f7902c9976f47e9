// The work queue's request, apart from its query (work-queue-queries.ts) so the start-up can ask
// for it before React and TanStack Query have been loaded (start/first-visit.ts).

/** Rows per list at first: a long list is one click away, and the answer stays small. */
export const FIRST_ROWS = 10;
/** The most rows a list shows after that click (the API's largest `rows`). */
export const ALL_ROWS = 1000;

/** The queue with each list cut to its oldest `rows` (GET /api/caseload?compact=true&rows=N). */
export const workQueuePath = (rows: number) => `/api/caseload?compact=true&rows=${rows}`;
