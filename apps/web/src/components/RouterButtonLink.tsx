import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A link styled as Utrecht's ButtonLink that navigates inside the app (no full page load). */
export function RouterButtonLink({ to, children, secondary }: { to: string; children: ReactNode; secondary?: boolean }) {
  return (
    <Link
      to={to}
      className={`utrecht-button-link utrecht-button-link--html-a ${secondary ? 'utrecht-button-link--secondary-action' : 'utrecht-button-link--primary-action'}`}
    >
      {children}
    </Link>
  );
}
