import { requestEarly } from '../api/early-requests';
import { CONFIG_PATH, ME_PATH, ORGANISATIONS_PATH } from '../api/paths';
import { readStoredToken } from '../auth/token-storage';
import { openingStatisticsPaths } from '../pages/statistics/statistics-queries';
import { FIRST_ROWS, workQueuePath } from '../pages/work-queue-paths';

// A first visit (or a reload) of a page with heavy data asks for its code and its answers before
// the portal's own code (React, the router, the components) has been run: the server prepares the
// answers while the browser evaluates that code. Only light modules here: no React.

interface FirstVisit {
  /** The page's code (the same chunk routes.tsx loads lazily). */
  code(): Promise<unknown>;
  /** The GETs the page opens with, exactly as its queries ask for them. */
  paths(): string[];
}

const FIRST_VISITS: Record<string, FirstVisit> = {
  '/statistieken': { code: () => import('../pages/statistics/StatisticsPage'), paths: openingStatisticsPaths },
  '/werkvoorraad': { code: () => import('../pages/WorkQueuePage'), paths: () => [workQueuePath(FIRST_ROWS), ORGANISATIONS_PATH] },
};

/** Starts what the page at `pathname` needs; the code first, as the server sends a file at once. */
export function startFirstVisit(pathname: string): void {
  const token = readStoredToken();
  const page = FIRST_VISITS[pathname.replace(/\/+$/, '')];
  page?.code().catch(() => {}); // routes.tsx asks again and shows a failure
  requestEarly(CONFIG_PATH, null);
  if (!token) return;
  requestEarly(ME_PATH, token);
  for (const path of page?.paths() ?? []) requestEarly(path, token);
}
