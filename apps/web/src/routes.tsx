import { Paragraph } from '@utrecht/component-library-react';
import type { QueryClient } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter, matchRoutes } from 'react-router';
import { storedToken } from './auth/session';
import { lazyPage, type LazyPage } from './components/lazy-page';
import { Layout } from './components/Layout';
import { RequireSignIn } from './components/RequireSignIn';
import { AccessibilityPage } from './pages/AccessibilityPage';
import { HomePage } from './pages/HomePage';
import { KeuzehulpPage } from './pages/keuzehulp/KeuzehulpPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OidcCallbackPage, OidcSilentPage } from './pages/OidcCallbackPage';
import { SignedOutPage, SignInPage } from './pages/SignInPage';
import { prefetchStatistics } from './pages/statistics/statistics-queries';
import { prefetchWorkQueue } from './pages/work-queue-queries';

// The pages behind sign-in load when first visited: an anonymous visitor of the keuzehulp
// downloads none of the filing, case and form code.
const FilingPage = lazyPage(() => import('./pages/filing/FilingPage').then((m) => m.FilingPage));
const CasePage = lazyPage(() => import('./pages/case/CasePage').then((m) => m.CasePage));
const MyCasesPage = lazyPage(() => import('./pages/MyCasesPage').then((m) => m.MyCasesPage));
const StatisticsPage = lazyPage(() => import('./pages/statistics/StatisticsPage').then((m) => m.StatisticsPage));
const WorkQueuePage = lazyPage(() => import('./pages/WorkQueuePage').then((m) => m.WorkQueuePage));
const VerifyPage = lazyPage(() => import('./pages/verify/VerifyPage').then((m) => m.VerifyPage));
const DirectoryPage = lazyPage(() => import('./pages/directory/DirectoryPage').then((m) => m.DirectoryPage));
const OrganisationEditPage = lazyPage(() => import('./pages/directory/OrganisationEditPage').then((m) => m.OrganisationEditPage));
const UserEditPage = lazyPage(() => import('./pages/directory/UserEditPage').then((m) => m.UserEditPage));
const InboxPage = lazyPage(() => import('./pages/InboxPage').then((m) => m.InboxPage));

interface RouteHandle {
  /** Starts the page's code; resolves when it has arrived, never rejects. */
  preloadCode(): Promise<unknown>;
  /** Starts the page's data for a signed-in person. */
  prefetchData(queryClient: QueryClient): void;
}

/**
 * A lazy page's route: opened directly (a first visit, a reload), its code and, for a signed-in
 * person, its data are asked for at start-up, alongside the sign-in check, not one after another.
 */
const lazyRoute = (path: string, Page: LazyPage, element: ReactNode, prefetch?: (queryClient: QueryClient) => void) => ({
  path,
  element,
  handle: {
    preloadCode: () => Page.preload().catch(() => {}), // a failed download shows when the page itself asks again
    prefetchData(queryClient) {
      if (prefetch && storedToken()) prefetch(queryClient);
    },
  } satisfies RouteHandle,
});

const signedIn = (page: ReactNode) => (
  <RequireSignIn>
    <Suspense fallback={<Paragraph>Even geduld, de pagina wordt geladen…</Paragraph>}>{page}</Suspense>
  </RequireSignIn>
);

export const router = createBrowserRouter([
  { path: '/auth/silent', element: <OidcSilentPage /> },
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/keuzehulp/:step?', element: <KeuzehulpPage /> },
      { path: '/inloggen', element: <SignInPage /> },
      { path: '/uitgelogd', element: <SignedOutPage /> },
      { path: '/auth/callback', element: <OidcCallbackPage /> },
      lazyRoute('/aanvraag/:step?', FilingPage, signedIn(<FilingPage />)),
      lazyRoute('/zaken', MyCasesPage, signedIn(<MyCasesPage />)),
      lazyRoute('/zaken/:id', CasePage, signedIn(<CasePage />)),
      lazyRoute('/inbox', InboxPage, signedIn(<InboxPage />)),
      lazyRoute('/werkvoorraad', WorkQueuePage, signedIn(<WorkQueuePage />), prefetchWorkQueue),
      lazyRoute('/statistieken', StatisticsPage, signedIn(<StatisticsPage />), prefetchStatistics),
      lazyRoute('/register', DirectoryPage, signedIn(<DirectoryPage />)),
      lazyRoute('/register/organisaties/:id', OrganisationEditPage, signedIn(<OrganisationEditPage />)),
      lazyRoute('/register/gebruikers/:id', UserEditPage, signedIn(<UserEditPage />)),
      { path: '/toegankelijkheid', element: <AccessibilityPage /> },
      lazyRoute(
        '/controleren',
        VerifyPage,
        <Suspense fallback={<Paragraph>Even geduld, de pagina wordt geladen…</Paragraph>}>
          <VerifyPage />
        </Suspense>,
      ),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const handlesAt = (location: Location) =>
  (matchRoutes(router.routes, location) ?? []).flatMap((match) => (match.route.handle ? [match.route.handle as RouteHandle] : []));

/**
 * Starts the code of the page at this address (see lazyRoute); main.tsx calls it once, first: the
 * server sends a file at once, while an answer with data may keep it busy for a while.
 * Resolves when the code has arrived (at once for a page without code of its own).
 */
export function preloadPageCode(location: Location): Promise<unknown> {
  return Promise.all(handlesAt(location).map((handle) => handle.preloadCode()));
}

/** Starts the data of the page at this address for a signed-in person; main.tsx calls it once. */
export function prefetchPageData(location: Location, queryClient: QueryClient): void {
  for (const handle of handlesAt(location)) handle.prefetchData(queryClient);
}
