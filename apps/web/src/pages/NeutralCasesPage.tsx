import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { useCaseDetails, useCaseList } from '../api/queries';
import type { CaseView } from '../api/types';
import { useSession } from '../auth/session';
import { PageHeading } from '../components/page';
import { formatDate } from '../lib/format';
import { ROLE_LABELS, ROUTE_LABELS, STATUS_LABELS } from '../lib/labels';
import { byUrgency, neutralTask, type NeutralTask } from '../lib/neutral-task';

/**
 * "Mijn zaken" for a mediator, adviser or arbitrator: every case they are nominated or appointed
 * on, with what it needs from them now and by when (Amsterdam time), the most urgent first.
 */
export function NeutralCasesPage() {
  const session = useSession();
  const userId = session.me?.user.id ?? '';
  const list = useCaseList({});
  const items = list.data?.items ?? [];
  const details = useCaseDetails(items.map((i) => i.id));
  const now = new Date().toISOString();
  // A case that could not be loaded is said below; the others still show.
  const loaded = details.every((d) => !d.isPending);
  const rows = details
    .flatMap((d) => (d.data ? [d.data] : []))
    .map((c) => ({ c, caseNumber: c.caseNumber, task: neutralTask(c, userId, now) }))
    .sort(byUrgency);
  const open = rows.filter((r) => r.task.rank < 4);
  const done = rows.filter((r) => r.task.rank === 4);

  return (
    <>
      <PageHeading title="Mijn zaken" />
      <Paragraph>
        De zaken waarin u {(ROLE_LABELS[session.me?.user.role ?? ''] ?? 'neutrale').toLowerCase()} bent of bent voorgedragen. Bovenaan staat
        wat het eerst moet. Tijden zijn in Nederlandse tijd.
      </Paragraph>
      {(list.isPending || (!loaded && items.length > 0)) && <Paragraph>Uw zaken worden geladen…</Paragraph>}
      {(list.isError || details.some((d) => d.isError)) && (
        <Paragraph>Niet al uw zaken konden worden geladen. Probeer het later opnieuw.</Paragraph>
      )}
      {list.data && items.length === 0 && <Paragraph>U heeft nog geen zaken.</Paragraph>}
      {loaded && open.length > 0 && (
        <section aria-labelledby="nu-nodig">
          <Heading2 id="nu-nodig">Wat nu nodig is</Heading2>
          <CaseTaskList rows={open} />
        </section>
      )}
      {loaded && done.length > 0 && (
        <section aria-labelledby="afgerond">
          <Heading2 id="afgerond">Afgerond of uw rol is voorbij</Heading2>
          <CaseTaskList rows={done} />
        </section>
      )}
    </>
  );
}

function CaseTaskList({ rows }: { rows: { c: CaseView; task: NeutralTask }[] }) {
  return (
    <ul className="gzc-task-list">
      {rows.map(({ c, task }) => (
        <li key={c.id} className={`gzc-card${task.rank === 0 ? ' gzc-card--urgent' : ''}`}>
          <p className="gzc-task-list__title">
            <Link className="utrecht-link" to={`/zaken/${c.id}`}>
              {c.caseNumber ? `Zaak ${c.caseNumber}` : `Aanvraag van ${formatDate(c.filedAt)}`}
            </Link>
          </p>
          <dl className="gzc-dl">
            <dt>Partijen</dt>
            <dd>
              {c.claimants.map((o) => o.name).join(', ')} tegen {c.respondents.map((o) => o.name).join(', ')}
            </dd>
            <dt>Route en status</dt>
            <dd>
              {ROUTE_LABELS[c.route ?? ''] ?? 'Route nog niet gekozen'}, {(STATUS_LABELS[c.status] ?? c.status).toLowerCase()}
            </dd>
            <dt>Wat is nodig</dt>
            <dd>{task.what}</dd>
            {task.when && (
              <>
                <dt>Wanneer</dt>
                <dd>{task.when}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
