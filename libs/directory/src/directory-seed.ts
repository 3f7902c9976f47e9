import * as fs from 'node:fs';
import * as path from 'node:path';
import type { UserInfo } from '../../domain/src';
import type { DirectoryData, DirectoryOrganisation, OrganisationCodes } from './directory-records';
import { organisationProblems, userProblems, type DirectoryLookup } from './directory-rules';

// The files a directory can be seeded from at first start: the demo fixture (or the file named by
// DIRECTORY_SEED_FILE), or the `DATA_DIR/directory.json` of an installation from before the
// directory became events. Both use the fixture's shape; the API's rules apply to them too.

/** The file name of the pre-event directory in DATA_DIR, imported once and then renamed. */
export const LEGACY_DIRECTORY_FILE = 'directory.json';
export const IMPORTED_SUFFIX = '.imported';
const SEED_RELATIVE_PATH = path.join('fixtures', 'demo-directory.json');

/** Thrown when a directory file cannot be read or is not a valid directory. */
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

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Codes either flat (`agb`, `kvk`, `uzovi`, as in the fixture) or in a `codes` object (as the API answers). */
function codesOf(org: Record<string, unknown>): OrganisationCodes {
  const nested = org.codes && typeof org.codes === 'object' ? (org.codes as Record<string, unknown>) : {};
  const codes: OrganisationCodes = {};
  for (const key of ['agb', 'kvk', 'uzovi'] as const) {
    const value = org[key] ?? nested[key];
    if (value !== undefined && value !== '') codes[key] = value as string;
  }
  return codes;
}

/** Validates a parsed directory file with the API's rules; lists every problem. */
export function parseDirectory(raw: unknown, file: string): DirectoryData {
  const fail = (problem: string): never => {
    throw new DirectoryFileError(file, problem);
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('is not a JSON object');
  const { organisations, users } = raw as { organisations?: unknown; users?: unknown };
  if (!Array.isArray(organisations)) fail('has no "organisations" array');
  if (!Array.isArray(users)) fail('has no "users" array');

  const orgs = new Map<string, DirectoryOrganisation>();
  (organisations as unknown[]).forEach((o, i) => {
    const org = (o && typeof o === 'object' ? o : {}) as Record<string, unknown>;
    if (!isNonEmptyString(org.id)) fail(`organisations[${i}] has no id`);
    const id = org.id as string;
    if (orgs.has(id)) fail(`organisation ${id} appears twice`);
    orgs.set(id, {
      id,
      kind: org.kind as DirectoryOrganisation['kind'],
      name: org.name as string,
      codes: codesOf(org),
      ...(org.smallProvider !== undefined ? { smallProvider: org.smallProvider as boolean } : {}),
      ...(org.members !== undefined ? { members: org.members as string[] } : {}),
    });
  });
  const userMap = new Map<string, UserInfo>();
  (users as unknown[]).forEach((u, i) => {
    const user = (u && typeof u === 'object' ? u : {}) as Record<string, unknown>;
    if (!isNonEmptyString(user.id)) fail(`users[${i}] has no id`);
    const id = user.id as string;
    if (userMap.has(id)) fail(`user ${id} appears twice`);
    userMap.set(id, {
      id,
      name: user.name as string,
      role: user.role as UserInfo['role'],
      organisationId: user.organisationId as string,
      ...(user.email !== undefined ? { email: user.email as string } : {}),
    });
  });

  const lookup: DirectoryLookup = {
    organisation: (id) => orgs.get(id),
    organisations: () => [...orgs.values()],
    user: (id) => userMap.get(id),
  };
  const problems = [
    ...[...orgs.values()].flatMap((org) => organisationProblems(org, lookup, false).map((e) => `organisation ${org.id}: ${e.message}`)),
    ...[...userMap.values()].flatMap((user) => userProblems(user, lookup, false).map((e) => `user ${user.id}: ${e.message}`)),
  ];
  if (problems.length > 0) fail(`is not a valid directory:\n  - ${problems.join('\n  - ')}`);
  return { organisations: [...orgs.values()], users: [...userMap.values()] };
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

export interface SeedSource {
  file: string;
  data: DirectoryData;
  /** The legacy DATA_DIR/directory.json: renamed once its contents are events. */
  legacy: boolean;
}

/**
 * What an empty directory is seeded from: a legacy `DATA_DIR/directory.json` when there is one
 * (an installation from before the directory was events), else the seed file; none when the seed
 * file setting is `none`.
 */
export function chooseSeedSource(dataDir: string, seedFile: string | 'none' | undefined): SeedSource | undefined {
  const legacy = path.join(dataDir, LEGACY_DIRECTORY_FILE);
  if (fs.existsSync(legacy)) return { file: legacy, data: readDirectoryFile(legacy), legacy: true };
  if (seedFile === 'none') return undefined;
  const file = seedFile ?? findSeedDirectoryFile();
  if (!file) {
    throw new DirectoryFileError(
      path.join('fixtures', 'demo-directory.json'),
      'missing: the directory is empty and there is nothing to seed it from (set DIRECTORY_SEED_FILE, or none)',
    );
  }
  return { file, data: readDirectoryFile(file), legacy: false };
}

/** After its import the legacy file is renamed, so nobody edits it thinking it still counts. */
export function retireLegacyFile(file: string): void {
  try {
    fs.renameSync(file, `${file}${IMPORTED_SUFFIX}`);
  } catch (error) {
    // Another process that imported the same file concurrently renamed it first.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
