import { Logger } from '@nestjs/common';
import { ROLES, type Role } from '../../../../libs/domain/src';
import type { DirectoryService } from '../../../../libs/directory/src/directory.service';
import type { Authenticated } from './token-verifier';
import { unauthorized } from './unauthorized';

/** What a verified token says about its user besides the subject; undefined: it says nothing. */
export interface ClaimedIdentity {
  role?: unknown;
  organisationId?: unknown;
}

/** Distinct disagreements remembered so that each is logged once; beyond this the oldest goes. */
const REPORTED_LIMIT = 10_000;

/** The known roles in a claim that is a string or a list of strings (IdPs often send lists). */
function knownRoles(value: unknown): Role[] {
  const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return [...new Set(values.filter((v): v is Role => (ROLES as readonly unknown[]).includes(v)))];
}

/**
 * The directory governs every token, in both auth modes: the subject must be a user of the
 * directory (so a removed user loses access with the next request), and role and organisation are
 * the directory's. A token may repeat them; when it says something else (a stale token after a
 * move, or an IdP that grants more than the directory) it is refused, and the disagreement is
 * logged once so that an operator can fix the IdP or the directory without a flood of lines.
 */
export class DirectoryIdentity {
  private readonly logger = new Logger('Authentication');
  private readonly reported = new Set<string>();

  constructor(private readonly directory: Pick<DirectoryService, 'user'>) {}

  resolve(userId: string, claimed: ClaimedIdentity): Authenticated {
    const user = this.directory.user(userId);
    if (!user) {
      this.reportOnce(`unknown\n${userId}`, `A valid token for "${userId}" was refused: no such user in the directory.`);
      throw unauthorized('The user of this token is no longer in the directory, or never was; ask the secretariat.');
    }
    const disagreements: string[] = [];
    if (claimed.role !== undefined) {
      const roles = knownRoles(claimed.role);
      // A string must be the directory's role; a list (of IdP roles) may hold others, but no other of ours.
      const agrees = typeof claimed.role === 'string' ? claimed.role === user.role : roles.length === 0 || (roles.length === 1 && roles[0] === user.role);
      if (!agrees) disagreements.push(`role ${JSON.stringify(claimed.role)} (directory: ${user.role})`);
    }
    if (claimed.organisationId !== undefined && claimed.organisationId !== user.organisationId) {
      disagreements.push(`organisation ${JSON.stringify(claimed.organisationId)} (directory: ${user.organisationId})`);
    }
    if (disagreements.length > 0) {
      this.reportOnce(
        `disagrees\n${userId}\n${disagreements.join('\n')}`,
        `A valid token for "${userId}" was refused: it claims ${disagreements.join(' and ')}.`,
      );
      throw unauthorized('This token names another role or organisation than the directory does; sign in again.');
    }
    return { actor: { userId: user.id, role: user.role, organisationId: user.organisationId }, user: { ...user } };
  }

  private reportOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    if (this.reported.size >= REPORTED_LIMIT) this.reported.delete(this.reported.values().next().value!);
    this.reported.add(key);
    this.logger.warn(message);
  }
}
