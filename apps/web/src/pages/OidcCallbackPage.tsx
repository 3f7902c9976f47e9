import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { oidcManager } from '../auth/oidc';
import { PageHeading } from '../components/page';

/** Where the OpenID provider sends the browser back with the authorization code. */
export function OidcCallbackPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    const oidc = session.config?.oidc;
    if (!oidc || started.current) return;
    started.current = true;
    oidcManager(oidc)
      .then((manager) => manager.signinRedirectCallback())
      .then((user) => {
        session.acceptToken(user.access_token);
        const state = user.state as { returnTo?: string } | undefined;
        const returnTo = state?.returnTo?.startsWith('/') && !state.returnTo.startsWith('//') ? state.returnTo : '/zaken';
        navigate(returnTo, { replace: true });
      })
      .catch(() => setFailed(true));
  }, [session, navigate]);
  return (
    <>
      <PageHeading title="Inloggen" />
      {failed ? (
        <Paragraph>
          Inloggen is niet gelukt.{' '}
          <Link className="utrecht-link" to="/inloggen">
            Probeer het opnieuw
          </Link>
          .
        </Paragraph>
      ) : (
        <Paragraph>U wordt ingelogd…</Paragraph>
      )}
    </>
  );
}

/** The hidden page silent renewal loads in an iframe. */
export function OidcSilentPage() {
  const session = useSession();
  useEffect(() => {
    const oidc = session.config?.oidc;
    if (oidc) void oidcManager(oidc).then((manager) => manager.signinSilentCallback());
  }, [session.config]);
  return null;
}
