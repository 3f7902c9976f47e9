import { createHash } from 'node:crypto';
import type { Actor } from '../../../../libs/domain/src';

// Each viewer sees their own view of a case (or their own statistics), so a validator must never
// be shared between viewers: otherwise a cache, or a client replaying someone else's
// If-None-Match, could be told "not modified" for a view that was never theirs.

/** 16 hex characters naming this viewer (and, when given, this exact answer). */
export function viewerTag(actor: Actor, answer?: unknown): string {
  const hash = createHash('sha256').update(`${actor.userId}\n${actor.role}\n${actor.organisationId}`);
  if (answer !== undefined) hash.update('\n').update(JSON.stringify(answer));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The ETag of a case view: `"<version>-<viewer tag>"`. The version comes first so that the ETag
 * still works as If-Match (which reads the version); the tag covers the viewer and the view itself,
 * which may change without a new version (allowed actions once a deadline passes).
 */
export function caseViewETag(version: number, actor: Actor, view: unknown): string {
  return `"${version}-${viewerTag(actor, view)}"`;
}
