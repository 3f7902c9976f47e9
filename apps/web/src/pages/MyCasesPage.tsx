import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { nextOpenDeadline, useCaseDetails, useCaseList, useOrganisations } from '../api/queries';
import { useSession } from '../auth/session';
import { SelectField, TextField } from '../components/fields';
import { PageHeading } from '../components/page';
import { RouterButtonLink } from '../components/RouterButtonLink';
import { daysLeft, describeDaysLeft, formatDate } from '../lib/format';
import { DEADLINE_LABELS, STATUS_LABELS } from '../lib/labels';
import { isNeutralRole } from '../lib/neutral-task';
import { NeutralCasesPage } from './NeutralCasesPage';

export function MyCasesPage() {
  const session = useSession();
  // Neutrals see what each case needs from them; parties their own cases with a search.
  return isNeutralRole(session.me?.user.role) ? <NeutralCasesPage /> : <PartyCasesPage />;
}

function PartyCasesPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const q = params.get('zoek') ?? '';
  const [search, setSearch] = useState(q);
  const [statusChoice, setStatusChoice] = useState(status);
  const list = useCaseList({ status: status || undefined, q: q || undefined });
  const orgs = useOrganisations();
  const items = list.data?.items ?? [];
  const details = useCaseDetails(items.map((i) => i.id));
  const myOrg = session.me?.organisation?.id;
  const name = (id: string) => orgs.data?.find((o) => o.id === id)?.name ?? id;
  const now = new Date().toISOString();

  const filter = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (statusChoice) next.set('status', statusChoice);
    if (search.trim()) next.set('zoek', search.trim());
    setParams(next);
  };

  return (
    <>
      <PageHeading title="Mijn zaken" />
      <div className="gzc-actions">
        <RouterButtonLink to="/aanvraag">Nieuwe aanvraag</RouterButtonLink>
      </div>
      <form noValidate onSubmit={filter} role="search" aria-label="Zaken zoeken">
        <div className="gzc-route-grid">
          <TextField
            id="zoek"
            type="search"
            label="Zoek op naam van een partij of zaaknummer"
            optional
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <SelectField
            id="status"
            label="Status"
            optional
            value={statusChoice}
            placeholder="Alle statussen"
            options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(e) => setStatusChoice(e.currentTarget.value)}
          />
        </div>
        <Button type="submit" appearance="secondary-action-button">
          Zoeken
        </Button>
      </form>
      {list.isPending && <Paragraph>Uw zaken worden geladen…</Paragraph>}
      {list.isError && <Paragraph>Uw zaken konden niet worden geladen. Probeer het later opnieuw.</Paragraph>}
      {list.data && items.length === 0 && <Paragraph>Er zijn geen zaken{q || status ? ' die passen bij uw zoekopdracht' : ''}.</Paragraph>}
      {items.length > 0 && (
        <div className="gzc-table-wrap">
          <Table>
            <TableCaption className="gzc-visually-hidden">Uw zaken, nieuwste eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Zaak</TableHeaderCell>
                <TableHeaderCell scope="col">Andere partij</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Eerstvolgende termijn</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item, i) => {
                const mine = item.claimantOrganisationIds.includes(myOrg ?? '') || !item.respondentOrganisationIds.includes(myOrg ?? '');
                const others = mine ? item.respondentOrganisationIds : item.claimantOrganisationIds;
                const deadline = nextOpenDeadline(details[i]?.data);
                return (
                  <TableRow key={item.id}>
                    <TableCell>
                      <Link className="utrecht-link gzc-nowrap" to={`/zaken/${item.id}`}>
                        {item.caseNumber ?? `Aanvraag van ${formatDate(item.filedAt)}`}
                      </Link>
                    </TableCell>
                    <TableCell>{others.map(name).join(', ')}</TableCell>
                    <TableCell>{STATUS_LABELS[item.status] ?? item.status}</TableCell>
                    <TableCell>
                      {deadline ? (
                        <>
                          {DEADLINE_LABELS[deadline.kind] ?? deadline.kind}: {describeDaysLeft(daysLeft(deadline.dueAt, now))}
                        </>
                      ) : (
                        'Geen'
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
