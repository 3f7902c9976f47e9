import type { Deadline, DisputeState } from './state';
import { deadlineEndingAfterDays } from './time/amsterdam-time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `iso` plus whole days, as an ISO 8601 instant (UTC). */
export const addDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** The instant a deadline of `days` days from `now` ends: in production the end of the Dutch day (rule 21). */
export type DeadlineEnd = (nowIso: string, days: number) => string;

/**
 * Rule 21: a deadline ends at 23:59:59 Amsterdam time on its last day, `days` calendar days after
 * today in Amsterdam. The zone arithmetic is a pure function passed in (default: Amsterdam).
 */
export const deadlineDueAt = (nowIso: string, days: number, end: DeadlineEnd = deadlineEndingAfterDays): string => end(nowIso, days);

/** Milliseconds since the epoch, or NaN; compare instants as numbers, never as strings of mixed formats. */
export const instant = (iso: string | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

/**
 * A challenge deadline is a window in which a party MAY object to a nominee, not an obligation:
 * when it passes unused nothing was missed. Every other deadline asks someone to act.
 */
export const isMissable = (deadline: Pick<Deadline, 'kind'>): boolean => deadline.kind !== 'challenge';

/**
 * The deadlines the scheduler must close now: open and due at or before `now`. A missable one is
 * recorded as missed; a challenge period as lapsed (rule 13).
 */
export const dueDeadlines = (state: DisputeState, now: string): Deadline[] =>
  state.deadlines.filter((d) => d.status === 'open' && instant(d.dueAt) <= instant(now));
