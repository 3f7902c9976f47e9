import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiBlob, ApiError } from '../../api/client';

/** "Dossier downloaden" on the case page: the signed case file of what this reader may see. */
export function DossierDownloadButton({ disputeId, caseNumber }: { disputeId: string; caseNumber?: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setError(null);
    setBusy(true);
    try {
      const blob = await apiBlob(`/api/disputes/${encodeURIComponent(disputeId)}/dossier`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `dossier-${caseNumber ?? disputeId}.zip`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : 'Het dossier kon niet worden gedownload.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Dossier">
      {error && (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        Het dossier is een ZIP-bestand met alles wat u van deze zaak mag zien, ondertekend door de Geschilleninstantie. U kunt het{' '}
        <Link className="utrecht-link" to="/controleren">
          zelf controleren
        </Link>
        .
      </Paragraph>
      <Button appearance="secondary-action-button" onClick={() => void download()} disabled={busy}>
        {busy ? 'Dossier wordt gemaakt…' : 'Dossier downloaden'}
      </Button>
    </section>
  );
}
