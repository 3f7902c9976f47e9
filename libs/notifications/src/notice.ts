// A notice is the decision "this person must hear of this": what happened and the facts needed to
// tell it. Rendering into Dutch text and HTML happens later (render.ts), so the decider stays pure
// and fast, and the wording can change without replaying the log.

export const NOTICE_KINDS = [
  'dispute_filed',
  'information_requested',
  'information_provided',
  'declared_inadmissible',
  'case_registered',
  'respondent_invited',
  'answer_given',
  'neutrals_nominated',
  'nomination_received',
  'neutral_challenged',
  'challenge_decided',
  'neutrals_appointed',
  'session_scheduled',
  'hearing_scheduled',
  'meeting_cancelled',
  'mediation_concluded',
  'escalation_requested',
  'escalation_answered',
  'statement_submitted',
  'document_submitted',
  'decision_rendered',
  'case_closed',
  'fee_invoiced',
  'deadline_extended',
  'deadline_reminder',
  'deadline_missed',
  'case_stalled',
  'fee_overdue',
  'respondents_continued',
  'participation_withdrawn',
  'hearing_waived',
  'challenge_period_ended',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Kinds a user may switch off. Everything with a deadline, a date to attend, a decision or a closure stays on. */
export const NON_ESSENTIAL_KINDS: readonly NoticeKind[] = [
  'dispute_filed',
  'information_provided',
  'neutral_challenged',
  'statement_submitted',
  'document_submitted',
];

export const isEssential = (kind: NoticeKind): boolean => !NON_ESSENTIAL_KINDS.includes(kind);

export type FactValue = string | number | boolean | undefined;

/** An iCalendar invitation or cancellation; the UID stays the same for one session or hearing. */
export interface CalendarFacts {
  uid: string;
  /** 0 for the invitation; higher for each later update or the cancellation. */
  sequence: number;
  /** REQUEST and CANCEL by e-mail; PUBLISH for the portal's download ("Zet in mijn agenda"). */
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  startsAt: string;
  /** Minutes. */
  durationMinutes: number;
  title: string;
  location?: string;
}

export interface Notice {
  /** Unique per recipient and reason: the outbox keeps one message per key, whatever replays. */
  key: string;
  kind: NoticeKind;
  userId: string;
  disputeId: string;
  /** The instant it is about (the event's time, or the reminder's). */
  at: string;
  facts: Record<string, FactValue>;
  calendar?: CalendarFacts;
}
