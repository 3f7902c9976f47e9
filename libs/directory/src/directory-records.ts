import type { OrganisationInfo, OrganisationKind, Role, UserInfo } from '../../domain/src';

/** Registration codes of an organisation: AGB and KvK for providers, UZOVI for insurers and care offices. */
export interface OrganisationCodes {
  agb?: string;
  kvk?: string;
  uzovi?: string;
}

export interface DirectoryOrganisation extends OrganisationInfo {
  codes: OrganisationCodes;
}

export interface DirectoryData {
  organisations: DirectoryOrganisation[];
  users: UserInfo[];
}

/** The roles a user of an organisation of each kind may have. */
export const ROLES_BY_ORGANISATION_KIND: Record<OrganisationKind, readonly Role[]> = {
  provider: ['provider'],
  insurer: ['insurer'],
  care_office: ['insurer'],
  association: ['association'],
  disputes_body: ['mediator', 'adviser', 'arbitrator', 'secretariat'],
  observer: ['observer'],
};

export const roleFitsOrganisation = (role: Role, kind: OrganisationKind): boolean =>
  ROLES_BY_ORGANISATION_KIND[kind].includes(role);

// Where the directory's events live. Never under `dispute-`: the dispute projections read only
// `dispute-*` streams, so directory events can never reach a case's read models.
export const DIRECTORY_STREAM_PREFIX = 'directory-';
export const ORGANISATION_STREAM_PREFIX = 'directory-org-';
export const USER_STREAM_PREFIX = 'directory-user-';
export const organisationStreamId = (id: string): string => `${ORGANISATION_STREAM_PREFIX}${id}`;
export const userStreamId = (id: string): string => `${USER_STREAM_PREFIX}${id}`;

/** The directory's events. Each carries the whole record as it is after the change. */
export type DirectoryEvent =
  | { type: 'OrganisationRegistered'; data: { organisation: DirectoryOrganisation; occurredAt: string } }
  | { type: 'OrganisationChanged'; data: { organisation: DirectoryOrganisation; changed: string[]; occurredAt: string } }
  | { type: 'UserRegistered'; data: { user: UserInfo; occurredAt: string } }
  | { type: 'UserChanged'; data: { user: UserInfo; changed: string[]; occurredAt: string } }
  /** The user no longer has access; the id is not given out again (it stays in the cases' timelines). */
  | { type: 'UserRemoved'; data: { userId: string; occurredAt: string } };

/** A defensive copy in a fixed shape (no stray fields from an event or a request). */
export function organisationRecord(org: DirectoryOrganisation): DirectoryOrganisation {
  const codes: OrganisationCodes = {};
  if (org.codes?.agb !== undefined) codes.agb = org.codes.agb;
  if (org.codes?.kvk !== undefined) codes.kvk = org.codes.kvk;
  if (org.codes?.uzovi !== undefined) codes.uzovi = org.codes.uzovi;
  return {
    id: org.id,
    kind: org.kind,
    name: org.name,
    codes,
    ...(org.smallProvider !== undefined ? { smallProvider: org.smallProvider } : {}),
    ...(org.members !== undefined ? { members: [...org.members] } : {}),
  };
}

export function userRecord(user: UserInfo): UserInfo {
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    ...(user.email !== undefined ? { email: user.email } : {}),
  };
}
