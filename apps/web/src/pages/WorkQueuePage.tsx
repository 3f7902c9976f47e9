import { Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useOrganisations } from '../api/queries';
import type { DeadlineView, NeutralStepCase } from '../api/secretariat-types';
import { PageHeading } from '../components/page';
import { formatDeadline } from '../lib/format';
import { DEADLINE_LABELS, ROUTE_LABELS, SECTOR_LABELS, label } from '../lib/labels';
import { QueueBucket } from './work-queue/QueueBucket';
import { NeutralsCaseload, StatusOverview } from './work-queue/QueueOverviews';
import { FIRST_ROWS } from './work-queue-paths';
import { workQueueQuery } from './work-queue-queries';

// The secretariat's work queue, from GET /api/caseload?compact=true&rows=10: each list (cases to
// register, deadlines past due, challenges, neutrals to nominate or appoint, stalled cases, unpaid
// fees) with its count and oldest rows, open cases per status and each neutral's load. One small
// request, so the page is there as soon as that answer is; a list's rest comes at a click.

export function WorkQueuePage() {
  const caseload = useQuery(workQueueQuery(FIRST_ROWS));
  const organisations = useOrganisations();
  const organisationNames = useMemo(() => new Map((organisations.data ?? []).map((o) => [o.id, o.name])), [organisations.data]);
  const neutralNames = useMemo(() => new Map((caseload.data?.neutrals ?? []).map((n) => [n.userId, n.name])), [caseload.data]);
  // Every list needs the organisations' names: it waits for both answers.
  const queue = organisations.data ? caseload.data?.queue : undefined;
  const orgName = (ids: string[]) => ids.map((id) => organisationNames.get(id) ?? id).join(', ');
  const parties = (s: { claimantOrganisationIds: string[]; respondentOrganisationIds: string[] }) =>
    `${orgName(s.claimantOrganisationIds)} tegen ${orgName(s.respondentOrganisationIds)}`;
  const neutralName = (id: string) => neutralNames.get(id) ?? id;
  const overdueRow = (d: DeadlineView) => ({
    id: d.disputeId,
    caseNumber: d.caseNumber,
    what: label(DEADLINE_LABELS, d.kind),
    when: `Was uiterlijk ${formatDeadline(d.dueAt)}`,
  });
  const stepRow = (s: NeutralStepCase, what: string, when: string) => ({ id: s.disputeId, caseNumber: s.caseNumber, what, when });

  return (
    <>
      <PageHeading title="Werkvoorraad" />
      <Paragraph lead>
        Wat het secretariaat nu moet doen. De oudste zaak staat steeds bovenaan. Open een zaak om de actie te doen.
      </Paragraph>
      <QueueBucket
        id="te-registreren"
        title="In te schrijven"
        explanation="Nieuwe aanvragen. Controleer of de aanvraag compleet is en schrijf de zaak in, vraag om informatie of verklaar de aanvraag niet-ontvankelijk."
        queue={queue}
        list="toRegister"
        toRow={(i) => ({
          id: i.disputeId,
          caseNumber: null,
          what: `${parties(i)} (${label(SECTOR_LABELS, i.sector)})`,
          when: `Ingediend ${formatDeadline(i.filedAt)}`,
        })}
      />
      <QueueBucket
        id="informatie-verlopen"
        title="Gevraagde informatie niet op tijd"
        explanation="De indiener heeft de gevraagde informatie niet op tijd gegeven."
        queue={queue}
        list="informationOverdue"
        toRow={overdueRow}
      />
      <QueueBucket
        id="wederpartij"
        title="Wederpartij antwoordt niet"
        explanation="De verzekeraar of het zorgkantoor heeft niet op tijd geantwoord."
        queue={queue}
        list="respondentOverdue"
        toRow={overdueRow}
      />
      <QueueBucket
        id="bezwaren"
        title="Bezwaren om over te beslissen"
        explanation="Een partij twijfelt aan de onpartijdigheid van een mediator, adviseur of arbiter. Het secretariaat beslist."
        queue={queue}
        list="challenges"
        toRow={(s) =>
          stepRow(
            s,
            `${parties(s)}: bezwaar tegen ${s.pendingChallenges.map((ch) => neutralName(ch.neutralUserId)).join(', ')}`,
            `Ingediend ${formatDeadline(s.pendingChallenges[0]!.challengedAt ?? s.since)}`,
          )
        }
      />
      <QueueBucket
        id="voordragen"
        title="Neutrale voordragen"
        explanation="Beide partijen doen mee. Kies een mediator, adviseur of arbiter (of een panel van drie met een voorzitter)."
        queue={queue}
        list="toNominate"
        toRow={(s) =>
          stepRow(
            s,
            `${parties(s)} (${label(ROUTE_LABELS, s.route ?? '').toLowerCase()}): nog niemand voorgedragen`,
            `Wacht sinds ${formatDeadline(s.since)}`,
          )
        }
      />
      <QueueBucket
        id="benoemen"
        title="Voorgedragen, nog te benoemen"
        explanation="Benoem de voorgedragen neutrale zodra alle partijen afzien van bezwaar of de bezwaartermijn voorbij is."
        queue={queue}
        list="toAppoint"
        toRow={(s) =>
          stepRow(
            s,
            `${parties(s)}: ${s.nominees.map((n) => neutralName(n.userId)).join(', ')}${s.everyPartyWaived ? ': geen bezwaar, nu te benoemen' : ''}`,
            s.challengeDueAt ? `Bezwaartermijn tot ${formatDeadline(s.challengeDueAt)}` : `Wacht sinds ${formatDeadline(s.since)}`,
          )
        }
      />
      <QueueBucket
        id="stilgevallen"
        title="Stilgevallen zaken"
        explanation="Een termijn is verlopen en de zaak staat stil. Zonder actie wordt de zaak gesloten als onvolledig."
        queue={queue}
        list="stalled"
        toRow={(s) => ({
          id: s.disputeId,
          caseNumber: s.caseNumber,
          what: `Informatie was uiterlijk ${formatDeadline(s.informationDueAt)} nodig`,
          when: `Wordt gesloten op ${formatDeadline(s.closesAt)}`,
        })}
      />
      <QueueBucket
        id="onbetaald"
        title="Rekeningen niet betaald"
        explanation="De betaaltermijn van de rekening is voorbij."
        queue={queue}
        list="feesOverdue"
        toRow={(d) => ({
          id: d.disputeId,
          caseNumber: d.caseNumber,
          what: 'Rekening niet betaald',
          when: `Was uiterlijk ${formatDeadline(d.dueAt)}`,
        })}
      />
      <StatusOverview byStatus={caseload.data?.byStatus} />
      <NeutralsCaseload neutrals={caseload.data?.neutrals} />
    </>
  );
}
