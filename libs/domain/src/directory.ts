import type { DirectoryView, OrganisationInfo, UserInfo } from './context';

/** A DirectoryView over plain lists (e.g. fixtures/demo-directory.json); extra fields are ignored. */
export const createDirectoryView = (data: { organisations: OrganisationInfo[]; users: UserInfo[] }): DirectoryView => {
  const orgs = new Map(data.organisations.map((o) => [o.id, o]));
  const users = new Map(data.users.map((u) => [u.id, u]));
  return { organisation: (id) => orgs.get(id), user: (id) => users.get(id) };
};
