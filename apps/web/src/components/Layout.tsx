import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { Announcer, SITE_NAME } from './page';

export function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const role = session.me?.user.role;
  const isParty = role === 'provider' || role === 'association' || role === 'insurer';
  const links: { to: string; text: string }[] = [
    { to: '/keuzehulp', text: 'Keuzehulp' },
    ...(session.me ? [{ to: '/zaken', text: 'Mijn zaken' }] : []),
    ...(session.me ? [{ to: '/inbox', text: role === 'insurer' ? 'Te beantwoorden' : 'Meldingen' }] : []),
    ...(isParty ? [{ to: '/aanvraag', text: 'Nieuwe aanvraag' }] : []),
    ...(role === 'secretariat' ? [{ to: '/werkvoorraad', text: 'Werkvoorraad' }] : []),
    ...(role === 'secretariat' ? [{ to: '/register', text: 'Register' }] : []),
    ...(role === 'observer' || role === 'secretariat' ? [{ to: '/statistieken', text: 'Statistieken' }] : []),
  ];
  return (
    <Announcer>
      <a href="#inhoud" className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
        Naar de inhoud
      </a>
      <header className="gzc-header">
        <div className="gzc-container gzc-header__inner">
          <NavLink to="/" className="gzc-logo">
            <span aria-hidden="true" className="gzc-logo__mark">
              GZ
            </span>
            <span>{SITE_NAME}</span>
          </NavLink>
          <div className="gzc-account">
            {session.me ? (
              <>
                <span className="gzc-account__who">
                  {session.me.user.name}
                  {session.me.organisation && <>, {session.me.organisation.name}</>}
                </span>
                <Button
                  appearance="subtle-button"
                  onClick={async () => {
                    await session.signOut();
                    if (session.config?.authMode !== 'oidc') navigate('/uitgelogd');
                  }}
                >
                  Uitloggen
                </Button>
              </>
            ) : (
              location.pathname !== '/inloggen' && (
                <NavLink className="utrecht-link" to={`/inloggen?terug=${encodeURIComponent(location.pathname)}`}>
                  Inloggen
                </NavLink>
              )
            )}
          </div>
        </div>
        <nav aria-label="Hoofdmenu" className="gzc-nav">
          <ul className="gzc-container gzc-nav__list">
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} className="gzc-nav__link">
                  {link.text}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="inhoud" tabIndex={-1} className="gzc-container gzc-main">
        {session.expired && (
          <Alert type="warning" className="gzc-alert">
            <Paragraph>
              U bent uitgelogd, omdat uw sessie is verlopen.{' '}
              <NavLink className="utrecht-link" to={`/inloggen?terug=${encodeURIComponent(location.pathname)}`}>
                Log opnieuw in
              </NavLink>
              .
            </Paragraph>
          </Alert>
        )}
        <Outlet />
      </main>
      <footer className="gzc-footer">
        <div className="gzc-container">
          <Paragraph>
            Onafhankelijke Geschilleninstantie Zorgcontractering. Vragen? Bel het secretariaat: 030 123 45 67 (werkdagen 9.00 tot 17.00
            uur).
          </Paragraph>
          <ul className="gzc-footer__links">
            <li>
              <NavLink className="utrecht-link" to="/toegankelijkheid">
                Toegankelijkheid
              </NavLink>
            </li>
            <li>
              <NavLink className="utrecht-link" to="/keuzehulp/secretariaat">
                Contact
              </NavLink>
            </li>
          </ul>
        </div>
      </footer>
    </Announcer>
  );
}
