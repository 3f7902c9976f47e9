import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/page';
import { ORGANISATION_KIND_LABELS, ROLE_LABELS } from '../lib/labels';

/** Only paths inside the portal: `terug` must never send someone to another site. */
const safeReturn = (value: string | null): string => (value && value.startsWith('/') && !value.startsWith('//') ? value : '/zaken');

export function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturn(params.get('terug'));
  const [error, setError] = useState<string | null>(null);
  const config = session.config;

  if (!config) return <PageHeading title="Inloggen"><Paragraph>Even geduld…</Paragraph></PageHeading>;

  if (config.authMode === 'oidc') {
    return (
      <>
        <PageHeading title="Inloggen" />
        <Paragraph>U logt in via het inlogsysteem van uw organisatie. Daarna komt u vanzelf hier terug.</Paragraph>
        <Button appearance="primary-action-button" onClick={() => void session.signInOidc(returnTo)}>
          Inloggen
        </Button>
      </>
    );
  }

  const groups = config.demoOrganisations ?? [];
  const parties = groups.filter((g) => ['provider', 'association', 'insurer', 'care_office'].includes(g.kind));
  const others = groups.filter((g) => !parties.includes(g));
  const pick = async (userId: string) => {
    setError(null);
    try {
      await session.signInDev(userId);
      navigate(returnTo);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : 'Inloggen lukte niet. Probeer het opnieuw.');
    }
  };
  const renderGroup = (group: (typeof groups)[number]) => (
    <section key={group.id} aria-labelledby={`org-${group.id}`} className="gzc-card">
      <Heading2 id={`org-${group.id}`}>{group.name}</Heading2>
      <Paragraph>{ORGANISATION_KIND_LABELS[group.kind] ?? group.kind}</Paragraph>
      <ul className="gzc-footer__links">
        {group.users.map((user) => (
          <li key={user.id}>
            <Button appearance="secondary-action-button" onClick={() => void pick(user.id)}>
              Inloggen als {user.name} ({(ROLE_LABELS[user.role] ?? user.role).toLowerCase()})
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
  return (
    <>
      <PageHeading title="Inloggen (demonstratie)" />
      <div className="gzc-demo-banner" role="note">
        <Paragraph>
          <strong>Dit is een demonstratie.</strong> U logt niet echt in. Kies hieronder een voorbeeldgebruiker. Vul geen echte gegevens van
          patiënten of cliënten in.
        </Paragraph>
      </div>
      {error && <ErrorSummary errors={[{ fieldId: 'inloggen', message: error }]} />}
      <div id="inloggen">
        {parties.map(renderGroup)}
        {others.length > 0 && (
          <details className="gzc-action">
            <summary>Medewerkers van de geschilleninstantie en toezicht</summary>
            {others.map(renderGroup)}
          </details>
        )}
      </div>
    </>
  );
}

export function SignedOutPage() {
  return (
    <>
      <PageHeading title="U bent uitgelogd" />
      <Paragraph>
        U bent uitgelogd. Een aanvraag die u nog niet verstuurd heeft, blijft op deze computer bewaard.{' '}
        <Link className="utrecht-link" to="/inloggen">
          Opnieuw inloggen
        </Link>
      </Paragraph>
    </>
  );
}
