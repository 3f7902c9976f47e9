// The directory's rules as the secretariat's forms check them before saving, in plain Dutch. The
// API checks the same rules (libs/directory directory-rules.ts) and has the last word; its English
// field messages are shown in Dutch through `dutchDirectoryMessage`.

export type Need = 'required' | 'optional' | 'forbidden';
export type CodeName = 'agb' | 'kvk' | 'uzovi';

export const CODE_NEEDS: Record<string, Record<CodeName | 'smallProvider' | 'members', Need>> = {
  provider: { agb: 'required', kvk: 'required', uzovi: 'forbidden', smallProvider: 'required', members: 'forbidden' },
  insurer: { agb: 'forbidden', kvk: 'optional', uzovi: 'required', smallProvider: 'forbidden', members: 'forbidden' },
  care_office: { agb: 'forbidden', kvk: 'optional', uzovi: 'required', smallProvider: 'forbidden', members: 'forbidden' },
  association: { agb: 'forbidden', kvk: 'optional', uzovi: 'forbidden', smallProvider: 'forbidden', members: 'required' },
  disputes_body: { agb: 'forbidden', kvk: 'optional', uzovi: 'forbidden', smallProvider: 'forbidden', members: 'forbidden' },
  observer: { agb: 'forbidden', kvk: 'optional', uzovi: 'forbidden', smallProvider: 'forbidden', members: 'forbidden' },
};

export const CODE_TEXT: Record<CodeName, { label: string; digits: number; example: string }> = {
  agb: { label: 'AGB-code', digits: 8, example: '04012345' },
  kvk: { label: 'KvK-nummer', digits: 8, example: '61234567' },
  uzovi: { label: 'UZOVI-code', digits: 4, example: '9001' },
};

export interface OrganisationValues {
  name: string;
  agb: string;
  kvk: string;
  uzovi: string;
  /** 'true', 'false' or '' (not chosen) */
  smallProvider: string;
  members: string[];
}

export interface DirectoryFieldError {
  field: keyof OrganisationValues;
  message: string;
}

/** Every problem with the values for an organisation of `kind`, each naming its field in Dutch. */
export function checkOrganisation(kind: string, v: OrganisationValues): DirectoryFieldError[] {
  const needs = CODE_NEEDS[kind] ?? CODE_NEEDS.observer!;
  const errors: DirectoryFieldError[] = [];
  const name = v.name.trim();
  if (name === '') errors.push({ field: 'name', message: 'Vul de naam van de organisatie in.' });
  else if (name.length > 200) errors.push({ field: 'name', message: 'De naam is te lang: gebruik hoogstens 200 tekens.' });
  for (const code of ['agb', 'kvk', 'uzovi'] as const) {
    if (needs[code] === 'forbidden') continue;
    const value = v[code].replace(/\s/g, '');
    const { label, digits, example } = CODE_TEXT[code];
    if (value === '') {
      if (needs[code] === 'required')
        errors.push({ field: code, message: `Vul de ${label} in: ${digits} cijfers, bijvoorbeeld ${example}.` });
    } else if (!new RegExp(`^\\d{${digits}}$`).test(value)) {
      errors.push({ field: code, message: `De ${label} bestaat uit precies ${digits} cijfers, bijvoorbeeld ${example}.` });
    }
  }
  if (needs.smallProvider === 'required' && v.smallProvider !== 'true' && v.smallProvider !== 'false') {
    errors.push({ field: 'smallProvider', message: 'Kies of dit een kleine zorgaanbieder is.' });
  }
  if (needs.members === 'required' && v.members.length === 0) {
    errors.push({ field: 'members', message: 'Kies minstens één zorgaanbieder die lid is.' });
  }
  return errors;
}

/** The body of a change (PATCH): codes the kind may have, an emptied optional code removed (null). */
export function organisationChange(kind: string, v: OrganisationValues): Record<string, unknown> {
  const needs = CODE_NEEDS[kind] ?? CODE_NEEDS.observer!;
  const codes: Record<string, string | null> = {};
  for (const code of ['agb', 'kvk', 'uzovi'] as const) {
    if (needs[code] === 'forbidden') continue;
    const value = v[code].replace(/\s/g, '');
    codes[code] = value === '' ? null : value;
  }
  return {
    name: v.name.trim(),
    codes,
    ...(needs.smallProvider !== 'forbidden' ? { smallProvider: v.smallProvider === 'true' } : {}),
    ...(needs.members !== 'forbidden' ? { members: v.members } : {}),
  };
}

const API_FIELD_MESSAGES: Record<string, string> = {
  name: 'Deze naam kan niet. Gebruik een naam van hoogstens 200 tekens.',
  'codes.agb': 'Deze AGB-code kan niet: hij heeft niet 8 cijfers of hoort al bij een andere organisatie.',
  'codes.kvk': 'Dit KvK-nummer kan niet: het heeft niet 8 cijfers of hoort al bij een andere organisatie.',
  'codes.uzovi': 'Deze UZOVI-code kan niet: hij heeft niet 4 cijfers of hoort al bij een andere organisatie.',
  smallProvider: 'Kies of dit een kleine zorgaanbieder is.',
  members: 'De leden kloppen niet: kies zorgaanbieders uit het register.',
  email: 'Vul een e-mailadres in zoals naam@organisatie.nl.',
  role: 'Deze rol past niet bij de organisatie.',
  organisationId: 'Kies een organisatie uit het register.',
};

/** The API's field (`codes.agb`, `members[2]`) and a Dutch message for it. */
export function dutchDirectoryMessage(field: string): { field: string; message: string } {
  const base = field.replace(/\[\d+\]$/, '');
  const formField = base.startsWith('codes.') ? base.slice('codes.'.length) : base;
  return { field: formField, message: API_FIELD_MESSAGES[base] ?? 'Dit veld klopt niet. Controleer het en probeer het opnieuw.' };
}
