import {
  Button,
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
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useOrganisations } from '../api/queries';
import { PageHeading } from '../components/page';
import { TableWrap } from '../components/TableWrap';
import { formatDeadline } from '../lib/format';
import { DEADLINE_LABELS, ROLE_LABELS, ROUTE_LABELS, SECTOR_LABELS, STATUS_LABELS, label } from '../lib/labels';
import { caseloadQuery } from './work-queue-queries';
import type { CaseloadAnswer, NeutralCaseload, NeutralStepCase } from '../api/secretariat-types';

// The secretariat's work queue, from GET /api/caseload (deadlines, stalled cases, unpaid fees)
// (cases to register, neutral steps: challenges, nominations, appointments; open cases per status):
// one request, so the page is there as soon as that answer is.

interface QueueRow {
  id: string;
  caseNumber: string | null;
  what: string;
  when: string;
}

/** Rows shown at first: a long list is still one click away, and the page stays quick with it. */
const FIRST_ROWS = 10;

function Bucket({
  id,
  title,
  explanation,
  rows,
  total = rows.length,
  loading,
}: {
  id: string;
  title: string;
  explanation: string;
  rows: QueueRow[];
  /** How many there are, when `rows` holds only the oldest of them. */
  total?: number;
  loading: boolean;
}) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  let body: ReactNode;
  if (loading) body = <Paragraph>De zaken worden geladen…</Paragraph>;
  else if (rows.length === 0) body = <Paragraph>Hier is nu niets te doen.</Paragraph>;
  else
    body = (
      <>
        <TableWrap label={title}>
          <Table>
            <TableCaption className="gzc-visually-hidden">{title}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Zaak</TableHeaderCell>
                <TableHeaderCell scope="col">Wat</TableHeaderCell>
                <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((r) => (
                <TableRow key={`${r.id}-${r.what}`}>
                  <TableHeaderCell scope="row">
                    <Link className="utrecht-link" to={`/zaken/${r.id}`}>
                      {r.caseNumber ?? 'Bekijk de aanvraag'}
                    </Link>
                  </TableHeaderCell>
                  <TableCell>{r.what}</TableCell>
                  <TableCell>{r.when}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
        {shown.length < total && (
          <Paragraph>
            De oudste {shown.length} van {total}.{' '}
            {shown.length < rows.length && (
              <Button appearance="subtle-button" onClick={() => setShowAll(true)}>
                Toon de oudste {rows.length}
              </Button>
            )}
          </Paragraph>
        )}
      </>
    );
  return (
    <section aria-labelledby={id} className="gzc-figure-block">
      <Heading2 id={id}>
        {title} ({loading ? '…' : total})
      </Heading2>
      <Paragraph>{explanation}</Paragraph>
      {body}
    </section>
  );
}

export function WorkQueuePage() {
  const caseload = useQuery(caseloadQuery);
  const organisations = useOrganisations();
  // Every bucket needs the case list and the organisations' names: it waits for both.
  const loading = caseload.isPending || organisations.isPending;
  const steps = caseload.data?.neutralSteps ?? [];
  const parties = (s: NeutralStepCase) => `${orgName(s.claimantOrganisationIds)} tegen ${orgName(s.respondentOrganisationIds)}`;
  const neutralName = (id: string) => caseload.data?.neutrals.find((n) => n.userId === id)?.name ?? id;
  const orgName = (ids: string[]) => ids.map((id) => organisations.data?.find((o) => o.id === id)?.name ?? id).join(', ');
  const overdue = (kind: string) =>
    (caseload.data?.deadlines ?? [])
      .filter((d) => d.kind === kind && d.overdue)
      .map((d) => ({
        id: d.disputeId,
        caseNumber: d.caseNumber,
        what: label(DEADLINE_LABELS, d.kind),
        when: `Was uiterlijk ${formatDeadline(d.dueAt)}`,
      }));

  return (
    <>
      <PageHeading title="Werkvoorraad" />
      <Paragraph lead>
        Wat het secretariaat nu moet doen. De oudste zaak staat steeds bovenaan. Open een zaak om de actie te doen.
      </Paragraph>
      <Bucket
        id="te-registreren"
        title="In te schrijven"
        explanation="Nieuwe aanvragen. Controleer of de aanvraag compleet is en schrijf de zaak in, vraag om informatie of verklaar de aanvraag niet-ontvankelijk."
        loading={loading}
        total={caseload.data?.toRegister?.count}
        rows={(caseload.data?.toRegister?.oldest ?? []).map((i) => ({
          id: i.disputeId,
          caseNumber: null,
          what: `${orgName(i.claimantOrganisationIds)} tegen ${orgName(i.respondentOrganisationIds)} (${label(SECTOR_LABELS, i.sector)})`,
          when: `Ingediend ${formatDeadline(i.filedAt)}`,
        }))}
      />
      <Bucket
        id="informatie-verlopen"
        title="Gevraagde informatie niet op tijd"
        explanation="De indiener heeft de gevraagde informatie niet op tijd gegeven."
        loading={loading}
        rows={overdue('information')}
      />
      <Bucket
        id="wederpartij"
        title="Wederpartij antwoordt niet"
        explanation="De verzekeraar of het zorgkantoor heeft niet op tijd geantwoord."
        loading={loading}
        rows={overdue('respondent_answer')}
      />
      <Bucket
        id="bezwaren"
        title="Bezwaren om over te beslissen"
        explanation="Een partij twijfelt aan de onpartijdigheid van een mediator, adviseur of arbiter. Het secretariaat beslist."
        loading={loading}
        rows={steps
          .filter((s) => s.pendingChallenges.length > 0)
          .map((s) => ({
            id: s.disputeId,
            caseNumber: s.caseNumber,
            what: `${parties(s)}: bezwaar tegen ${s.pendingChallenges.map((ch) => neutralName(ch.neutralUserId)).join(', ')}`,
            when: `Ingediend ${formatDeadline(s.pendingChallenges[0]!.challengedAt ?? s.since)}`,
          }))}
      />
      <Bucket
        id="voordragen"
        title="Neutrale voordragen"
        explanation="Beide partijen doen mee. Kies een mediator, adviseur of arbiter (of een panel van drie met een voorzitter)."
        loading={loading}
        rows={steps
          .filter((s) => s.status === 'awaiting_neutral' && s.nominees.length === 0 && s.pendingChallenges.length === 0)
          .map((s) => ({
            id: s.disputeId,
            caseNumber: s.caseNumber,
            what: `${parties(s)} (${label(ROUTE_LABELS, s.route ?? '').toLowerCase()}): nog niemand voorgedragen`,
            when: `Wacht sinds ${formatDeadline(s.since)}`,
          }))}
      />
      <Bucket
        id="benoemen"
        title="Voorgedragen, nog te benoemen"
        explanation="Benoem de voorgedragen neutrale zodra alle partijen afzien van bezwaar of de bezwaartermijn voorbij is."
        loading={loading}
        rows={steps
          .filter((s) => s.status === 'awaiting_neutral' && s.nominees.length > 0 && s.pendingChallenges.length === 0)
          .map((s) => ({
            id: s.disputeId,
            caseNumber: s.caseNumber,
            what: `${parties(s)}: ${s.nominees.map((n) => neutralName(n.userId)).join(', ')}${s.everyPartyWaived ? ': geen bezwaar, nu te benoemen' : ''}`,
            when: s.challengeDueAt ? `Bezwaartermijn tot ${formatDeadline(s.challengeDueAt)}` : `Wacht sinds ${formatDeadline(s.since)}`,
          }))}
      />
      <Bucket
        id="stilgevallen"
        title="Stilgevallen zaken"
        explanation="Een termijn is verlopen en de zaak staat stil. Zonder actie wordt de zaak gesloten als onvolledig."
        loading={loading}
        rows={(caseload.data?.stalled ?? []).map((s) => ({
          id: s.disputeId,
          caseNumber: s.caseNumber,
          what: `Informatie was uiterlijk ${formatDeadline(s.informationDueAt)} nodig`,
          when: `Wordt gesloten op ${formatDeadline(s.closesAt)}`,
        }))}
      />
      <Bucket
        id="onbetaald"
        title="Rekeningen niet betaald"
        explanation="De betaaltermijn van de rekening is voorbij."
        loading={loading}
        rows={(caseload.data?.feesOverdue ?? []).map((d) => ({
          id: d.disputeId,
          caseNumber: d.caseNumber,
          what: 'Rekening niet betaald',
          when: `Was uiterlijk ${formatDeadline(d.dueAt)}`,
        }))}
      />
      <StatusOverview byStatus={caseload.data?.byStatus} />
      <NeutralsCaseload neutrals={caseload.data?.neutrals} />
    </>
  );
}

/** Per neutral: open cases, overdue deadlines, and the case whose next deadline comes first. */
function NeutralsCaseload({ neutrals }: { neutrals: NeutralCaseload[] | undefined }) {
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
function StatusOverview({ byStatus }: { byStatus: CaseloadAnswer['byStatus'] }) {
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
