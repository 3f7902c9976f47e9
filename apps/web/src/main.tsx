import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/index.css';
import './theme.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureApiClient } from './api/client';
import { prefetchSession, SessionProvider, storedToken } from './auth/session';
import { preloadPage, router } from './routes';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

// The sign-in check and the page's code and data are asked for now, side by side, not one after
// the other once React has rendered. The session provider takes over the client (with its
// handling of a 401) once it mounts.
configureApiClient({ token: storedToken, onUnauthorized: () => {} });
prefetchSession(queryClient);
preloadPage(window.location, queryClient);

const root = document.getElementById('root')!;
// The theme classes sit on the root so Utrecht's components pick up our tokens.
root.className = 'utrecht-theme gzc-theme utrecht-document';
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
