import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { CaseView } from '../../api/types';
import { PageHeading } from '../../components/page';
import { label, PHASE_LABELS, ROUTE_LABELS, SECTOR_LABELS, SUBJECT_LABELS } from '../../lib/labels';

/**
 * What a nominated neutral sees before appointment (rule 2): enough to check for a conflict of
 * interest, nothing more: no documents, deadlines or timeline.
 */
export function ConflictCheckPage({ c }: { c: CaseView }) {
  return (
    <>
      <PageHeading title={`Zaak ${c.caseNumber ?? ''}`.trim()} />
      <section className="gzc-card gzc-card--highlight" aria-labelledby="wat-nu">
        <Heading2 id="wat-nu">Wat gebeurt er nu?</Heading2>
        <Paragraph>
          U bent voorgedragen voor deze zaak. Controleer of u onafhankelijk bent van de partijen. Kent u een partij, of heeft u eerder voor
          een van hen gewerkt? Meld dat dan aan het secretariaat. Na de benoeming ziet u de hele zaak.
        </Paragraph>
      </section>
      <section aria-labelledby="geschil">
        <Heading2 id="geschil">Het geschil</Heading2>
        <dl className="gzc-dl">
          <dt>Indiener</dt>
          <dd>{c.claimants.map((o) => o.name).join(', ')}</dd>
          <dt>Wederpartij</dt>
          <dd>{c.respondents.map((o) => o.name).join(', ')}</dd>
          <dt>Route</dt>
          <dd>{ROUTE_LABELS[c.route ?? ''] ?? 'Nog niet gekozen'}</dd>
          <dt>Contract</dt>
          <dd>{label(PHASE_LABELS, c.phase)}</dd>
          <dt>Soort zorg</dt>
          <dd>{label(SECTOR_LABELS, c.sector)}</dd>
          <dt>Onderwerpen</dt>
          <dd>{c.subjects.map((s) => label(SUBJECT_LABELS, s)).join(', ')}</dd>
          <dt>Samenvatting</dt>
          <dd>{c.summary}</dd>
        </dl>
      </section>
    </>
  );
}
