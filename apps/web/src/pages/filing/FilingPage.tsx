import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { ORGANISATIONS_PATH } from '../../api/paths';
import type { FeeEstimate, Organisation } from '../../api/types';
import { useSession } from '../../auth/session';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextareaField, TextField } from '../../components/fields';
import { FileInput } from '../../components/FileInput';
import { PageHeading } from '../../components/page';
import { clearDraft, loadDraft, saveDraft, type FilingDraft } from '../../lib/draft';
import { formatEuros, parseEuros } from '../../lib/format';
import {
  FRAMEWORK_LABELS,
  ORGANISATION_KIND_LABELS,
  PHASE_LABELS,
  ROUTE_LABELS,
  SECTOR_LABELS,
  SUBJECT_LABELS,
  VISIBILITY_LABELS,
} from '../../lib/labels';
import { locateApiField, STEPS, validateStep, type StepName } from './validate';

// Files cannot be kept in localStorage: they live here for this visit, by name.
const chosenFiles = new Map<string, File>();

const WLZ_SECTORS = ['wlz_nursing_care', 'wlz_disability_care', 'wlz_mental_health', 'other'];

export function FilingPage() {
  const session = useSession();
  const me = session.me!;
  const { step: stepParam } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const index = Math.max(
    0,
    STEPS.findIndex((s) => s.step === (stepParam ?? 'wie')),
  );
  const step = STEPS[index]!;
  const [draft, setDraft] = useState<FilingDraft>(() => loadDraft(me.user.id));
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [sending, setSending] = useState(false);
  const organisations = useQuery({
    queryKey: ['organisations'],
    queryFn: () => api<Organisation[]>(ORGANISATIONS_PATH),
    staleTime: 300_000,
  });
  const isAssociation = me.user.role === 'association';
  const isInsurer = me.user.role === 'insurer';

  // The claimant is the user's own organisation, except for an association (its chosen members).
  const claimantIds = isAssociation ? draft.claimantOrganisationIds : me.organisation ? [me.organisation.id] : [];

  const update = (patch: Partial<FilingDraft>) => {
    setDraft((current) => {
      const next = { ...current, ...patch };
      saveDraft(me.user.id, next);
      return next;
    });
  };

  useEffect(() => setErrors([]), [step.step]);
  // A link from the error summary on the check page ends in #field: put focus there.
  useEffect(() => {
    if (!location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.focus();
  }, [location.hash, step.step]);

  const next = (event: FormEvent) => {
    event.preventDefault();
    const found = validateStep(step.step, draft, { isAssociation, now: new Date() });
    setErrors(found);
    if (found.length > 0) return;
    navigate(`/aanvraag/${STEPS[index + 1]!.step}`);
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    // Every step once more: a draft from an earlier visit may be incomplete.
    for (const s of STEPS) {
      const found = validateStep(s.step, draft, { isAssociation, now: new Date() });
      if (found.length > 0) {
        setErrors(found.map((e) => ({ ...e, href: `/aanvraag/${s.step}#${e.fieldId}` })));
        return;
      }
    }
    setSending(true);
    setErrors([]);
    try {
      const created = await api<{ id: string }>('/api/disputes', {
        body: {
          phase: draft.phase,
          legalFramework: draft.legalFramework,
          sector: draft.sector,
          subjects: draft.subjects,
          contractYear: Number(draft.contractYear),
          claimantOrganisationIds: claimantIds,
          respondentOrganisationIds: draft.respondentOrganisationIds,
          summary: draft.summary.trim(),
          claims: draft.claims.map((c) => ({
            description: c.description.trim(),
            ...(c.amount.trim() !== '' ? { amountCents: parseEuros(c.amount) } : {}),
          })),
          amountInDisputeCents: parseEuros(draft.amountInDispute),
          proposedRoute: draft.proposedRoute,
          urgent: draft.urgent === 'true',
          ...(draft.urgent === 'true' ? { urgencyReason: draft.urgencyReason.trim() } : {}),
        },
        headers: { 'Idempotency-Key': idempotencyKey(me.user.id, draft) },
      });
      const failedUploads: string[] = [];
      for (const doc of draft.documents) {
        const file = chosenFiles.get(doc.name);
        if (!file) continue;
        const form = new FormData();
        form.append('visibility', doc.visibility);
        form.append('file', file, file.name);
        try {
          await api(`/api/disputes/${created.id}/documents`, { form });
        } catch {
          failedUploads.push(doc.name);
        }
      }
      clearDraft(me.user.id);
      chosenFiles.clear();
      navigate(`/zaken/${created.id}`, { state: { filed: true, failedUploads } });
    } catch (error) {
      setSending(false);
      if (error instanceof ApiError && error.errors.length > 0) {
        setErrors(
          error.errors.map((e) => {
            const at = locateApiField(e.field);
            return {
              fieldId: at.fieldId,
              message: e.message,
              href: at.step === 'controleren' ? undefined : `/aanvraag/${at.step}#${at.fieldId}`,
            };
          }),
        );
      } else {
        setErrors([
          { fieldId: 'versturen', message: error instanceof ApiError ? error.detail : 'Versturen lukte niet. Probeer het opnieuw.' },
        ]);
      }
    }
  };

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const orgs = organisations.data ?? [];
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? id;

  let body: ReactNode;
  switch (step.step) {
    case 'wie':
      body = <WhoStep me={me} orgs={orgs} draft={draft} update={update} error={errorFor('leden')} />;
      break;
    case 'geschil':
      body = <DisputeStep draft={draft} update={update} errorFor={errorFor} />;
      break;
    case 'wederpartij':
      body = <OtherPartyStep draft={draft} update={update} orgs={orgs} isInsurer={isInsurer} error={errorFor('wederpartij')} />;
      break;
    case 'verzoek':
      body = <ClaimStep draft={draft} update={update} errorFor={errorFor} claimantIds={claimantIds} />;
      break;
    case 'spoed':
      body = (
        <>
          <ChoiceGroup
            id="urgent"
            legend="Is het dringend?"
            description="Dringend betekent bijvoorbeeld: u moet binnenkort stoppen met nieuwe cliënten (cliëntenstop), of uw praktijk komt in de problemen. Alle termijnen worden dan half zo lang."
            type="radio"
            name="urgent"
            error={errorFor('urgent')}
            value={draft.urgent}
            onChange={(v) => update({ urgent: v as string })}
            choices={[
              { value: 'true', label: 'Ja, het is dringend' },
              { value: 'false', label: 'Nee' },
            ]}
          />
          {draft.urgent === 'true' && (
            <TextareaField
              id="urgencyReason"
              label="Waarom is het dringend?"
              error={errorFor('urgencyReason')}
              value={draft.urgencyReason}
              onChange={(e) => update({ urgencyReason: e.currentTarget.value })}
            />
          )}
        </>
      );
      break;
    case 'documenten':
      body = <DocumentsStep draft={draft} update={update} />;
      break;
    case 'controleren':
      body = <CheckStep draft={draft} orgName={orgName} claimantIds={claimantIds} me={me} />;
      break;
  }

  const last = step.step === 'controleren';
  return (
    <>
      <PageHeading title={step.title} step={{ current: index + 1, total: STEPS.length }} />
      {index === 0 && (
        <Paragraph>
          Alle vragen zijn verplicht, tenzij er &lsquo;niet verplicht&rsquo; bij staat. Uw antwoorden worden op deze computer bewaard. U
          kunt dus stoppen en later verdergaan.
        </Paragraph>
      )}
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={last ? send : next} aria-labelledby={undefined}>
        {body}
        <div className="gzc-actions">
          <Button type="submit" appearance="primary-action-button" id={last ? 'versturen' : undefined} busy={sending} disabled={sending}>
            {last ? 'Versturen' : 'Volgende stap'}
          </Button>
          {index > 0 && (
            <Link className="utrecht-link" to={`/aanvraag/${STEPS[index - 1]!.step}`}>
              Vorige stap
            </Link>
          )}
        </div>
      </form>
    </>
  );
}

/** The same draft sent twice (a double click, a retry after a timeout) files once. */
function idempotencyKey(userId: string, draft: FilingDraft): string {
  const text = `${userId}|${JSON.stringify(draft)}`;
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return `filing-${userId}-${(hash >>> 0).toString(36)}`;
}

interface StepProps {
  draft: FilingDraft;
  update: (patch: Partial<FilingDraft>) => void;
}

function WhoStep({
  me,
  orgs,
  draft,
  update,
  error,
}: StepProps & { me: NonNullable<ReturnType<typeof useSession>['me']>; orgs: Organisation[]; error?: string }) {
  const org = me.organisation;
  const members = orgs.filter((o) => org?.members?.includes(o.id));
  return (
    <>
      <dl className="gzc-dl">
        <dt>Naam</dt>
        <dd>{me.user.name}</dd>
        <dt>Organisatie</dt>
        <dd>{org?.name ?? 'onbekend'}</dd>
        {org?.codes.agb && (
          <>
            <dt>AGB-code</dt>
            <dd>{org.codes.agb}</dd>
          </>
        )}
        {org?.codes.kvk && (
          <>
            <dt>KvK-nummer</dt>
            <dd>{org.codes.kvk}</dd>
          </>
        )}
        {org?.codes.uzovi && (
          <>
            <dt>UZOVI-code</dt>
            <dd>{org.codes.uzovi}</dd>
          </>
        )}
        {org?.kind === 'provider' && (
          <>
            <dt>Kleine zorgaanbieder</dt>
            <dd>{org.smallProvider ? 'Ja. De verzekeraar betaalt een deel van uw kosten.' : 'Nee'}</dd>
          </>
        )}
      </dl>
      <Paragraph>Kloppen deze gegevens niet? Bel het secretariaat: 030 123 45 67.</Paragraph>
      {me.user.role === 'association' && (
        <ChoiceGroup
          id="leden"
          legend="Voor welke leden dient u de aanvraag in?"
          description="Dit wordt een collectief geschil. Alleen uw vereniging kan het intrekken. Een lid kan zelf stoppen met meedoen."
          type="checkbox"
          name="leden"
          error={error}
          value={draft.claimantOrganisationIds}
          onChange={(v) => update({ claimantOrganisationIds: v as string[] })}
          choices={members.map((m) => ({ value: m.id, label: m.name, hint: m.codes.agb ? `AGB-code ${m.codes.agb}` : undefined }))}
        />
      )}
    </>
  );
}

function DisputeStep({ draft, update, errorFor }: StepProps & { errorFor: (id: string) => string | undefined }) {
  const sectors = Object.entries(SECTOR_LABELS)
    .filter(([value]) =>
      draft.legalFramework === 'wlz' ? WLZ_SECTORS.includes(value) : draft.legalFramework ? !value.startsWith('wlz_') : true,
    )
    .map(([value, label]) => ({ value, label }));
  return (
    <>
      <ChoiceGroup
        id="phase"
        legend="Is er al een contract?"
        type="radio"
        name="phase"
        error={errorFor('phase')}
        value={draft.phase}
        onChange={(v) => update({ phase: v as string })}
        choices={Object.entries(PHASE_LABELS).map(([value, p]) => ({ value, label: p.label, hint: p.hint }))}
      />
      <ChoiceGroup
        id="legalFramework"
        legend="Onder welke wet valt de zorg?"
        type="radio"
        name="legalFramework"
        error={errorFor('legalFramework')}
        value={draft.legalFramework}
        onChange={(v) => update({ legalFramework: v as string, respondentOrganisationIds: [] })}
        choices={Object.entries(FRAMEWORK_LABELS).map(([value, p]) => ({ value, label: p.label, hint: p.hint }))}
      />
      <SelectField
        id="sector"
        label="Welke soort zorg?"
        error={errorFor('sector')}
        value={draft.sector}
        placeholder="Kies de soort zorg"
        options={sectors}
        onChange={(e) => update({ sector: e.currentTarget.value })}
      />
      <ChoiceGroup
        id="subjects"
        legend="Waar gaat het geschil over?"
        description="U mag meer dan één onderwerp kiezen."
        type="checkbox"
        name="subjects"
        error={errorFor('subjects')}
        value={draft.subjects}
        onChange={(v) => update({ subjects: v as string[] })}
        choices={Object.entries(SUBJECT_LABELS).map(([value, s]) => ({ value, label: s.label, hint: s.hint }))}
      />
      <TextField
        id="contractYear"
        label="Over welk contractjaar gaat het?"
        description="Bijvoorbeeld 2026."
        inputMode="numeric"
        width="xs"
        error={errorFor('contractYear')}
        value={draft.contractYear}
        onChange={(e) => update({ contractYear: e.currentTarget.value })}
      />
    </>
  );
}

function OtherPartyStep({
  draft,
  update,
  orgs,
  isInsurer,
  error,
}: StepProps & { orgs: Organisation[]; isInsurer: boolean; error?: string }) {
  const [query, setQuery] = useState('');
  const kinds = isInsurer ? ['provider'] : draft.legalFramework === 'wlz' ? ['care_office'] : ['insurer'];
  const candidates = useMemo(() => {
    const q = query.trim().toLowerCase();
    return orgs
      .filter((o) => kinds.includes(o.kind))
      .filter((o) => q === '' || o.name.toLowerCase().includes(q) || (o.codes.uzovi ?? '').includes(q) || (o.codes.agb ?? '').includes(q));
  }, [orgs, query, kinds.join()]);
  const chosen = orgs.filter((o) => draft.respondentOrganisationIds.includes(o.id));
  const kindText = isInsurer ? 'zorgaanbieder' : draft.legalFramework === 'wlz' ? 'zorgkantoor' : 'zorgverzekeraar';
  return (
    <>
      <TextField
        id="zoeken"
        type="search"
        label={`Zoek de ${kindText} op naam${isInsurer ? ' of AGB-code' : ' of UZOVI-code'}`}
        optional
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {candidates.length === 0 && chosen.length === 0 ? (
        <div id="wederpartij" tabIndex={-1}>
          <Paragraph>
            Geen {kindText} gevonden{query ? ` voor "${query}"` : ''}.{' '}
            {draft.legalFramework === 'wlz' && 'Wlz-geschillen gaan altijd over een zorgkantoor. '}
            Staat de {kindText} er niet bij? Bel het secretariaat: 030 123 45 67.
          </Paragraph>
          {error && <Paragraph className="utrecht-form-field-error-message">{error}</Paragraph>}
        </div>
      ) : (
        <ChoiceGroup
          id="wederpartij"
          legend={`Kies de ${kindText}`}
          description="Heeft u een geschil met meer dan één partij tegelijk? Kies ze allemaal."
          type="checkbox"
          name="wederpartij"
          error={error}
          value={draft.respondentOrganisationIds}
          onChange={(v) => update({ respondentOrganisationIds: v as string[] })}
          choices={[...chosen, ...candidates.filter((c) => !chosen.includes(c))].map((o) => ({
            value: o.id,
            label: o.name,
            hint: [ORGANISATION_KIND_LABELS[o.kind], o.codes.uzovi ? `UZOVI ${o.codes.uzovi}` : o.codes.agb ? `AGB ${o.codes.agb}` : null]
              .filter(Boolean)
              .join(', '),
          }))}
        />
      )}
    </>
  );
}

function ClaimStep({
  draft,
  update,
  errorFor,
  claimantIds,
}: StepProps & { errorFor: (id: string) => string | undefined; claimantIds: string[] }) {
  const addRef = useRef<HTMLInputElement | null>(null);
  const [focusNew, setFocusNew] = useState(false);
  useEffect(() => {
    if (focusNew) {
      addRef.current?.focus();
      setFocusNew(false);
    }
  }, [focusNew, draft.claims.length]);
  const params = new URLSearchParams({
    claimantOrganisationIds: claimantIds.join(','),
    respondentOrganisationIds: draft.respondentOrganisationIds.join(','),
  });
  const fees = useQuery({
    queryKey: ['fees', params.toString()],
    queryFn: () => api<FeeEstimate>(`/api/fees/estimate?${params}`),
    enabled: claimantIds.length > 0 && draft.respondentOrganisationIds.length > 0,
  });
  const setClaim = (i: number, patch: Partial<FilingDraft['claims'][number]>) =>
    update({ claims: draft.claims.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const costText = (route: string) => {
    const r = fees.data?.routes.find((x) => x.route === route);
    if (!r) return undefined;
    const range =
      r.claimantMinCents === r.claimantMaxCents
        ? `U betaalt ${formatEuros(r.claimantMinCents, { whole: true })}`
        : `U betaalt ${formatEuros(r.claimantMinCents, { whole: true })} tot ${formatEuros(r.claimantMaxCents, { whole: true })}, afhankelijk van de uitkomst`;
    return `${range}${r.reliefCents > 0 ? ` (de verzekeraar betaalt ${formatEuros(r.reliefCents, { whole: true })} van uw deel, omdat u een kleine zorgaanbieder bent)` : ''}.`;
  };
  return (
    <>
      <TextareaField
        id="summary"
        label="Waar gaat het geschil over?"
        description="Beschrijf in een paar zinnen wat er is gebeurd. Bijvoorbeeld: ons omzetplafond voor 2026 was in september bereikt en de verzekeraar wil het niet verhogen."
        error={errorFor('summary')}
        value={draft.summary}
        onChange={(e) => update({ summary: e.currentTarget.value })}
      />
      <Heading2>Uw verzoeken</Heading2>
      <Paragraph>Wat moet de verzekeraar doen, of wat moet de adviseur beslissen? Elk verzoek apart.</Paragraph>
      {draft.claims.map((claim, i) => (
        <fieldset key={i} className="gzc-card">
          <legend className="gzc-visually-hidden">Verzoek {i + 1}</legend>
          <TextField
            id={`claims-${i}-description`}
            ref={i === draft.claims.length - 1 ? addRef : undefined}
            label={`Verzoek ${i + 1}: wat vraagt u?`}
            error={errorFor(`claims-${i}-description`)}
            value={claim.description}
            onChange={(e) => setClaim(i, { description: e.currentTarget.value })}
          />
          <TextField
            id={`claims-${i}-amount`}
            label={`Bedrag bij verzoek ${i + 1}, in euro’s`}
            optional
            inputMode="decimal"
            width="m"
            error={errorFor(`claims-${i}-amount`)}
            value={claim.amount}
            onChange={(e) => setClaim(i, { amount: e.currentTarget.value })}
          />
          {draft.claims.length > 1 && (
            <Button appearance="subtle-button" onClick={() => update({ claims: draft.claims.filter((_, j) => j !== i) })}>
              Verzoek {i + 1} verwijderen
            </Button>
          )}
        </fieldset>
      ))}
      <div className="gzc-actions">
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            update({ claims: [...draft.claims, { description: '', amount: '' }] });
            setFocusNew(true);
          }}
        >
          Nog een verzoek toevoegen
        </Button>
      </div>
      <TextField
        id="amountInDispute"
        label="Om hoeveel geld gaat het in totaal, in euro’s?"
        description="Gaat het niet om geld, vul dan 0 in."
        inputMode="decimal"
        width="m"
        error={errorFor('amountInDispute')}
        value={draft.amountInDispute}
        onChange={(e) => update({ amountInDispute: e.currentTarget.value })}
      />
      <ChoiceGroup
        id="proposedRoute"
        legend="Welke route stelt u voor?"
        description="De wederpartij moet met de route instemmen. Wij raden aan te beginnen met mediation."
        type="radio"
        name="proposedRoute"
        error={errorFor('proposedRoute')}
        value={draft.proposedRoute}
        onChange={(v) => update({ proposedRoute: v as string })}
        choices={['mediation', 'binding_advice', 'arbitration'].map((route) => ({
          value: route,
          label: ROUTE_LABELS[route],
          hint: costText(route),
        }))}
      />
    </>
  );
}

function DocumentsStep({ draft, update }: StepProps) {
  const [, force] = useState(0);
  return (
    <>
      <Paragraph>
        Voeg documenten toe die uw verhaal ondersteunen, zoals het contract, brieven of e-mails. Dit is niet verplicht: u kunt ook later
        documenten toevoegen op de pagina van uw zaak.
      </Paragraph>
      <div className="gzc-field">
        <label className="utrecht-form-label" htmlFor="documents">
          Kies een of meer bestanden <span className="gzc-optional">(niet verplicht)</span>
        </label>
        <p className="utrecht-form-field-description" id="documents-uitleg">
          PDF, Word, Excel of een foto. Hoogstens 25 MB per bestand.
        </p>
        <FileInput
          id="documents"
          multiple
          describedBy="documents-uitleg"
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            for (const file of files) chosenFiles.set(file.name, file);
            const names = new Set(draft.documents.map((d) => d.name));
            update({
              documents: [
                ...draft.documents,
                ...files.filter((f) => !names.has(f.name)).map((f) => ({ name: f.name, visibility: 'parties' })),
              ],
            });
            e.currentTarget.value = '';
            force((n) => n + 1);
          }}
        />
      </div>
      {draft.documents.map((doc, i) => (
        <div key={doc.name} className="gzc-card">
          <ChoiceGroup
            id={`document-${i}-visibility`}
            legend={`Wie mag ${doc.name} zien?`}
            description={
              chosenFiles.has(doc.name)
                ? undefined
                : 'Dit bestand moet u opnieuw kiezen: bestanden worden niet bewaard als u de browser sluit.'
            }
            type="radio"
            name={`document-${i}-visibility`}
            value={doc.visibility}
            onChange={(v) => update({ documents: draft.documents.map((d, j) => (j === i ? { ...d, visibility: v as string } : d)) })}
            choices={['parties', 'secretariat'].map((v) => ({
              value: v,
              label: VISIBILITY_LABELS[v]!.label,
              hint: VISIBILITY_LABELS[v]!.hint,
            }))}
          />
          <Button
            appearance="subtle-button"
            onClick={() => {
              chosenFiles.delete(doc.name);
              update({ documents: draft.documents.filter((_, j) => j !== i) });
            }}
          >
            {doc.name} verwijderen
          </Button>
        </div>
      ))}
    </>
  );
}

function CheckStep({
  draft,
  orgName,
  claimantIds,
  me,
}: {
  draft: FilingDraft;
  orgName: (id: string) => string;
  claimantIds: string[];
  me: NonNullable<ReturnType<typeof useSession>['me']>;
}) {
  const rows: { label: string; value: ReactNode; step: StepName | null; field: string }[] = [
    // Who files comes from the sign-in: nothing to change there (an association changes its members below).
    { label: 'Ingediend door', value: `${me.user.name}, ${me.organisation?.name ?? ''}`, step: null, field: '' },
    ...(me.user.role === 'association'
      ? [{ label: 'Namens', value: claimantIds.map(orgName).join(', '), step: 'wie' as const, field: 'leden' }]
      : []),
    { label: 'Contract', value: PHASE_LABELS[draft.phase]?.label, step: 'geschil', field: 'phase' },
    { label: 'Wet', value: FRAMEWORK_LABELS[draft.legalFramework]?.label, step: 'geschil', field: 'legalFramework' },
    { label: 'Soort zorg', value: SECTOR_LABELS[draft.sector], step: 'geschil', field: 'sector' },
    {
      label: 'Onderwerpen',
      value: draft.subjects.map((s) => SUBJECT_LABELS[s]?.label ?? s).join(', '),
      step: 'geschil',
      field: 'subjects',
    },
    { label: 'Contractjaar', value: draft.contractYear, step: 'geschil', field: 'contractYear' },
    { label: 'Wederpartij', value: draft.respondentOrganisationIds.map(orgName).join(', '), step: 'wederpartij', field: 'wederpartij' },
    { label: 'Samenvatting', value: draft.summary, step: 'verzoek', field: 'summary' },
    {
      label: 'Verzoeken',
      value: (
        <ul>
          {draft.claims.map((c, i) => (
            <li key={i}>
              {c.description}
              {c.amount && parseEuros(c.amount) !== null && `: ${formatEuros(parseEuros(c.amount)!)}`}
            </li>
          ))}
        </ul>
      ),
      step: 'verzoek',
      field: 'claims-0-description',
    },
    {
      label: 'Totaal bedrag',
      value: parseEuros(draft.amountInDispute) !== null ? formatEuros(parseEuros(draft.amountInDispute)!) : '',
      step: 'verzoek',
      field: 'amountInDispute',
    },
    { label: 'Voorgestelde route', value: ROUTE_LABELS[draft.proposedRoute], step: 'verzoek', field: 'proposedRoute' },
    { label: 'Dringend', value: draft.urgent === 'true' ? `Ja: ${draft.urgencyReason}` : 'Nee', step: 'spoed', field: 'urgent' },
    {
      label: 'Documenten',
      value:
        draft.documents.length === 0
          ? 'Geen'
          : draft.documents.map((d) => `${d.name} (${VISIBILITY_LABELS[d.visibility]?.label.toLowerCase()})`).join(', '),
      step: 'documenten',
      field: 'documents',
    },
  ];
  return (
    <>
      <dl>
        {rows.map((row) => (
          <div className="gzc-check-row" key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
            <dd>
              {row.step && (
                <Link className="utrecht-link" to={`/aanvraag/${row.step}#${row.field}`}>
                  Wijzig<span className="gzc-visually-hidden"> {row.label.toLowerCase()}</span>
                </Link>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <Paragraph>
        Als u op &lsquo;Versturen&rsquo; klikt, krijgt het secretariaat uw aanvraag. De wederpartij ziet de zaak pas als het secretariaat
        hem heeft ingeschreven.
      </Paragraph>
    </>
  );
}
