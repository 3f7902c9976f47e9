import { Paragraph } from '@utrecht/component-library-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { RequireSignIn } from './components/RequireSignIn';
import { AccessibilityPage } from './pages/AccessibilityPage';
import { HomePage } from './pages/HomePage';
import { KeuzehulpPage } from './pages/keuzehulp/KeuzehulpPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OidcCallbackPage, OidcSilentPage } from './pages/OidcCallbackPage';
import { SignedOutPage, SignInPage } from './pages/SignInPage';

// The pages behind sign-in load when first visited: an anonymous visitor of the keuzehulp
// downloads none of the filing, case and form code.
const FilingPage = lazy(() => import('./pages/filing/FilingPage').then((m) => ({ default: m.FilingPage })));
const CasePage = lazy(() => import('./pages/case/CasePage').then((m) => ({ default: m.CasePage })));
const MyCasesPage = lazy(() => import('./pages/MyCasesPage').then((m) => ({ default: m.MyCasesPage })));
const StatisticsPage = lazy(() => import('./pages/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));
const WorkQueuePage = lazy(() => import('./pages/WorkQueuePage').then((m) => ({ default: m.WorkQueuePage })));
const VerifyPage = lazy(() => import('./pages/verify/VerifyPage').then((m) => ({ default: m.VerifyPage })));
const DirectoryPage = lazy(() => import('./pages/directory/DirectoryPage').then((m) => ({ default: m.DirectoryPage })));
const OrganisationEditPage = lazy(() =>
  import('./pages/directory/OrganisationEditPage').then((m) => ({ default: m.OrganisationEditPage })),
);
const UserEditPage = lazy(() => import('./pages/directory/UserEditPage').then((m) => ({ default: m.UserEditPage })));
const InboxPage = lazy(() => import('./pages/InboxPage').then((m) => ({ default: m.InboxPage })));

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
      { path: '/aanvraag/:step?', element: signedIn(<FilingPage />) },
      { path: '/zaken', element: signedIn(<MyCasesPage />) },
      { path: '/zaken/:id', element: signedIn(<CasePage />) },
      { path: '/inbox', element: signedIn(<InboxPage />) },
      { path: '/werkvoorraad', element: signedIn(<WorkQueuePage />) },
      { path: '/statistieken', element: signedIn(<StatisticsPage />) },
      { path: '/register', element: signedIn(<DirectoryPage />) },
      { path: '/register/organisaties/:id', element: signedIn(<OrganisationEditPage />) },
      { path: '/register/gebruikers/:id', element: signedIn(<UserEditPage />) },
      { path: '/toegankelijkheid', element: <AccessibilityPage /> },
      {
        path: '/controleren',
        element: (
          <Suspense fallback={<Paragraph>Even geduld, de pagina wordt geladen…</Paragraph>}>
            <VerifyPage />
          </Suspense>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
