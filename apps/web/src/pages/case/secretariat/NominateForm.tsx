import { Button, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../../api/client';
import type { Roster } from '../../../api/secretariat-types';
import type { CaseView } from '../../../api/types';
import { ErrorSummary, type SummaryError } from '../../../components/ErrorSummary';
import { ChoiceGroup } from '../../../components/fields';
import { ROLE_LABELS, ROUTE_LABELS } from '../../../lib/labels';
import { rosterHint } from '../../../lib/roster-hint';
import type { ActionSpec } from '../actions';

const PICK = 'nominate-neutrals-neutralUserIds';
const CHAIR = 'nominate-neutrals-chairUserId';
const SUBMIT = 'nominate-neutrals-submit';

/**
 * Nominating from the roster (rule 10): the neutrals whose role fits the route, each with their
 * caseload and earlier involvement; a panel of three names its chair.
 */
export function NominateForm({ c, spec, onDone }: { c: CaseView; spec: ActionSpec; onDone: (spec: ActionSpec) => Promise<void> }) {
  const roster = useQuery({
    queryKey: ['roster', c.id, c.version],
    queryFn: () => api<Roster>(`/api/neutrals?disputeId=${encodeURIComponent(c.id)}`),
  });
  const [picked, setPicked] = useState<string[]>([]);
  const [chair, setChair] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  if (roster.isPending) return <Paragraph>De lijst met neutralen wordt geladen…</Paragraph>;
  if (roster.isError) return <Paragraph>De lijst met neutralen kon niet worden geladen. Vernieuw de pagina.</Paragraph>;
  const r = roster.data;
  const candidates = r.neutrals.filter((n) => n.fitsRoute && n.onThisCase !== 'nominated' && n.onThisCase !== 'appointed');
  const roleWord = (ROLE_LABELS[r.roleNeeded ?? ''] ?? 'neutrale').toLowerCase();
  const sizes = r.panelSizes.join(' of ');
  const panel = picked.length === 3;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: SummaryError[] = [];
    if (!r.panelSizes.includes(picked.length)) {
      found.push({ fieldId: PICK, message: `Kies ${sizes} ${roleWord}${r.panelSizes.includes(3) ? 's' : ''}.` });
    } else if (panel && !picked.includes(chair)) {
      found.push({ fieldId: CHAIR, message: 'Kies wie de voorzitter is.' });
    }
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const ids = panel ? [chair, ...picked.filter((id) => id !== chair)] : picked;
      await api(`/api/disputes/${encodeURIComponent(c.id)}/nominate-neutrals`, {
        body: { neutralUserIds: ids, ...(panel ? { chairUserId: chair } : {}) },
        headers: { 'If-Match': String(c.version) },
      });
      await onDone(spec);
    } catch (error) {
      const fieldOf = (f: string) => (f === 'chairUserId' ? CHAIR : f.startsWith('neutralUserIds') ? PICK : SUBMIT);
      setErrors(
        error instanceof ApiError && error.errors.length > 0
          ? error.errors.map((e) => ({ fieldId: fieldOf(e.field), message: e.message }))
          : [{ fieldId: SUBMIT, message: error instanceof ApiError ? error.detail : 'Dit lukte niet. Probeer het opnieuw.' }],
      );
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <form noValidate onSubmit={submit} aria-label={spec.title}>
      <Paragraph>
        Route: {(ROUTE_LABELS[r.route ?? ''] ?? r.route ?? 'onbekend').toLowerCase()}. Kies {sizes} {roleWord}
        {r.panelSizes.includes(3) ? 's' : ''}. Bij drie kiest u ook de voorzitter. De partijen kunnen daarna bezwaar maken.
      </Paragraph>
      <ErrorSummary errors={errors} />
      {candidates.length === 0 ? (
        <Paragraph>Er staat geen {roleWord} in het register die u kunt voordragen.</Paragraph>
      ) : (
        <ChoiceGroup
          id={PICK}
          legend={`Wie draagt u voor? (${roleWord}s, minste lopende zaken eerst)`}
          error={errorFor(PICK)}
          type="checkbox"
          name={PICK}
          choices={candidates.map((n) => ({ value: n.userId, label: n.name, hint: rosterHint(n) }))}
          value={picked}
          onChange={(v) => setPicked(v as string[])}
        />
      )}
      {panel && (
        <ChoiceGroup
          id={CHAIR}
          legend="Wie is de voorzitter?"
          error={errorFor(CHAIR)}
          type="radio"
          name={CHAIR}
          choices={picked.map((id) => ({ value: id, label: candidates.find((n) => n.userId === id)?.name ?? id }))}
          value={chair}
          onChange={(v) => setChair(v as string)}
        />
      )}
      <Button type="submit" id={SUBMIT} appearance="primary-action-button" busy={busy} disabled={busy}>
        {spec.submit}
      </Button>
    </form>
  );
}
