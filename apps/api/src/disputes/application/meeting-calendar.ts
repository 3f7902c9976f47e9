import { NotFoundException } from '@nestjs/common';
import { calendarInvitation, caseLink, meetingCalendarFacts, type Meeting } from '../../../../../libs/notifications/src';
import type { CaseView, ConflictCheckView } from './views';

export type MeetingKind = Meeting['kind'];

/** While a meeting of this kind can still take place; after it, one not held was cancelled. */
const LIVE_STATUS: Record<MeetingKind, string> = { session: 'in_mediation', hearing: 'in_proceedings' };

/**
 * One session or hearing of the case as the caller sees it, as an iCalendar file. Built by the
 * notifications' own builder with the same UID as the e-mailed invitation, so importing both
 * leaves one entry. A meeting that can no longer take place comes as its cancellation.
 */
export function meetingIcs(
  view: CaseView | ConflictCheckView,
  kind: MeetingKind,
  meetingId: string,
  publicUrl: string,
  now: Date,
): { fileName: string; content: string } {
  // A nominee's conflict check shows no sessions or hearings (rule 2), so it offers none either.
  const found =
    view.access === 'conflict_check'
      ? undefined
      : kind === 'session'
        ? view.sessions.find((s) => s.sessionId === meetingId)
        : view.hearings.find((h) => h.hearingId === meetingId);
  if (!found || view.access === 'conflict_check') throw new NotFoundException(`No ${kind} with this id on this case that you can see.`);
  const cancelled = !found.held && view.status !== LIVE_STATUS[kind];
  const facts = meetingCalendarFacts(
    { kind, id: meetingId, startsAt: found.startsAt, location: found.location },
    view.caseNumber ?? undefined,
    cancelled ? 'CANCEL' : 'PUBLISH',
  );
  const what = kind === 'session' ? 'Mediationgesprek' : 'Zitting';
  const description = `${what} in zaak ${view.caseNumber ?? ''}${cancelled ? ': gaat niet door' : ''}.`;
  const content = calendarInvitation(facts, description, caseLink(publicUrl, view.id), now.toISOString());
  const day = found.startsAt.slice(0, 10);
  return { fileName: `${what.toLowerCase()}-${view.caseNumber ?? view.id}-${day}.ics`, content };
}
