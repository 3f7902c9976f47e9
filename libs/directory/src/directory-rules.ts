import { ORGANISATION_KINDS, ROLES, type OrganisationKind, type Role, type UserInfo } from '../../domain/src';
import { ROLES_BY_ORGANISATION_KIND, type DirectoryOrganisation } from './directory-records';

/** One invalid field of a directory record, as the API's problem answers name it. */
export interface FieldError {
  field: string;
  message: string;
}

// The directory's rules, shared by the API (400 naming each field) and the seed files (startup
// error): formats of the Dutch registration codes, roles that fit the organisation, members of an
// association that are providers, and ids and codes that are not taken twice.

/** Ids become part of stream ids and URLs: letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
const DIRECTORY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const AGB_CODE = /^\d{8}$/;
const KVK_NUMBER = /^\d{8}$/;
const UZOVI_CODE = /^\d{4}$/;
const MAX_NAME = 200;
/** Deliberately loose: one @, something on both sides, a dot in the domain; the mail server decides the rest. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the rules need to know about the rest of the directory. */
export interface DirectoryLookup {
  organisation(id: string): DirectoryOrganisation | undefined;
  organisations(): DirectoryOrganisation[];
  user(id: string): UserInfo | undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string';

function checkId(value: unknown, errors: FieldError[]): void {
  if (!isString(value) || !DIRECTORY_ID.test(value)) {
    errors.push({ field: 'id', message: 'id must be 1 to 100 letters, digits, ".", "_" or "-", starting with a letter or digit' });
  }
}

function checkName(value: unknown, errors: FieldError[]): void {
  if (!isString(value) || value.trim() === '' || value.length > MAX_NAME) {
    errors.push({ field: 'name', message: `name must be a non-empty text of at most ${MAX_NAME} characters` });
  }
}

/** Which codes and flags an organisation of each kind has: required, allowed or not at all. */
const CODE_RULES: Record<OrganisationKind, { agb: Need; kvk: Need; uzovi: Need; smallProvider: Need; members: Need }> = {
  provider: { agb: 'required', kvk: 'required', uzovi: 'forbidden', smallProvider: 'required', members: 'forbidden' },
  insurer: { agb: 'forbidden', kvk: 'optional', uzovi: 'required', smallProvider: 'forbidden', members: 'forbidden' },
  care_office: { agb: 'forbidden', kvk: 'optional', uzovi: 'required', smallProvider: 'forbidden', members: 'forbidden' },
  association: { agb: 'forbidden', kvk: 'optional', uzovi: 'forbidden', smallProvider: 'forbidden', members: 'required' },
  disputes_body: { agb: 'forbidden', kvk: 'optional', uzovi: 'forbidden', smallProvider: 'forbidden', members: 'forbidden' },
  observer: { agb: 'forbidden', kvk: 'optional', uzovi: 'forbidden', smallProvider: 'forbidden', members: 'forbidden' },
};
type Need = 'required' | 'optional' | 'forbidden';

const KIND_LABEL: Record<OrganisationKind, string> = {
  provider: 'a care provider',
  insurer: 'a health insurer',
  care_office: 'a care office',
  association: 'an association',
  disputes_body: 'the disputes body',
  observer: 'an observer',
};

const CODE_FORMATS = {
  agb: { pattern: AGB_CODE, text: 'an AGB code of 8 digits' },
  kvk: { pattern: KVK_NUMBER, text: 'a KvK number of 8 digits' },
  uzovi: { pattern: UZOVI_CODE, text: 'a UZOVI code of 4 digits' },
} as const;

/**
 * Checks a whole organisation record (as it would be after a registration or a change) against
 * the rules and the rest of the directory. `isNew`: its id must not be taken yet.
 */
export function organisationProblems(org: DirectoryOrganisation, directory: DirectoryLookup, isNew: boolean): FieldError[] {
  const errors: FieldError[] = [];
  checkId(org.id, errors);
  if (isNew && isString(org.id) && directory.organisation(org.id)) {
    errors.push({ field: 'id', message: `id ${org.id} is already taken by another organisation` });
  }
  checkName(org.name, errors);
  if (!(ORGANISATION_KINDS as readonly unknown[]).includes(org.kind)) {
    errors.push({ field: 'kind', message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` });
    return errors;
  }
  const rules = CODE_RULES[org.kind];
  const label = KIND_LABEL[org.kind];
  const codes = (org.codes ?? {}) as Record<string, unknown>;
  for (const code of ['agb', 'kvk', 'uzovi'] as const) {
    const value = codes[code];
    const field = `codes.${code}`;
    if (value === undefined) {
      if (rules[code] === 'required') errors.push({ field, message: `${label} needs ${CODE_FORMATS[code].text}` });
      continue;
    }
    if (rules[code] === 'forbidden') {
      errors.push({ field, message: `${label} has no ${code.toUpperCase()} code; remove it` });
      continue;
    }
    if (!isString(value) || !CODE_FORMATS[code].pattern.test(value)) {
      errors.push({ field, message: `${field} must be ${CODE_FORMATS[code].text}` });
      continue;
    }
    // A registration code identifies one organisation.
    const holder = directory.organisations().find((o) => o.id !== org.id && o.codes[code] === value);
    if (holder) errors.push({ field, message: `${code.toUpperCase()} ${value} already belongs to ${holder.name} (${holder.id})` });
  }
  if (org.smallProvider === undefined) {
    if (rules.smallProvider === 'required') {
      errors.push({ field: 'smallProvider', message: 'a care provider must say whether it is a small provider (true or false)' });
    }
  } else if (rules.smallProvider === 'forbidden') {
    errors.push({ field: 'smallProvider', message: `only care providers can be small providers; remove it for ${label}` });
  } else if (typeof org.smallProvider !== 'boolean') {
    errors.push({ field: 'smallProvider', message: 'smallProvider must be true or false' });
  }
  if (org.members === undefined) {
    if (rules.members === 'required') errors.push({ field: 'members', message: 'an association needs its member providers (organisation ids)' });
  } else if (rules.members === 'forbidden') {
    errors.push({ field: 'members', message: `only associations have members; remove it for ${label}` });
  } else {
    errors.push(...memberProblems(org, directory));
  }
  return errors;
}

function memberProblems(org: DirectoryOrganisation, directory: DirectoryLookup): FieldError[] {
  const members: unknown = org.members;
  if (!Array.isArray(members) || members.length === 0 || members.length > 1000) {
    return [{ field: 'members', message: 'members must be a list of 1 to 1000 provider organisation ids' }];
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  members.forEach((member: unknown, i) => {
    const field = `members[${i}]`;
    if (!isString(member)) return errors.push({ field, message: `${field} must be an organisation id` });
    if (seen.has(member)) return errors.push({ field, message: `${member} is listed twice` });
    seen.add(member);
    const found = directory.organisation(member);
    if (!found) return errors.push({ field, message: `${member} is not an organisation of the directory` });
    if (found.kind !== 'provider') {
      return errors.push({ field, message: `${found.name} (${member}) is ${KIND_LABEL[found.kind]}; members of an association must be care providers` });
    }
    return undefined;
  });
  return errors;
}

/** Checks a whole user record against the rules and the directory. */
export function userProblems(user: UserInfo, directory: DirectoryLookup, isNew: boolean): FieldError[] {
  const errors: FieldError[] = [];
  checkId(user.id, errors);
  if (isNew && isString(user.id) && directory.user(user.id)) {
    errors.push({ field: 'id', message: `id ${user.id} is already taken by another user` });
  }
  checkName(user.name, errors);
  if (user.email !== undefined && (!isString(user.email) || !EMAIL.test(user.email) || user.email.length > MAX_NAME)) {
    errors.push({ field: 'email', message: 'email must be an email address such as naam@organisatie.nl' });
  }
  const roleKnown = (ROLES as readonly unknown[]).includes(user.role);
  if (!roleKnown) errors.push({ field: 'role', message: `role must be one of ${ROLES.join(', ')}` });
  const org = isString(user.organisationId) ? directory.organisation(user.organisationId) : undefined;
  if (!org) {
    errors.push({ field: 'organisationId', message: 'organisationId must be an organisation of the directory' });
  } else if (roleKnown && !ROLES_BY_ORGANISATION_KIND[org.kind].includes(user.role as Role)) {
    errors.push({
      field: 'role',
      message: `a user of ${org.name} (${KIND_LABEL[org.kind]}) can have the role ${ROLES_BY_ORGANISATION_KIND[org.kind].join(' or ')}, not ${user.role}`,
    });
  }
  return errors;
}
