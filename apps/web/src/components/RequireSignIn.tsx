import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/session';

/** Pages for signed-in people: others go to the sign-in page and come back after. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session.token) return <Navigate to={`/inloggen?terug=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (session.loading || !session.me) return <Paragraph>Even geduld, uw gegevens worden geladen…</Paragraph>;
  return <>{children}</>;
}
