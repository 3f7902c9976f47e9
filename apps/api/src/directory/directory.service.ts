import { Inject, Injectable, Logger } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ORGANISATION_KINDS,
  ROLES,
  type DirectoryView,
  type OrganisationInfo,
  type OrganisationKind,
  type Role,
  type UserInfo,
} from '../../../../libs/domain/src';
import { APP_CONFIG } from '../common/tokens';
import type { AppConfig } from '../config/app-config';

export const DIRECTORY_FILE_NAME = 'directory.json';
const SEED_RELATIVE_PATH = path.join('fixtures', 'demo-directory.json');

/** Registration codes of an organisation: AGB and KvK for providers, UZOVI for insurers. */
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

/** Thrown when the directory file cannot be read or is not a valid directory. */
export class DirectoryFileError extends Error {
  constructor(file: string, problem: string) {
    super(`Directory ${file}: ${problem}`);
    this.name = 'DirectoryFileError';
  }
}

/** Finds `fixtures/demo-directory.json` from this file upward: works from the sources (jest) and from dist/. */
export function findSeedDirectoryFile(start: string = __dirname): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, SEED_RELATIVE_PATH);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Copies the demo directory to `<dataDir>/directory.json` unless one is there already (an operator's
 * edits are kept). Returns the path of the directory file.
 */
export function seedDirectoryFile(dataDir: string, seedFile: string | undefined = findSeedDirectoryFile()): string {
  const target = path.join(dataDir, DIRECTORY_FILE_NAME);
  if (fs.existsSync(target)) return target;
  if (!seedFile) {
    throw new DirectoryFileError(target, `missing, and no fixtures/${path.basename(SEED_RELATIVE_PATH)} was found to seed it from`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.copyFileSync(seedFile, target, fs.constants.COPYFILE_EXCL);
  } catch (error) {
    // Another process seeded it between our check and our copy: theirs is as good as ours.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return target;
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const optionalCode = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Validates the parsed file; lists what is wrong with it. */
export function parseDirectory(raw: unknown, file: string): DirectoryData {
  const fail = (problem: string): never => {
    throw new DirectoryFileError(file, problem);
  };
  if (!raw || typeof raw !== 'object') fail('is not a JSON object');
  const { organisations, users } = raw as { organisations?: unknown; users?: unknown };
  if (!Array.isArray(organisations)) fail('has no "organisations" array');
  if (!Array.isArray(users)) fail('has no "users" array');

  const orgs: DirectoryOrganisation[] = [];
  const orgIds = new Set<string>();
  (organisations as unknown[]).forEach((o, i) => {
    const org = (o ?? {}) as Record<string, unknown>;
    if (!isNonEmptyString(org.id)) fail(`organisations[${i}] has no id`);
    const id = org.id as string;
    if (orgIds.has(id)) fail(`organisation ${id} appears twice`);
    if (!(ORGANISATION_KINDS as readonly unknown[]).includes(org.kind)) {
      fail(`organisation ${id} has kind ${JSON.stringify(org.kind)}; expected one of ${ORGANISATION_KINDS.join(', ')}`);
    }
    if (!isNonEmptyString(org.name)) fail(`organisation ${id} has no name`);
    if (org.members !== undefined && !(Array.isArray(org.members) && org.members.every(isNonEmptyString))) {
      fail(`organisation ${id} has members that are not a list of organisation ids`);
    }
    orgIds.add(id);
    const codes: OrganisationCodes = {};
    for (const key of ['agb', 'kvk', 'uzovi'] as const) {
      const code = optionalCode(org[key]);
      if (code !== undefined) codes[key] = code;
    }
    orgs.push({
      id,
      kind: org.kind as OrganisationKind,
      name: org.name as string,
      codes,
      ...(typeof org.smallProvider === 'boolean' ? { smallProvider: org.smallProvider } : {}),
      ...(Array.isArray(org.members) ? { members: [...(org.members as string[])] } : {}),
    });
  });
  for (const org of orgs) {
    for (const member of org.members ?? []) {
      if (!orgIds.has(member)) fail(`organisation ${org.id} lists unknown member ${member}`);
    }
  }

  const userList: UserInfo[] = [];
  const userIds = new Set<string>();
  (users as unknown[]).forEach((u, i) => {
    const user = (u ?? {}) as Record<string, unknown>;
    if (!isNonEmptyString(user.id)) fail(`users[${i}] has no id`);
    const id = user.id as string;
    if (userIds.has(id)) fail(`user ${id} appears twice`);
    if (!isNonEmptyString(user.name)) fail(`user ${id} has no name`);
    if (!(ROLES as readonly unknown[]).includes(user.role)) {
      fail(`user ${id} has role ${JSON.stringify(user.role)}; expected one of ${ROLES.join(', ')}`);
    }
    if (!isNonEmptyString(user.organisationId) || !orgIds.has(user.organisationId)) {
      fail(`user ${id} belongs to unknown organisation ${JSON.stringify(user.organisationId)}`);
    }
    userIds.add(id);
    userList.push({ id, name: user.name as string, role: user.role as Role, organisationId: user.organisationId as string });
  });
  return { organisations: orgs, users: userList };
}

/** Reads and validates a directory file. */
export function readDirectoryFile(file: string): DirectoryData {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new DirectoryFileError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DirectoryFileError(file, `is not valid JSON (${(error as Error).message})`);
  }
  return parseDirectory(raw, file);
}

/**
 * The organisations and users of the disputes body's world. For now a JSON file in DATA_DIR,
 * seeded from the demo fixture at first start; it becomes event-sourced in a later issue.
 */
@Injectable()
export class DirectoryService implements DirectoryView {
  private readonly logger = new Logger(DirectoryService.name);
  private readonly orgsById = new Map<string, DirectoryOrganisation>();
  private readonly usersById = new Map<string, UserInfo>();
  readonly file: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.file = seedDirectoryFile(config.dataDir);
    this.replace(readDirectoryFile(this.file));
    this.logger.log(`Directory loaded from ${this.file}: ${this.orgsById.size} organisations, ${this.usersById.size} users`);
  }

  /** Re-reads the file (after an operator edited it). */
  reload(): void {
    this.replace(readDirectoryFile(this.file));
  }

  organisation(id: string): DirectoryOrganisation | undefined {
    return this.orgsById.get(id);
  }

  user(id: string): UserInfo | undefined {
    return this.usersById.get(id);
  }

  organisations(): DirectoryOrganisation[] {
    return [...this.orgsById.values()];
  }

  users(): UserInfo[] {
    return [...this.usersById.values()];
  }

  private replace(data: DirectoryData): void {
    this.orgsById.clear();
    this.usersById.clear();
    for (const org of data.organisations) this.orgsById.set(org.id, org);
    for (const user of data.users) this.usersById.set(user.id, user);
  }
}
