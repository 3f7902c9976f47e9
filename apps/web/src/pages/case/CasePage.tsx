import {
  Alert,
  Button,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { api, apiBlob, ApiError } from '../../api/client';
import { caseQueryKey, useCase, useOrganisations } from '../../api/queries';
import type { CaseView, TimelineItem } from '../../api/types';
import { useSession } from '../../auth/session';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { FileInput } from '../../components/FileInput';
import { ChoiceGroup } from '../../components/fields';
import { PageHeading, useAnnounce } from '../../components/page';
import {
  amsterdamDate,
  asOfInstant,
  daysLeft,
  describeDaysLeft,
  formatBytes,
  formatDate,
  formatDateTime,
  formatDeadline,
  formatEuros,
} from '../../lib/format';
import {
  DEADLINE_LABELS,
  deadlineStatusLabel,
  FRAMEWORK_LABELS,
  label,
  ORGANISATION_KIND_LABELS,
  PHASE_LABELS,
  ROLE_LABELS,
  ROUTE_LABELS,
  SECTOR_LABELS,
  STATUS_LABELS,
  SUBJECT_LABELS,
  VISIBILITY_LABELS,
} from '../../lib/labels';
import { nextStep } from '../../lib/next-step';
import { isNeutralRole, neutralTask } from '../../lib/neutral-task';
import { saveBlob } from '../../lib/save-blob';
import { describeEvent } from '../../lib/timeline-text';
import { DossierDownloadButton } from '../verify/DossierDownloadButton';
import { ActionForm } from './ActionForm';
import { actionSpecs, type ActionSpec, UPLOAD_VISIBILITIES } from './actions';
import { ConflictCheckPage } from './ConflictCheckPage';
import { MeetingsSection } from './MeetingsSection';
import { OutcomeSection } from './OutcomeSection';
import { secretariatForm } from './secretariat/secretariat-forms';

export function CasePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('op') ?? undefined;
  const location = useLocation();
  const filed = (location.state as { filed?: boolean; failedUploads?: string[] } | null) ?? null;
  const query = useCase(id, asOf);
  const orgs = useOrganisations();
  const c = query.data;

  if (query.isPending)
    return (
      <PageHeading title="Zaak laden">
        <Paragraph>De zaak wordt geladen…</Paragraph>
      </PageHeading>
    );
  if (query.isError || !c) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    const badDate = query.error instanceof ApiError && query.error.status === 400;
    return (
      <>
        <PageHeading
          title={
            notFound && asOf
              ? `Zo was de zaak op ${formatDate(`${asOf}T12:00:00Z`)}`
              : notFound
                ? 'Deze zaak bestaat niet'
                : 'De zaak kon niet worden geladen'
          }
        />
        <Paragraph>
          {notFound && asOf
            ? 'Op die datum bestond deze zaak nog niet, of kon u hem nog niet zien.'
            : notFound
              ? 'Misschien is het adres verkeerd, of heeft u geen toegang tot deze zaak.'
              : badDate
                ? (query.error as ApiError).detail
                : 'Probeer het later opnieuw.'}
        </Paragraph>
        {badDate || (notFound && asOf) ? (
          <Button appearance="secondary-action-button" onClick={() => setParams({})}>
            Bekijk de zaak zoals die nu is
          </Button>
        ) : (
          <Link className="utrecht-link" to="/zaken">
            Naar mijn zaken
          </Link>
        )}
      </>
    );
  }
  // A nominated neutral sees only what a conflict check needs (rule 2).
  if (c.access === 'conflict_check') return <ConflictCheckPage c={c} />;
  const orgName = (orgId: string) =>
    [...c.claimants, ...c.respondents, ...(c.filedOnBehalfBy ? [c.filedOnBehalfBy] : [])].find((o) => o.id === orgId)?.name ??
    orgs.data?.find((o) => o.id === orgId)?.name;
  const title = c.caseNumber ? `Zaak ${c.caseNumber}` : `Uw aanvraag van ${formatDate(c.filedAt)}`;
  return (
    <>
      <PageHeading title={title}>
        <Paragraph>
          <span className="gzc-tag">{STATUS_LABELS[c.status] ?? c.status}</span>
        </Paragraph>
      </PageHeading>
      {filed?.filed && !asOf && (
        <Alert type="ok" className="gzc-alert">
          <Paragraph>
            <strong>Uw aanvraag is verstuurd.</strong> U vindt hem altijd terug onder Mijn zaken.
          </Paragraph>
          {filed.failedUploads && filed.failedUploads.length > 0 && (
            <Paragraph>Deze documenten zijn niet meegestuurd: {filed.failedUploads.join(', ')}. Voeg ze hieronder opnieuw toe.</Paragraph>
          )}
        </Alert>
      )}
      {asOf && (
        <Alert type="info" className="gzc-alert">
          <Paragraph>
            U bekijkt de zaak zoals die was op {formatDate(`${asOf}T12:00:00Z`)}.{' '}
            <Button appearance="subtle-button" onClick={() => setParams({})}>
              Bekijk de zaak zoals die nu is
            </Button>
          </Paragraph>
        </Alert>
      )}
      {c.access === 'term_record' && c.termEndedAt && (
        <Alert type="info" className="gzc-alert">
          <Paragraph>Uw rol in deze zaak is voorbij. U ziet de zaak zoals die was op {formatDateTime(c.termEndedAt)}.</Paragraph>
        </Alert>
      )}
      <NextStepSection c={c} asOf={asOf} />
      <OutcomeSection c={c} />
      {!asOf && <ActionsSection c={c} />}
      <MeetingsSection c={c} />
      <PartiesSection c={c} />
      <DisputeSection c={c} />
      <DeadlinesSection c={c} />
      <DocumentsSection c={c} />
      {!asOf && <DossierDownloadButton disputeId={c.id} caseNumber={c.caseNumber} />}
      <CostsSection c={c} orgName={orgName} />
      <TimelineSection c={c} asOf={asOf} orgName={orgName} />
      <AsOfForm filedAt={c.filedAt} current={asOf} onChoose={(date) => setParams(date ? { op: date } : {})} />
    </>
  );
}

function NextStepSection({ c, asOf }: { c: CaseView; asOf?: string }) {
  const me = useSession().me?.user;
  const now = asOf ? asOfInstant(asOf, new Date().toISOString()) : new Date().toISOString();
  if (isNeutralRole(me?.role) && !asOf) return <NeutralTaskSection c={c} userId={me?.id ?? ''} now={now} />;
  const step = nextStep(c, now);
  return (
    <section className="gzc-card gzc-card--highlight" aria-labelledby="wat-nu" id="wat-gebeurt-er-nu">
      <Heading2 id="wat-nu">Wat gebeurt er nu?</Heading2>
      <dl className="gzc-dl">
        <dt>Wie is aan de beurt</dt>
        <dd>{step.who}</dd>
        <dt>Wat</dt>
        <dd>{step.what}</dd>
        {step.deadline && (
          <>
            <dt>Wanneer</dt>
            <dd>{step.deadline.text[0]!.toUpperCase() + step.deadline.text.slice(1)}</dd>
          </>
        )}
        <dt>Als niemand iets doet</dt>
        <dd>{step.ifNobody}</dd>
      </dl>
    </section>
  );
}

/** "Wat gebeurt er nu?" for a mediator, adviser or arbitrator: what the case needs from them. */
function NeutralTaskSection({ c, userId, now }: { c: CaseView; userId: string; now: string }) {
  const task = neutralTask(c, userId, now);
  return (
    <section className="gzc-card gzc-card--highlight" aria-labelledby="wat-nu" id="wat-gebeurt-er-nu">
      <Heading2 id="wat-nu">Wat gebeurt er nu?</Heading2>
      <dl className="gzc-dl">
        <dt>Wat is nodig</dt>
        <dd>{task.what}</dd>
        {task.when && (
          <>
            <dt>Wanneer</dt>
            <dd>{task.when[0]!.toUpperCase() + task.when.slice(1)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function ActionsSection({ c }: { c: CaseView }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const specs = actionSpecs({ c, myOrganisationId: session.me?.organisation?.id });
  // Answers and contributions first; the steps that end a case or a party's part in it last.
  const LAST = ['decline-submission', 'decline-escalation', 'withdraw-participation', 'withdraw'];
  const offered = c.allowedActions.filter((a) => a !== 'submit-document' && specs[a]).sort((a, b) => LAST.indexOf(a) - LAST.indexOf(b));
  const canUpload = Boolean(c.documentUploadUrl) || c.allowedActions.includes('submit-document');

  // After a command answered, the same caller's next read reflects it (the API's read-your-writes).
  const refresh = async (message: string) => {
    const fresh = await api<CaseView>(`/api/disputes/${encodeURIComponent(c.id)}`);
    queryClient.setQueryData(caseQueryKey(c.id), fresh);
    void queryClient.invalidateQueries({ queryKey: ['timeline', c.id] });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    void queryClient.invalidateQueries({ queryKey: ['caseload'] });
    const text = `${message} De status is nu: ${(STATUS_LABELS[fresh.status] ?? fresh.status).toLowerCase()}.`;
    setDone(text);
    announce(text);
    setTimeout(() => doneRef.current?.focus(), 0);
  };

  if (offered.length === 0 && !canUpload) {
    return (
      <section aria-labelledby="acties">
        <Heading2 id="acties">Wat kunt u doen?</Heading2>
        {done && (
          // Not an Alert: Utrecht's Alert is a live region too, and the news is already announced once.
          <div ref={doneRef} tabIndex={-1} className="gzc-notice gzc-notice--ok">
            <Paragraph>{done}</Paragraph>
          </div>
        )}
        <Paragraph>U hoeft nu niets te doen.</Paragraph>
        <ChairNotice c={c} userId={session.me?.user.id} />
      </section>
    );
  }
  return (
    <section aria-labelledby="acties">
      <Heading2 id="acties">Wat kunt u doen?</Heading2>
      {done && (
        // Not an Alert: Utrecht's Alert is a live region too, and the news is already announced once.
        <div ref={doneRef} tabIndex={-1} className="gzc-notice gzc-notice--ok">
          <Paragraph>{done}</Paragraph>
        </div>
      )}
      <ChairNotice c={c} userId={session.me?.user.id} />
      {offered
        .filter((a) => !LAST.includes(a))
        .map((action) => {
          const spec = specs[action]!;
          return (
            <details key={`${action}-${c.version}`} className="gzc-action">
              <summary>{spec.title}</summary>
              {secretariatForm(action, { c, spec, onDone: (s: ActionSpec) => refresh(s.done) }) ?? (
                <ActionForm spec={spec} caseId={c.id} version={c.version} onDone={(s: ActionSpec) => refresh(s.done)} />
              )}
            </details>
          );
        })}
      {canUpload && (
        <details className="gzc-action">
          <summary>Een document toevoegen</summary>
          <UploadForm c={c} onDone={(name) => refresh(`Het document ${name} is toegevoegd.`)} />
        </details>
      )}
      {offered
        .filter((a) => LAST.includes(a))
        .map((action) => {
          const spec = specs[action]!;
          return (
            <details key={`${action}-${c.version}`} className="gzc-action">
              <summary>{spec.title}</summary>
              {secretariatForm(action, { c, spec, onDone: (s: ActionSpec) => refresh(s.done) }) ?? (
                <ActionForm spec={spec} caseId={c.id} version={c.version} onDone={(s: ActionSpec) => refresh(s.done)} />
              )}
            </details>
          );
        })}
    </section>
  );
}

/** A panel member who is not the chair sees who renders the decision (the chair), not the form. */
function ChairNotice({ c, userId }: { c: CaseView; userId: string | undefined }) {
  const me = c.neutrals.find((n) => n.userId === userId && n.status === 'appointed');
  const chair = c.neutrals.find((n) => n.chair && n.status === 'appointed');
  if (!me || me.chair || !chair || c.status !== 'in_proceedings') return null;
  return (
    <Paragraph>
      De voorzitter van het college, {chair.name}, neemt de beslissing. U ziet de beslissing hier zodra die is vastgelegd.
    </Paragraph>
  );
}

function UploadForm({ c, onDone }: { c: CaseView; onDone: (name: string) => Promise<void> }) {
  const [visibility, setVisibility] = useState('parties');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const visibilities =
    c.status === 'in_mediation'
      ? UPLOAD_VISIBILITIES
      : UPLOAD_VISIBILITIES.filter((v) => v.value !== 'neutral_only' || c.neutrals.some((n) => n.status === 'appointed'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setErrors([{ fieldId: 'upload-bestand', message: 'Kies een bestand.' }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const form = new FormData();
      form.append('visibility', visibility);
      form.append('file', file, file.name);
      await api(c.documentUploadUrl ?? `/api/disputes/${encodeURIComponent(c.id)}/documents`, { form });
      if (fileRef.current) fileRef.current.value = '';
      await onDone(file.name);
    } catch (error) {
      setErrors([
        { fieldId: 'upload-bestand', message: error instanceof ApiError ? error.detail : 'Het document kon niet worden toegevoegd.' },
      ]);
    } finally {
      setBusy(false);
    }
  };
  const error = errors[0]?.message;
  return (
    <form noValidate onSubmit={submit} aria-label="Een document toevoegen">
      <ErrorSummary errors={errors} />
      <div className="gzc-field">
        <label className="utrecht-form-label" htmlFor="upload-bestand">
          Bestand
        </label>
        <p className="utrecht-form-field-description" id="upload-bestand-uitleg">
          PDF, Word, Excel of een foto. Hoogstens 25 MB.
        </p>
        {error && (
          <p className="utrecht-form-field-error-message" id="upload-bestand-fout">
            {error}
          </p>
        )}
        <FileInput
          ref={fileRef}
          id="upload-bestand"
          describedBy={`upload-bestand-uitleg${error ? ' upload-bestand-fout' : ''}`}
          invalid={Boolean(error)}
        />
      </div>
      <ChoiceGroup
        id="upload-zichtbaarheid"
        legend="Wie mag het document zien?"
        type="radio"
        name="upload-zichtbaarheid"
        value={visibility}
        onChange={(v) => setVisibility(v as string)}
        choices={visibilities}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        Document toevoegen
      </Button>
    </form>
  );
}

function PartiesSection({ c }: { c: CaseView }) {
  const row = (o: CaseView['claimants'][number]) => (
    <li key={o.id}>
      {o.name}{' '}
      <span className="gzc-optional">
        ({ORGANISATION_KIND_LABELS[o.kind] ?? o.kind}
        {o.smallProvider ? ', kleine zorgaanbieder' : ''})
      </span>
    </li>
  );
  return (
    <section aria-labelledby="partijen">
      <Heading2 id="partijen">Partijen</Heading2>
      <dl className="gzc-dl">
        <dt>Indiener{c.claimants.length > 1 ? 's' : ''}</dt>
        <dd>
          <ul>{c.claimants.map(row)}</ul>
          {c.filedOnBehalfBy && <>Ingediend door {c.filedOnBehalfBy.name} (collectief geschil)</>}
        </dd>
        <dt>Wederpartij</dt>
        <dd>
          <ul>{c.respondents.map(row)}</ul>
        </dd>
        <dt>Mediator of adviseur</dt>
        <dd>
          {c.neutrals.filter((n) => n.status !== 'lapsed').length === 0 ? (
            'Nog niet gekozen'
          ) : (
            <ul>
              {c.neutrals
                .filter((n) => n.status !== 'lapsed')
                .map((n) => (
                  <li key={n.userId}>
                    {n.name}, {(ROLE_LABELS[n.role] ?? n.role).toLowerCase()}
                    {n.chair && c.neutrals.filter((o) => o.role === n.role).length > 1 ? ' (voorzitter)' : ''}:{' '}
                    {n.status === 'appointed' ? 'benoemd' : n.status === 'nominated' ? 'voorgesteld' : 'rol beëindigd'}
                  </li>
                ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}

function DisputeSection({ c }: { c: CaseView }) {
  return (
    <section aria-labelledby="geschil">
      <Heading2 id="geschil">Het geschil</Heading2>
      <dl className="gzc-dl">
        <dt>Route</dt>
        <dd>{ROUTE_LABELS[c.route ?? ''] ?? `${ROUTE_LABELS[c.initialRoute] ?? c.initialRoute} (voorgesteld)`}</dd>
        <dt>Contract</dt>
        <dd>{label(PHASE_LABELS, c.phase)}</dd>
        <dt>Wet</dt>
        <dd>{label(FRAMEWORK_LABELS, c.legalFramework)}</dd>
        <dt>Soort zorg</dt>
        <dd>{label(SECTOR_LABELS, c.sector)}</dd>
        <dt>Onderwerpen</dt>
        <dd>{c.subjects.map((s) => label(SUBJECT_LABELS, s)).join(', ')}</dd>
        <dt>Contractjaar</dt>
        <dd>{c.contractYear}</dd>
        <dt>Samenvatting</dt>
        <dd>{c.summary}</dd>
        <dt>Verzoeken</dt>
        <dd>
          <ul>
            {c.claims.map((claim, i) => (
              <li key={i}>
                {claim.description}
                {claim.amountCents !== undefined && `: ${formatEuros(claim.amountCents)}`}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Totaal bedrag</dt>
        <dd>{formatEuros(c.amountInDisputeCents)}</dd>
        <dt>Dringend</dt>
        <dd>{c.urgent ? `Ja: ${c.urgencyReason ?? ''}` : 'Nee'}</dd>
        <dt>Ingediend op</dt>
        <dd>{formatDateTime(c.filedAt)}</dd>
      </dl>
    </section>
  );
}

function DeadlinesSection({ c }: { c: CaseView }) {
  const now = new Date().toISOString();
  return (
    <section aria-labelledby="termijnen">
      <Heading2 id="termijnen">Termijnen</Heading2>
      {c.deadlines.length === 0 ? (
        <Paragraph>Er zijn nog geen termijnen.</Paragraph>
      ) : (
        // Focusable: at 320 px the table scrolls sideways, and a keyboard must reach that too.
        <div className="gzc-table-wrap" tabIndex={0} role="group" aria-labelledby="termijnen">
          <Table>
            <TableCaption className="gzc-visually-hidden">Termijnen in deze zaak</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Wat</TableHeaderCell>
                <TableHeaderCell scope="col">Uiterlijk (Nederlandse tijd)</TableHeaderCell>
                <TableHeaderCell scope="col">Stand</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {c.deadlines.map((d) => (
                <TableRow key={d.deadlineId}>
                  <TableCell>{DEADLINE_LABELS[d.kind] ?? d.kind}</TableCell>
                  <TableCell>{formatDeadline(d.dueAt)}</TableCell>
                  <TableCell>
                    {d.status === 'open' ? describeDaysLeft(daysLeft(d.dueAt, now)) : deadlineStatusLabel(d.kind, d.status)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function DocumentsSection({ c }: { c: CaseView }) {
  const [error, setError] = useState<string | null>(null);
  const download = async (doc: CaseView['documents'][number]) => {
    setError(null);
    try {
      saveBlob(await apiBlob(`/api/disputes/${encodeURIComponent(c.id)}/documents/${encodeURIComponent(doc.documentId)}`), doc.name);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : 'Het document kon niet worden gedownload.');
    }
  };
  return (
    <section aria-labelledby="documenten">
      <Heading2 id="documenten">Documenten</Heading2>
      {error && (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {c.documents.length === 0 ? (
        <Paragraph>Er zijn nog geen documenten.</Paragraph>
      ) : (
        <>
          <Paragraph>
            Het controlegetal (SHA-256) laat zien dat een document niet is veranderd: een ander bestand heeft een ander getal.
          </Paragraph>
          <ul className="gzc-timeline">
            {c.documents.map((doc) => (
              <li key={doc.documentId}>
                <Heading3>{doc.name}</Heading3>
                <dl className="gzc-dl">
                  <dt>Toegevoegd</dt>
                  <dd>{formatDateTime(doc.submittedAt)}</dd>
                  <dt>Grootte</dt>
                  <dd>{formatBytes(doc.sizeBytes)}</dd>
                  <dt>Wie mag het zien</dt>
                  <dd>{VISIBILITY_LABELS[doc.visibility]?.label ?? doc.visibility}</dd>
                  <dt>SHA-256</dt>
                  <dd className="gzc-hash">{doc.sha256}</dd>
                </dl>
                <Button appearance="secondary-action-button" onClick={() => void download(doc)}>
                  Download {doc.name}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CostsSection({ c, orgName }: { c: CaseView; orgName: (id: string) => string | undefined }) {
  if (!c.administrationFee) return null;
  return (
    <section aria-labelledby="kosten">
      <Heading2 id="kosten">Kosten</Heading2>
      <Paragraph>Inschrijfkosten: {formatEuros(c.administrationFee.totalCents)}.</Paragraph>
      <ul>
        {c.administrationFee.shares.map((s) => (
          <li key={s.organisationId}>
            {orgName(s.organisationId) ?? s.organisationId} betaalt {formatEuros(s.amountCents)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TimelineSection({ c, asOf, orgName }: { c: CaseView; asOf?: string; orgName: (id: string) => string | undefined }) {
  const timeline = useQuery({
    queryKey: ['timeline', c.id, c.version],
    queryFn: () => api<TimelineItem[] | { items: TimelineItem[] }>(`/api/disputes/${encodeURIComponent(c.id)}/timeline`),
  });
  const items = (Array.isArray(timeline.data) ? timeline.data : (timeline.data?.items ?? [])).filter(
    (e) => !asOf || amsterdamDate(e.at) <= asOf,
  );
  return (
    <section aria-labelledby="verloop">
      <Heading2 id="verloop">Verloop van de zaak</Heading2>
      {timeline.isPending && <Paragraph>Het verloop wordt geladen…</Paragraph>}
      {timeline.isError && <Paragraph>Het verloop kon niet worden geladen.</Paragraph>}
      <ol className="gzc-timeline">
        {items.map((entry, i) => (
          <li key={`${entry.at}-${i}`}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> {describeEvent(entry, orgName)}
          </li>
        ))}
      </ol>
    </section>
  );
}

function AsOfForm({ filedAt, current, onChoose }: { filedAt: string; current?: string; onChoose: (date: string | null) => void }) {
  const [value, setValue] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const today = amsterdamDate(new Date().toISOString());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return setError('Kies een datum.');
    if (value > today) return setError('Kies een datum van vandaag of eerder.');
    if (value < amsterdamDate(filedAt)) return setError(`De zaak bestaat sinds ${formatDate(filedAt)}. Kies die datum of later.`);
    setError(null);
    onChoose(value);
  };
  return (
    <section aria-labelledby="eerder">
      <Heading2 id="eerder">Bekijk de zaak zoals die was op …</Heading2>
      <form noValidate onSubmit={submit} aria-labelledby="eerder">
        <div className="gzc-field">
          <label className="utrecht-form-label" htmlFor="as-of">
            Datum
          </label>
          {error && (
            <p className="utrecht-form-field-error-message" id="as-of-fout">
              {error}
            </p>
          )}
          <input
            id="as-of"
            type="date"
            className="utrecht-textbox utrecht-textbox--html-input gzc-width-m"
            max={today}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'as-of-fout' : undefined}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
        </div>
        <Button type="submit" appearance="secondary-action-button">
          Bekijken
        </Button>
      </form>
    </section>
  );
}
