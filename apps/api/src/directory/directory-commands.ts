import { Injectable } from '@nestjs/common';
import type { Actor, UserInfo } from '../../../../libs/domain/src';
import { WrongExpectedVersionError } from '../../../../libs/event-store/src/port';
import { ProblemException, problemType, RequestValidationException, type FieldError } from '../http/problem';
import { organisationRecord, userRecord, type DirectoryOrganisation, type OrganisationCodes } from '../../../../libs/directory/src/directory-records';
import { organisationProblems, userProblems } from '../../../../libs/directory/src/directory-rules';
import { DirectoryService, type Versioned } from '../../../../libs/directory/src/directory.service';

export interface OrganisationChanges {
  name?: string;
  /** Replaces the codes; a code set to null is removed. */
  codes?: { agb?: string | null; kvk?: string | null; uzovi?: string | null };
  smallProvider?: boolean;
  members?: string[];
  kind?: string;
}

export interface UserChanges {
  name?: string;
  role?: string;
  organisationId?: string;
  email?: string;
}

export interface WriteOptions {
  actor: Actor;
  requestId: string;
  /** From If-Match: the version the caller last saw. */
  expectedVersion?: number;
}

/** The secretariat's changes to the directory: the rules first, then one event with the expected version. */
@Injectable()
export class DirectoryCommands {
  constructor(private readonly directory: DirectoryService) {}

  async registerOrganisation(org: DirectoryOrganisation, options: WriteOptions): Promise<Versioned<DirectoryOrganisation>> {
    const record = organisationRecord(org);
    rejectProblems(organisationProblems(record, this.directory, true));
    const version = await this.recordNew(
      () => this.directory.record({ type: 'OrganisationRegistered', data: { organisation: record, occurredAt: this.directory.now() } }, 'no_stream', context(options)),
      `an organisation with id ${record.id}`,
    );
    return { record, version };
  }

  async changeOrganisation(id: string, changes: OrganisationChanges, options: WriteOptions): Promise<Versioned<DirectoryOrganisation>> {
    const current = this.directory.versionedOrganisation(id);
    if (!current) throw notFound(`No organisation ${id} in the directory.`);
    checkVersion(options.expectedVersion, current.version, 'organisation');
    if (changes.kind !== undefined && changes.kind !== current.record.kind) {
      throw new RequestValidationException([
        { field: 'kind', message: 'the kind of an organisation cannot change (its users and cases depend on it); register a new organisation instead' },
      ]);
    }
    const next: DirectoryOrganisation = {
      ...current.record,
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.codes !== undefined ? { codes: mergeCodes(current.record.codes, changes.codes) } : {}),
      ...(changes.smallProvider !== undefined ? { smallProvider: changes.smallProvider } : {}),
      ...(changes.members !== undefined ? { members: changes.members } : {}),
    };
    const record = organisationRecord(next);
    rejectProblems(organisationProblems(record, this.directory, false));
    const changed = changedFields(current.record, record, ['name', 'codes', 'smallProvider', 'members']);
    if (changed.length === 0) return current;
    const version = await this.recordChange(
      () =>
        this.directory.record(
          { type: 'OrganisationChanged', data: { organisation: record, changed, occurredAt: this.directory.now() } },
          current.version,
          context(options),
        ),
      'organisation',
    );
    return { record, version };
  }

  async registerUser(user: UserInfo, options: WriteOptions): Promise<Versioned<UserInfo>> {
    const record = userRecord(user);
    const problems = userProblems(record, this.directory, true);
    if (this.directory.removedUserVersion(record.id) !== undefined) {
      problems.unshift({ field: 'id', message: `id ${record.id} belonged to a user who was removed; ids are not given out again` });
    }
    rejectProblems(problems);
    const version = await this.recordNew(
      () => this.directory.record({ type: 'UserRegistered', data: { user: record, occurredAt: this.directory.now() } }, 'no_stream', context(options)),
      `a user with id ${record.id}`,
    );
    return { record, version };
  }

  async changeUser(id: string, changes: UserChanges, options: WriteOptions): Promise<Versioned<UserInfo>> {
    const current = this.directory.versionedUser(id);
    if (!current) throw notFound(`No user ${id} in the directory.`);
    checkVersion(options.expectedVersion, current.version, 'user');
    const record = userRecord({ ...current.record, ...(changes as Partial<UserInfo>) });
    rejectProblems(userProblems(record, this.directory, false));
    const changed = changedFields(current.record, record, ['name', 'role', 'organisationId', 'email']);
    if (changed.length === 0) return current;
    const version = await this.recordChange(
      () => this.directory.record({ type: 'UserChanged', data: { user: record, changed, occurredAt: this.directory.now() } }, current.version, context(options)),
      'user',
    );
    return { record, version };
  }

  /** Ends a user's access at once (tokens are checked against the directory on every request). */
  async removeUser(id: string, options: WriteOptions): Promise<void> {
    const current = this.directory.versionedUser(id);
    if (!current) throw notFound(`No user ${id} in the directory.`);
    checkVersion(options.expectedVersion, current.version, 'user');
    if (options.actor.userId === id) {
      throw new RequestValidationException([{ field: 'id', message: 'you cannot remove yourself; ask another member of the secretariat' }]);
    }
    await this.recordChange(
      () => this.directory.record({ type: 'UserRemoved', data: { userId: id, occurredAt: this.directory.now() } }, current.version, context(options)),
      'user',
    );
  }

  private async recordNew(append: () => Promise<number>, what: string): Promise<number> {
    try {
      return await append();
    } catch (error) {
      // Registered meanwhile through another process: the id is taken after all.
      if (error instanceof WrongExpectedVersionError) {
        throw new RequestValidationException([{ field: 'id', message: `${what} already exists` }]);
      }
      throw error;
    }
  }

  private async recordChange(append: () => Promise<number>, what: string): Promise<number> {
    try {
      return await append();
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw versionConflict(`The ${what} was changed meanwhile (by another process); reload it and try again.`);
      }
      throw error;
    }
  }
}

const context = (options: WriteOptions) => ({ actor: options.actor, correlationId: options.requestId });

function rejectProblems(errors: FieldError[]): void {
  if (errors.length > 0) throw new RequestValidationException(errors);
}

function checkVersion(expected: number | undefined, actual: number, what: string): void {
  if (expected !== undefined && expected !== actual) {
    throw versionConflict(`The ${what} is at version ${actual}, not ${expected}: someone changed it after you loaded it. Reload it and decide again.`, actual);
  }
}

function versionConflict(detail: string, currentVersion?: number): ProblemException {
  return new ProblemException({
    status: 409,
    type: problemType('version_conflict'),
    title: 'Version conflict',
    detail,
    code: 'version_conflict',
    ...(currentVersion !== undefined ? { extensions: { currentVersion } } : {}),
  });
}

function notFound(detail: string): ProblemException {
  return new ProblemException({ status: 404, type: problemType('not_found'), detail, code: 'not_found' });
}

function mergeCodes(current: OrganisationCodes, changes: NonNullable<OrganisationChanges['codes']>): OrganisationCodes {
  const codes: OrganisationCodes = { ...current };
  for (const key of ['agb', 'kvk', 'uzovi'] as const) {
    const value = changes[key];
    if (value === null) delete codes[key];
    else if (value !== undefined) codes[key] = value;
  }
  return codes;
}

function changedFields<T extends object>(before: T, after: T, fields: (keyof T & string)[]): string[] {
  return fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}
