import {
  Heading2,
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
import type { CaseloadAnswer, NeutralCaseload } from '../../api/secretariat-types';
import { TableWrap } from '../../components/TableWrap';
import { formatDeadline } from '../../lib/format';
import { DEADLINE_LABELS, ROLE_LABELS, STATUS_LABELS, label } from '../../lib/labels';

// The work queue's two overviews below the lists: open cases per status, and each neutral's load.

/** Per neutral: open cases, overdue deadlines, and the case whose next deadline comes first. */
export function NeutralsCaseload({ neutrals }: { neutrals: NeutralCaseload[] | undefined }) {
  const rows = (neutrals ?? []).slice().sort((a, b) => b.openCases - a.openCases);
  return (
    <section aria-labelledby="werklast" className="gzc-figure-block">
      <Heading2 id="werklast">Werklast per mediator, adviseur en arbiter</Heading2>
      {neutrals === undefined ? (
        <Paragraph>De werklast wordt geladen…</Paragraph>
      ) : rows.length === 0 ? (
        <Paragraph>Geen mediators, adviseurs of arbiters met lopende zaken.</Paragraph>
      ) : (
        <TableWrap label="Werklast per mediator, adviseur en arbiter">
          <Table>
            <TableCaption className="gzc-visually-hidden">Werklast per mediator, adviseur en arbiter</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Lopende zaken</TableHeaderCell>
                <TableHeaderCell scope="col">Termijnen verlopen</TableHeaderCell>
                <TableHeaderCell scope="col">Eerstvolgende termijn</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((n) => {
                const first =
                  n.nextCase ??
                  n.cases.filter((c) => c.nextDeadline).sort((a, b) => a.nextDeadline!.dueAt.localeCompare(b.nextDeadline!.dueAt))[0];
                return (
                  <TableRow key={n.userId}>
                    <TableHeaderCell scope="row">
                      {n.name ?? n.userId} ({label(ROLE_LABELS, n.role).toLowerCase()})
                    </TableHeaderCell>
                    <TableCell>{n.openCases}</TableCell>
                    <TableCell>{n.overdueDeadlines}</TableCell>
                    <TableCell>
                      {first ? (
                        <>
                          <Link className="utrecht-link" to={`/zaken/${first.disputeId}`}>
                            {first.caseNumber ?? 'Bekijk de zaak'}
                          </Link>{' '}
                          ({label(STATUS_LABELS, first.status)}): {label(DEADLINE_LABELS, first.nextDeadline!.kind).toLowerCase()},
                          uiterlijk {formatDeadline(first.nextDeadline!.dueAt)}
                        </>
                      ) : (
                        'Geen open termijn'
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableWrap>
      )}
    </section>
  );
}

/** Open cases per status, with the case that has waited longest without movement. */
export function StatusOverview({ byStatus }: { byStatus: CaseloadAnswer['byStatus'] }) {
  return (
    <section aria-labelledby="per-status" className="gzc-figure-block">
      <Heading2 id="per-status">Lopende zaken per status</Heading2>
      {byStatus === undefined ? (
        <Paragraph>De aantallen worden geladen…</Paragraph>
      ) : byStatus.length === 0 ? (
        <Paragraph>Er zijn geen lopende zaken.</Paragraph>
      ) : (
        <TableWrap label="Lopende zaken per status">
          <Table>
            <TableCaption className="gzc-visually-hidden">Lopende zaken per status</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Zaken</TableHeaderCell>
                <TableHeaderCell scope="col">Wacht het langst</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {byStatus.map((s) => (
                <TableRow key={s.status}>
                  <TableHeaderCell scope="row">{label(STATUS_LABELS, s.status)}</TableHeaderCell>
                  <TableCell>{s.count}</TableCell>
                  <TableCell>
                    {s.oldest ? (
                      <>
                        <Link className="utrecht-link" to={`/zaken/${s.oldest.disputeId}`}>
                          {s.oldest.caseNumber ?? 'Bekijk de aanvraag'}
                        </Link>
                        , geen beweging sinds {formatDeadline(s.oldest.since)}
                      </>
                    ) : (
                      'Onbekend'
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      )}
    </section>
  );
}
