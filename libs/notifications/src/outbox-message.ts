import { createHash } from 'node:crypto';
import type { UserInfo } from '../../domain/src';
import { calendarInvitation } from './calendar';
import { isEssential, type Notice } from './notice';
import { renderNotice, type RenderOptions } from './render';

/** A user with the address messages go to (absent: the message is kept for the portal only). */
export type Recipient = UserInfo & { email?: string };

/** One row of notification_messages as the decider writes it. */
export interface OutboxRow {
  id: string;
  messageId: string;
  userId: string;
  email: string | null;
  recipientName: string;
  disputeId: string;
  kind: string;
  essential: boolean;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  link: string;
  ics: string | null;
  icsMethod: string | null;
  createdAt: string;
}

/** The outbox id of a notice: a hash of its key, so deciding again (a replay) finds the same row. */
export const outboxIdOf = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 40);

/** The Message-ID every delivery attempt of this message carries: a repeat after a crash is recognisably the same mail. */
export const messageIdOf = (id: string, domain: string): string => `<${id}@${domain}>`;

export interface OutboxRowOptions extends RenderOptions {
  /** The domain part of Message-IDs. */
  messageIdDomain: string;
}

export function outboxRowOf(notice: Notice, recipient: Recipient, options: OutboxRowOptions): OutboxRow {
  const rendered = renderNotice(notice, recipient.name, options);
  const id = outboxIdOf(notice.key);
  const ics = notice.calendar ? invitationFor(notice, rendered.subject, rendered.link) : null;
  return {
    id,
    messageId: messageIdOf(id, options.messageIdDomain),
    userId: recipient.id,
    email: recipient.email ?? null,
    recipientName: recipient.name,
    disputeId: notice.disputeId,
    kind: notice.kind,
    essential: isEssential(notice.kind),
    subject: rendered.subject,
    bodyText: rendered.text,
    bodyHtml: rendered.html,
    link: rendered.link,
    ics,
    icsMethod: notice.calendar?.method ?? null,
    createdAt: notice.at,
  };
}

/**
 * The .ics of a meeting notice is the same for every recipient (no per-person ATTENDEE line), and
 * building one costs milliseconds: the last few are kept.
 */
const invitations = new Map<string, string>();
function invitationFor(notice: Notice, description: string, link: string): string {
  const calendar = notice.calendar!;
  const key = `${calendar.uid}|${calendar.sequence}|${calendar.method}|${calendar.startsAt}|${calendar.location ?? ''}|${calendar.title}|${notice.at}|${link}`;
  let ics = invitations.get(key);
  if (ics === undefined) {
    ics = calendarInvitation(calendar, description, link, notice.at);
    if (invitations.size >= 500) invitations.delete(invitations.keys().next().value as string);
    invitations.set(key, ics);
  }
  return ics;
}
