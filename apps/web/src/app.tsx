import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureApiClient } from './api/client';
import { prefetchSession, SessionProvider, storedToken } from './auth/session';
import { prefetchPageData, preloadPageCode, router } from './routes';

/** How long the first render waits for the page's code at most. */
const FIRST_RENDER_WAIT_MS = 1000;

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

// The sign-in check and the page's code and data are asked for now, side by side, not one after
// the other once React has rendered (for the heavier pages main.tsx asked already: api() takes
// those answers). The session provider takes over the client (with its handling of a 401) once it
// mounts.
configureApiClient({ token: storedToken, onUnauthorized: () => {} });
const pageCode = preloadPageCode(window.location);
prefetchSession(queryClient);
prefetchPageData(window.location, queryClient);

function render(): void {
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
}

// Rendered before the page's code is there, the page would show "de pagina wordt geladen" and React
// would then hold the page itself back for up to 300 ms (its throttle on a revealed Suspense
// boundary). So the first render waits for the code, a short while at most.
void Promise.race([pageCode, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(render);
