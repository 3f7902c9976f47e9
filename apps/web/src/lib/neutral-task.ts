import type { CaseView } from '../api/types';
import { describeDaysLeft, daysLeft, formatDateTime, formatDeadline } from './format';

/**
 * What a case needs from a mediator, adviser or arbitrator now, and by when: the neutral's "Mijn
 * zaken" and the top of their case page. Pure: the reader and `now` are passed in.
 */
export interface NeutralTask {
  /** One short sentence: what to do (or what they wait for). */
  what: string;
  /** The moment it is due or takes place, if any. */
  dueAt: string | null;
  /** The same in Dutch, Amsterdam time, with days left ("uiterlijk 3 maart 2027 om 23:59 (nog 12 dagen)"). */
  when: string | null;
  /**
   * Urgency, lowest first: 0 overdue, 1 yours with a date, 2 yours without one, 3 waiting for
   * others, 4 nothing more to do.
   */
  rank: 0 | 1 | 2 | 3 | 4;
}

/** The neutral roles that run cases. */
export const NEUTRAL_ROLES = ['mediator', 'adviser', 'arbitrator'];
export const isNeutralRole = (role: string | undefined): boolean => NEUTRAL_ROLES.includes(role ?? '');

const meetingWhen = (startsAt: string, now: string) =>
  `${formatDateTime(startsAt)} (${describeDaysLeft(daysLeft(startsAt, now)).replace('vandaag is de laatste dag', 'vandaag')})`;
const deadlineWhen = (dueAt: string, now: string) => `uiterlijk ${formatDeadline(dueAt)} (${describeDaysLeft(daysLeft(dueAt, now))})`;

const task = (what: string, rank: NeutralTask['rank'], dueAt: string | null = null, when: string | null = null): NeutralTask => ({
  what,
  rank,
  dueAt,
  when,
});

/** The earliest meeting not yet recorded as held. */
const nextMeeting = <M extends { startsAt: string; held: boolean }>(meetings: M[]): M | undefined =>
  meetings.filter((m) => !m.held).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];

export function neutralTask(c: CaseView, userId: string, now: string): NeutralTask {
  if (c.access === 'conflict_check') {
    return task(
      'U bent voorgedragen. Controleer of u onafhankelijk bent van de partijen. Is dat niet zo, meld het dan aan het secretariaat.',
      2,
    );
  }
  if (c.access === 'term_record') return task('Uw rol in deze zaak is voorbij. U kunt de zaak tot het einde van uw rol nog lezen.', 4);
  const me = c.neutrals.find((n) => n.userId === userId);
  if (!me || me.status !== 'appointed' || c.closedAt) return task('Deze zaak is afgerond. U hoeft niets meer te doen.', 4);
  const pendingChallenge = c.challenges.find((ch) => ch.status === 'pending');
  if (pendingChallenge) {
    return task('Er is bezwaar gemaakt tegen een neutrale (wraking). De procedure ligt stil tot het secretariaat beslist.', 3);
  }

  if (c.status === 'in_mediation') {
    const next = nextMeeting(c.sessions);
    if (next && Date.parse(next.startsAt) <= Date.parse(now)) {
      return task('Leg het gesprek vast dat is geweest.', 0, next.startsAt, meetingWhen(next.startsAt, now));
    }
    if (next) return task('Houd het geplande gesprek met de partijen.', 1, next.startsAt, meetingWhen(next.startsAt, now));
    if (c.sessions.length === 0) return task('Plan het eerste gesprek met de partijen.', 2);
    return task('Plan een volgend gesprek, of rond de mediation af.', 2);
  }

  if (c.status === 'in_proceedings') {
    const next = nextMeeting(c.hearings);
    if (next && Date.parse(next.startsAt) <= Date.parse(now)) {
      return task('Leg de zitting vast die is geweest.', 0, next.startsAt, meetingWhen(next.startsAt, now));
    }
    if (c.allowedActions.includes('render-decision')) return task('Alles is klaar voor de beslissing. Neem de beslissing.', 2);
    const defence = c.deadlines.find((d) => d.kind === 'statement_of_defence' && d.status === 'open');
    if (next) return task('Houd de geplande zitting.', 1, next.startsAt, meetingWhen(next.startsAt, now));
    const hearingHeld = c.hearings.some((h) => h.held);
    if (!hearingHeld && c.allowedActions.includes('schedule-hearing')) {
      return defence
        ? task('Plan de zitting. De wederpartij dient eerst een verweerschrift in.', 1, defence.dueAt, deadlineWhen(defence.dueAt, now))
        : task('Plan de zitting.', 2);
    }
    if (defence) return task('Wacht op het verweerschrift van de wederpartij.', 3, defence.dueAt, deadlineWhen(defence.dueAt, now));
    if (!c.statements.some((s) => s.kind === 'statement_of_claim')) return task('Wacht op de eis van de indiener.', 3);
    if (!me.chair) return task('De voorzitter van het college neemt de beslissing.', 3);
    return task('Wacht op de stukken van de partijen.', 3);
  }

  if (c.status === 'awaiting_neutral') return task('U wordt benoemd zodra de bezwaartermijn voorbij is.', 3);
  return task('De partijen zijn aan zet. U hoeft nu niets te doen.', 3);
}

/** Most urgent first: by rank, then the earliest date, then the case number. */
export function byUrgency<T extends { task: NeutralTask; caseNumber: string | null }>(a: T, b: T): number {
  if (a.task.rank !== b.task.rank) return a.task.rank - b.task.rank;
  const da = a.task.dueAt ? Date.parse(a.task.dueAt) : Number.POSITIVE_INFINITY;
  const db = b.task.dueAt ? Date.parse(b.task.dueAt) : Number.POSITIVE_INFINITY;
  if (da !== db) return da - db;
  return (a.caseNumber ?? '').localeCompare(b.caseNumber ?? '');
}
