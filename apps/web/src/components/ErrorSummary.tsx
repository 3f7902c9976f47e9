import { Heading2, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';

export interface SummaryError {
  /** The id of the field the message belongs to (the link target). */
  fieldId: string;
  message: string;
  /** A link to another page (for example a filing step) instead of a field on this page. */
  href?: string;
}

/**
 * The error summary above a form (NL Design System guideline): its heading takes focus when it
 * appears, and each message links to its field. Utrecht has no such component, so it is built here.
 */
export function ErrorSummary({ errors, title = 'Er ging iets mis. Controleer het volgende:' }: { errors: SummaryError[]; title?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const key = errors.map((e) => `${e.fieldId}:${e.message}`).join('|');
  useEffect(() => {
    if (errors.length > 0) heading.current?.focus();
  }, [key, errors.length]);
  if (errors.length === 0) return null;
  return (
    <div className="gzc-error-summary" aria-labelledby="foutoverzicht-titel" role="region">
      <Heading2 id="foutoverzicht-titel" ref={heading} tabIndex={-1}>
        {title}
      </Heading2>
      <UnorderedList>
        {errors.map((error) => (
          <UnorderedListItem key={`${error.fieldId}-${error.message}`}>
            <a
              className="utrecht-link"
              href={error.href ?? `#${error.fieldId}`}
              onClick={(event) => {
                if (error.href) return;
                const target = document.getElementById(error.fieldId);
                if (target) {
                  event.preventDefault();
                  target.scrollIntoView({ block: 'center' });
                  target.focus();
                }
              }}
            >
              {error.message}
            </a>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </div>
  );
}
