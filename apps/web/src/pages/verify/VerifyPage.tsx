import { Alert, Button, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { verifyDossier, type DossierReport, type PublicJwk } from '../../../../../libs/dossier-verify/src';
import { FileInput } from '../../components/FileInput';
import { PageHeading, useAnnounce } from '../../components/page';

// Verifies a dossier in the page: the file is read with the File API and checked with WebCrypto,
// nothing is uploaded. Only the public key is fetched (the key this site publishes).

const SIGNATURE_TEXT: Record<DossierReport['signature'], string> = {
  valid: 'De handtekening klopt. Het dossier is ondertekend door de Geschilleninstantie (met de gepubliceerde sleutel).',
  valid_unverified_key: 'De handtekening klopt, maar de gepubliceerde sleutel kon niet worden opgehaald om de afzender te controleren.',
  other_key: 'Het dossier is ondertekend met een andere sleutel dan die van de Geschilleninstantie.',
  invalid: 'De handtekening klopt niet.',
  not_checked: 'De handtekening kon niet worden gecontroleerd.',
};

async function publishedKey(): Promise<PublicJwk | undefined> {
  try {
    const response = await fetch('/.well-known/gzc-signing-key');
    return response.ok ? ((await response.json()) as PublicJwk) : undefined;
  } catch {
    return undefined;
  }
}

export function VerifyPage() {
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<DossierReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const announce = useAnnounce();

  const check = async (event: FormEvent) => {
    event.preventDefault();
    setReport(null);
    setError(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setError('Kies eerst het dossier (een ZIP-bestand).');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await verifyDossier(new Uint8Array(await file.arrayBuffer()), { trustedKey: await publishedKey() });
      setReport(result);
      announce(result.intact ? 'Het dossier is in orde.' : 'Het dossier is niet in orde.');
    } catch {
      setError('Het bestand kon niet worden gecontroleerd.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title="Dossier controleren" />
      <Paragraph lead>Controleer of een dossier van de Geschilleninstantie compleet is en niet is veranderd.</Paragraph>
      <Paragraph>
        Uw bestand blijft op uw computer. De controle gebeurt in deze pagina; er wordt niets verstuurd. Alleen de openbare sleutel van de
        Geschilleninstantie wordt opgehaald.
      </Paragraph>
      <form onSubmit={(e) => void check(e)} noValidate>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="dossier-bestand">
            Dossier (ZIP-bestand)
          </label>
          <FileInput id="dossier-bestand" ref={input} describedBy={error ? 'dossier-fout' : undefined} invalid={Boolean(error)} />
        </div>
        {error && (
          <Paragraph id="dossier-fout" className="utrecht-form-field-error-message">
            {error}
          </Paragraph>
        )}
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {busy ? 'Bezig met controleren…' : 'Controleer het dossier'}
        </Button>
      </form>
      {report && <VerifyResult report={report} />}
    </>
  );
}

function VerifyResult({ report }: { report: DossierReport }) {
  const m = report.manifest;
  return (
    <section aria-labelledby="uitkomst">
      <Heading2 id="uitkomst">Uitkomst</Heading2>
      <Alert type={report.intact ? 'ok' : 'error'} className="gzc-alert">
        <Paragraph>
          <strong>
            {report.intact
              ? 'In orde: het dossier is compleet en niet veranderd.'
              : 'Niet in orde: het dossier is veranderd of onvolledig.'}
          </strong>
        </Paragraph>
        <Paragraph>{SIGNATURE_TEXT[report.signature]}</Paragraph>
      </Alert>
      {report.problems.length > 0 && (
        <>
          <Heading2 id="gevonden">Wat er niet klopt</Heading2>
          <UnorderedList aria-labelledby="gevonden">
            {report.problems.map((p, i) => (
              <UnorderedListItem key={i}>{p.message.nl}</UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {m && (
        <Paragraph>
          Dossier {m.caseNumber ?? m.disputeId}, gemaakt op{' '}
          {new Date(m.generatedAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}. {m.files} bestanden, {m.documents}{' '}
          documenten.
          {m.withheldEvents + m.withheldDocuments > 0 &&
            ` Niet voor deze lezer: ${m.withheldEvents} gebeurtenis(sen) en ${m.withheldDocuments} document(en); daarvan staan alleen de plaats en de vingerafdruk in het dossier.`}
        </Paragraph>
      )}
    </section>
  );
}
