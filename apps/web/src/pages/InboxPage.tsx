import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { useCaseDetails, useCaseList } from '../api/queries';
import { useSession } from '../auth/session';
import { PageHeading } from '../components/page';
import { daysLeft, describeDaysLeft, formatDeadline } from '../lib/format';
import { ROUTE_LABELS, STATUS_LABELS } from '../lib/labels';
import { NotificationsSection } from './NotificationsSection';

const WAITING = ['awaiting_respondent', 'route_negotiation', 'mediation_ended'];

/**
 * The inbox: for an insurer, first the cases waiting for this organisation's answer (the oldest
 * deadline first); for everyone, "Meldingen" (messages, unread count, e-mail preference).
 */
export function InboxPage() {
  const insurer = useSession().me?.user.role === 'insurer';
  return insurer ? (
    <>
      <PageHeading title="Te beantwoorden" />
      <WaitingCases />
      <NotificationsSection asSection />
    </>
  ) : (
    <>
      <PageHeading title="Meldingen" />
      <NotificationsSection asSection={false} />
    </>
  );
}

/** Cases waiting for this organisation's answer, the oldest deadline first. */
function WaitingCases() {
  const list = useCaseList({});
  const candidates = (list.data?.items ?? []).filter((i) => WAITING.includes(i.status));
  const details = useCaseDetails(candidates.map((c) => c.id));
  const now = new Date().toISOString();
  const waiting = details
    .map((d) => d.data)
    .filter((c): c is NonNullable<typeof c> => Boolean(c))
    .filter((c) =>
      c.allowedActions.some((a) =>
        ['accept-submission', 'decline-submission', 'propose-route', 'accept-escalation', 'decline-escalation'].includes(a),
      ),
    )
    .map((c) => ({ c, due: c.deadlines.filter((d) => d.status === 'open').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0] }))
    .sort((a, b) => (a.due ? Date.parse(a.due.dueAt) : Infinity) - (b.due ? Date.parse(b.due.dueAt) : Infinity));
  const loading = list.isPending || details.some((d) => d.isPending);
  return (
    <>
      <Paragraph>Deze zaken wachten op uw antwoord. De zaak met de kortste termijn staat bovenaan.</Paragraph>
      {loading && <Paragraph>De zaken worden geladen…</Paragraph>}
      {!loading && waiting.length === 0 && <Paragraph>Er wachten geen zaken op uw antwoord.</Paragraph>}
      {waiting.length > 0 && (
        <div className="gzc-table-wrap">
          <Table>
            <TableCaption className="gzc-visually-hidden">Zaken die op uw antwoord wachten</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Zaak</TableHeaderCell>
                <TableHeaderCell scope="col">Indiener</TableHeaderCell>
                <TableHeaderCell scope="col">Voorgestelde route</TableHeaderCell>
                <TableHeaderCell scope="col">Antwoord uiterlijk</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {waiting.map(({ c, due }) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <Link className="utrecht-link" to={`/zaken/${c.id}`}>
                      {c.caseNumber ?? c.id}
                    </Link>
                    <br />
                    {STATUS_LABELS[c.status]}
                  </TableCell>
                  <TableCell>{c.claimants.map((o) => o.name).join(', ')}</TableCell>
                  <TableCell>{ROUTE_LABELS[c.pendingRouteProposal?.route ?? c.route ?? c.initialRoute] ?? ''}</TableCell>
                  <TableCell>
                    {due ? `${formatDeadline(due.dueAt)} (${describeDaysLeft(daysLeft(due.dueAt, now))})` : 'Geen termijn'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
