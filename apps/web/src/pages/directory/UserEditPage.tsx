import { Button, Paragraph } from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { DirectoryUser } from '../../api/secretariat-types';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextField } from '../../components/fields';
import { PageHeading, useAnnounce } from '../../components/page';
import { dutchDirectoryMessage } from '../../lib/directory-checks';
import { ROLE_LABELS, label } from '../../lib/labels';
import { ConflictNotice } from './ConflictNotice';
import { useDirectoryOrganisations } from './DirectoryPage';

const idFor = (field: string) => `gebruiker-${field}`;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The roles a user of an organisation of each kind may have (as the directory's rules say). */
const ROLES_BY_KIND: Record<string, string[]> = {
  provider: ['provider'],
  insurer: ['insurer'],
  care_office: ['insurer'],
  association: ['association'],
  disputes_body: ['mediator', 'adviser', 'arbitrator', 'secretariat'],
  observer: ['observer'],
};

interface UserValues {
  name: string;
  email: string;
  organisationId: string;
  role: string;
}

/** Changing a user of the register, conditional on the version the person saw (If-Match). */
export function UserEditPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const user = useQuery({
    queryKey: ['directory', 'user', id],
    queryFn: () => api<DirectoryUser>(`/api/directory/users/${encodeURIComponent(id)}`),
  });
  if (user.isPending) return <Paragraph>De gebruiker wordt geladen…</Paragraph>;
  if (user.isError) {
    return (
      <>
        <PageHeading title="Gebruiker niet gevonden" />
        <Paragraph>
          Deze gebruiker staat niet in het register.{' '}
          <Link className="utrecht-link" to="/register">
            Terug naar het register
          </Link>
        </Paragraph>
      </>
    );
  }
  const reload = () => queryClient.invalidateQueries({ queryKey: ['directory'] });
  return <UserForm key={user.data.version} user={user.data} onReload={reload} saved={saved} onSaved={setSaved} />;
}

function UserForm({
  user,
  onReload,
  saved,
  onSaved,
}: {
  user: DirectoryUser;
  onReload: () => Promise<void>;
  saved: string | null;
  onSaved: (text: string | null) => void;
}) {
  const announce = useAnnounce();
  const organisations = useDirectoryOrganisations().data ?? [];
  const [values, setValues] = useState<UserValues>({
    name: user.name,
    email: user.email ?? '',
    organisationId: user.organisationId,
    role: user.role,
  });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  const kind = organisations.find((o) => o.id === values.organisationId)?.kind ?? '';
  const roles = ROLES_BY_KIND[kind] ?? [];
  const set = (field: keyof UserValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    onSaved(null);
    const found: SummaryError[] = [];
    if (values.name.trim() === '') found.push({ fieldId: idFor('name'), message: 'Vul de naam in.' });
    if (values.email.trim() !== '' && !EMAIL.test(values.email.trim())) {
      found.push({ fieldId: idFor('email'), message: 'Vul een e-mailadres in zoals naam@organisatie.nl.' });
    }
    if (!roles.includes(values.role)) found.push({ fieldId: idFor('role'), message: 'Kies een rol die bij de organisatie past.' });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await api(`/api/directory/users/${encodeURIComponent(user.id)}`, {
        method: 'PATCH',
        body: {
          name: values.name.trim(),
          ...(values.email.trim() !== '' ? { email: values.email.trim() } : {}),
          organisationId: values.organisationId,
          role: values.role,
        },
        headers: { 'If-Match': `"${user.version}"` },
      });
      const text = `De gegevens van ${values.name.trim()} zijn opgeslagen.`;
      announce(text);
      onSaved(text);
      await onReload();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(true);
      else if (error instanceof ApiError && error.errors.length > 0) {
        setErrors(
          error.errors.map((e) => {
            const d = dutchDirectoryMessage(e.field);
            return { fieldId: idFor(d.field), message: d.message };
          }),
        );
      } else setErrors([{ fieldId: idFor('opslaan'), message: error instanceof ApiError ? error.detail : 'Opslaan lukte niet.' }]);
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: string) => errors.find((e) => e.fieldId === idFor(field))?.message;
  return (
    <>
      <PageHeading title={`${user.name} wijzigen`} />
      <Paragraph>
        Gebruikersnaam: {user.id}.{' '}
        <Link className="utrecht-link" to="/register">
          Terug naar het register
        </Link>
      </Paragraph>
      {saved && (
        <div ref={savedRef} tabIndex={-1} className="gzc-notice gzc-notice--ok">
          <Paragraph>{saved}</Paragraph>
        </div>
      )}
      {conflict && <ConflictNotice onReload={() => void onReload()} />}
      <form noValidate onSubmit={submit} aria-label={`${user.name} wijzigen`}>
        <ErrorSummary errors={errors} />
        <TextField
          id={idFor('name')}
          label="Naam"
          width="l"
          error={errorFor('name')}
          value={values.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
        />
        <TextField
          id={idFor('email')}
          label="E-mailadres"
          optional
          type="email"
          autoComplete="off"
          width="l"
          error={errorFor('email')}
          value={values.email}
          onChange={(e) => set('email')(e.currentTarget.value)}
        />
        <SelectField
          id={idFor('organisationId')}
          label="Organisatie"
          error={errorFor('organisationId')}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={values.organisationId}
          onChange={(e) => set('organisationId')(e.currentTarget.value)}
        />
        <ChoiceGroup
          id={idFor('role')}
          legend="Rol"
          description="De rollen die bij deze organisatie passen."
          error={errorFor('role')}
          type="radio"
          name={idFor('role')}
          choices={roles.map((r) => ({ value: r, label: label(ROLE_LABELS, r) }))}
          value={values.role}
          onChange={(v) => set('role')(v as string)}
        />
        <Button type="submit" id={idFor('opslaan')} appearance="primary-action-button" busy={busy} disabled={busy}>
          Opslaan
        </Button>
      </form>
    </>
  );
}
