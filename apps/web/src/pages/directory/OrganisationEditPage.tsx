import { useState } from 'react';
import type { DirectoryOrganisation } from '../../api/secretariat-types';
import { ChoiceGroup, TextField } from '../../components/fields';
import { CODE_NEEDS, CODE_TEXT, checkOrganisation, organisationChange, type OrganisationValues } from '../../lib/directory-checks';
import { ORGANISATION_KIND_LABELS, label } from '../../lib/labels';
import { useDirectoryOrganisations } from './DirectoryPage';
import { DirectoryRecordPage, RecordFormFrame, useDirectorySave, type RecordFormProps } from './directory-save';

const idFor = (field: string) => `organisatie-${field}`;

const valuesOf = (o: DirectoryOrganisation): OrganisationValues => ({
  name: o.name,
  agb: o.codes.agb ?? '',
  kvk: o.codes.kvk ?? '',
  uzovi: o.codes.uzovi ?? '',
  smallProvider: o.smallProvider === undefined ? '' : String(o.smallProvider),
  members: o.members ?? [],
});

/** Changing an organisation of the register, conditional on the version the person saw (If-Match). */
export function OrganisationEditPage() {
  return (
    <DirectoryRecordPage<DirectoryOrganisation>
      collection="organisations"
      noun="organisatie"

      Form={OrganisationForm}
    />
  );
}

function OrganisationForm({ record: org, onReload, saved, onSaved }: RecordFormProps<DirectoryOrganisation>) {
  const providers = useDirectoryOrganisations().data?.filter((o) => o.kind === 'provider') ?? [];
  const needs = CODE_NEEDS[org.kind] ?? CODE_NEEDS.observer!;
  const [values, setValues] = useState<OrganisationValues>(valuesOf(org));
  const { save, errorFor, frame } = useDirectorySave({
    path: `/api/directory/organisations/${encodeURIComponent(org.id)}`,
    version: org.version,
    idFor,
    onReload,
    saved,
    onSaved,
  });
  const set = (field: keyof OrganisationValues) => (value: string | string[]) => setValues((v) => ({ ...v, [field]: value }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void save(
      checkOrganisation(org.kind, values),
      () => organisationChange(org.kind, values),
      `De gegevens van ${values.name.trim()} zijn opgeslagen.`,
    );
  };

  const code = (c: 'agb' | 'kvk' | 'uzovi') =>
    needs[c] !== 'forbidden' && (
      <TextField
        id={idFor(c)}
        label={CODE_TEXT[c].label}
        description={`${CODE_TEXT[c].digits} cijfers, bijvoorbeeld ${CODE_TEXT[c].example}.`}
        optional={needs[c] === 'optional'}
        inputMode="numeric"
        width="s"
        error={errorFor(c)}
        value={values[c]}
        onChange={(e) => set(c)(e.currentTarget.value)}
      />
    );
  return (
    <RecordFormFrame
      title={`${org.name} wijzigen`}
      intro={
        <>
          Soort: {label(ORGANISATION_KIND_LABELS, org.kind)}. Kenmerk in het register: {org.id}.
        </>
      }
      onSubmit={submit}
      {...frame}
    >
      <TextField
        id={idFor('name')}
        label="Naam"
        width="l"
        error={errorFor('name')}
        value={values.name}
        onChange={(e) => set('name')(e.currentTarget.value)}
      />
      {code('agb')}
      {code('kvk')}
      {code('uzovi')}
      {needs.smallProvider !== 'forbidden' && (
        <ChoiceGroup
          id={idFor('smallProvider')}
          legend="Is dit een kleine zorgaanbieder?"
          description="Een omzet onder € 325.000 per jaar of hoogstens 10 zorgverleners. Een kleine zorgaanbieder betaalt minder inschrijfkosten."
          error={errorFor('smallProvider')}
          type="radio"
          name={idFor('smallProvider')}
          choices={[
            { value: 'true', label: 'Ja, een kleine zorgaanbieder' },
            { value: 'false', label: 'Nee' },
          ]}
          value={values.smallProvider}
          onChange={set('smallProvider')}
        />
      )}
      {needs.members !== 'forbidden' && (
        <ChoiceGroup
          id={idFor('members')}
          legend="Welke zorgaanbieders zijn lid?"
          description="De organisatie kan namens deze leden een collectief geschil indienen."
          error={errorFor('members')}
          type="checkbox"
          name={idFor('members')}
          choices={providers.map((p) => ({ value: p.id, label: p.name }))}
          value={values.members}
          onChange={set('members')}
        />
      )}
    </RecordFormFrame>
  );
}
