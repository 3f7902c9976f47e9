import { useState } from 'react';
import type { DirectoryUser } from '../../api/secretariat-types';
import { ChoiceGroup, SelectField, TextField } from '../../components/fields';
import { ROLE_LABELS, label } from '../../lib/labels';
import { useDirectoryOrganisations } from './DirectoryPage';
import { DirectoryRecordPage, RecordFormFrame, useDirectorySave, type RecordFormProps } from './directory-save';

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
  return (
    <DirectoryRecordPage<DirectoryUser>
      collection="users"
      noun="gebruiker"

      Form={UserForm}
    />
  );
}

function UserForm({ record: user, onReload, saved, onSaved }: RecordFormProps<DirectoryUser>) {
  const organisations = useDirectoryOrganisations().data ?? [];
  const [values, setValues] = useState<UserValues>({
    name: user.name,
    email: user.email ?? '',
    organisationId: user.organisationId,
    role: user.role,
  });
  const { save, errorFor, frame } = useDirectorySave({
    path: `/api/directory/users/${encodeURIComponent(user.id)}`,
    version: user.version,
    idFor,
    onReload,
    saved,
    onSaved,
  });
  const kind = organisations.find((o) => o.id === values.organisationId)?.kind ?? '';
  const roles = ROLES_BY_KIND[kind] ?? [];
  const set = (field: keyof UserValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: { field: string; message: string }[] = [];
    if (values.name.trim() === '') found.push({ field: 'name', message: 'Vul de naam in.' });
    if (values.email.trim() !== '' && !EMAIL.test(values.email.trim())) {
      found.push({ field: 'email', message: 'Vul een e-mailadres in zoals naam@organisatie.nl.' });
    }
    if (!roles.includes(values.role)) found.push({ field: 'role', message: 'Kies een rol die bij de organisatie past.' });
    void save(
      found,
      () => ({
        name: values.name.trim(),
        ...(values.email.trim() !== '' ? { email: values.email.trim() } : {}),
        organisationId: values.organisationId,
        role: values.role,
      }),
      `De gegevens van ${values.name.trim()} zijn opgeslagen.`,
    );
  };

  return (
    <RecordFormFrame title={`${user.name} wijzigen`} intro={`Gebruikersnaam: ${user.id}.`} onSubmit={submit} {...frame}>
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
    </RecordFormFrame>
  );
}
