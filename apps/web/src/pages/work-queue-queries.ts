import type { QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { organisationsQuery } from '../api/queries';
import type { CaseloadAnswer } from '../api/secretariat-types';
import { FIRST_ROWS, workQueuePath } from './work-queue-paths';

// The work queue's requests, shared with the preload at start-up (routes.tsx): a first visit asks
// for them while the page's code is still on its way, under the same keys.

/** The queue with each list cut to its oldest `rows` (GET /api/caseload?compact=true&rows=N). */
export const workQueueQuery = (rows: number) => ({
  queryKey: ['caseload', 'queue', rows],
  queryFn: () => api<CaseloadAnswer>(workQueuePath(rows)),
  // Not asked for again when the page mounts just after the preload answered; a command on a case
  // invalidates it (CasePage), so the queue is fresh when the secretariat comes back to it.
  staleTime: 10_000,
});

export function prefetchWorkQueue(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(workQueueQuery(FIRST_ROWS));
  void queryClient.prefetchQuery(organisationsQuery);
}
