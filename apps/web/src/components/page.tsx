import { Heading1, PreHeading } from '@utrecht/component-library-react';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';

export const SITE_NAME = 'Geschilleninstantie Zorgcontractering';

// The first page of a visit keeps the browser's own focus (at the top); after that every
// navigation moves focus to the new page's heading so screen-reader users hear where they are.
// Keyed by the navigation, not the title: a title that changes while a page loads moves nothing.
let lastFocusedNavigation: string | null = null;
let firstNavigation: string | null = null;

/** The page's `<title>` and its h1, which takes focus after client-side navigation. */
export function PageHeading({ title, step, children }: { title: string; step?: { current: number; total: number }; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const stepText = step ? `Stap ${step.current} van ${step.total}` : null;
  const documentTitle = `${stepText ? `${stepText}: ` : ''}${title} - ${SITE_NAME}`;
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  const navigation = useLocation().key;
  useEffect(() => {
    firstNavigation ??= navigation;
    if (navigation === firstNavigation) return;
    if (lastFocusedNavigation !== navigation) {
      lastFocusedNavigation = navigation;
      ref.current?.focus();
    } else if (document.activeElement === document.body) {
      // The focused "loading" heading was replaced by the page's own: focus follows.
      ref.current?.focus();
    }
  }, [navigation]);
  return (
    <>
      {stepText && <PreHeading>{stepText}</PreHeading>}
      <Heading1 ref={ref} tabIndex={-1} className="gzc-page-heading">
        {stepText && <span className="gzc-visually-hidden">{stepText}: </span>}
        {title}
      </Heading1>
      {children}
    </>
  );
}

const AnnounceContext = createContext<(text: string) => void>(() => {});
export const useAnnounce = () => useContext(AnnounceContext);

/** A polite live region for news the page shows without a navigation (an action's result). */
export function Announcer({ children }: { children: ReactNode }) {
  const [text, setText] = useState('');
  const announce = (value: string) => {
    // Clear first so the same sentence twice is read twice.
    setText('');
    setTimeout(() => setText(value), 50);
  };
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-label="Meldingen" className="gzc-visually-hidden">
        {text}
      </div>
    </AnnounceContext.Provider>
  );
}
