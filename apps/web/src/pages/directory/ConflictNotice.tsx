import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';

/**
 * A save refused with 409 (If-Match no longer matched): someone else changed the record since the
 * page was loaded. The heading takes focus so the person hears it at once.
 */
export function ConflictNotice({ onReload }: { onReload: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="gzc-error-summary" role="region" aria-labelledby="conflict-titel">
      <Heading2 id="conflict-titel" ref={heading} tabIndex={-1}>
        Iemand anders heeft dit intussen gewijzigd
      </Heading2>
      <Paragraph>
        Uw wijziging is niet opgeslagen, want iemand anders heeft deze gegevens gewijzigd nadat u de pagina opende. Laad de nieuwste
        gegevens en doe uw wijziging daarna opnieuw.
      </Paragraph>
      <Button appearance="secondary-action-button" onClick={onReload}>
        Nieuwste gegevens laden
      </Button>
    </div>
  );
}
