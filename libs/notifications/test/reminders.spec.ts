import { foldEvents, type Deadline } from '../../domain/src';
import { DISPUTE_ID, story } from '../../domain/test/support/given';
import { filed, nominated, registered } from '../../domain/test/support/scenarios';
import { loadConfig } from '../../runtime/src';
import { RecipientIndex } from '../src/audience';
import { decideReminder, isRemindable, reminderOffsetDue } from '../src/reminders';
import { renderNotice } from '../src/render';
import { EXAMPLE_USERS } from './support/example-histories';

// Reminders before a deadline: default 3 days and 1 day before, configurable (REMINDER_DAYS); one
// reminder per offset, and after a pause only the nearest; to whoever must act, not to the other side.

const DAY = 86_400_000;
const index = new RecipientIndex(EXAMPLE_USERS);
const deadlineOf = (events: ReturnType<typeof registered>, kind: Deadline['kind']) => {
  const state = foldEvents(events, DISPUTE_ID);
  return { state, deadline: state.deadlines.find((d) => d.kind === kind && d.status === 'open')! };
};

describe('reminders', () => {
  it('default to 3 days and 1 day before; REMINDER_DAYS sets other days and refuses nonsense', () => {
    expect(loadConfig({}, '/srv/gzc').notifications.reminderDays).toEqual([3, 1]);
    expect(loadConfig({ REMINDER_DAYS: '7, 2' }, '/srv/gzc').notifications.reminderDays).toEqual([7, 2]);
    expect(() => loadConfig({ REMINDER_DAYS: 'morgen' }, '/srv/gzc')).toThrow(/REMINDER_DAYS/);
    expect(() => loadConfig({ REMINDER_DAYS: '0' }, '/srv/gzc')).toThrow(/REMINDER_DAYS/);
  });

  it('are due at each configured offset, and after a pause only the nearest (no burst)', () => {
    const { deadline } = deadlineOf(registered(), 'respondent_answer');
    const due = Date.parse(deadline.dueAt);
    const at = (ms: number) => new Date(due - ms);
    for (const [offsets, moments] of [
      [
        [3, 1],
        [
          [4 * DAY, undefined],
          [3 * DAY - 1, 3],
          [2 * DAY, 3],
          [DAY - 1, 1],
        ],
      ],
      [
        [5, 2],
        [
          [6 * DAY, undefined],
          [5 * DAY, 5],
          [3 * DAY, 5],
          [2 * DAY - 60_000, 2],
          // A pause of the notifier past both offsets: one reminder, the nearest.
          [DAY, 2],
        ],
      ],
    ] as [number[], [number, number | undefined][]][]) {
      expect(moments.map(([before]) => reminderOffsetDue(deadline, at(before), offsets))).toEqual(moments.map(([, offset]) => offset));
    }
    // Once the deadline has passed there is nothing to remind of: the missed-deadline notice follows.
    expect(reminderOffsetDue(deadline, new Date(due + 1), [3, 1])).toBeUndefined();
  });

  it('go to the side that must act, in Dutch, with the days left and the link', () => {
    const answer = deadlineOf(registered(), 'respondent_answer');
    const now = new Date(Date.parse(answer.deadline.dueAt) - 3 * DAY + 3_600_000);
    const toRespondent = decideReminder(answer.state, answer.deadline, 3, now, index);
    expect(toRespondent.map((n) => n.userId)).toEqual(['ins-carla']);
    const message = renderNotice(toRespondent[0], 'Carla Noordhuis', { publicUrl: 'https://geschillen.example.nl' });
    expect(message.subject).toContain('nog 3 dagen');
    expect(message.text).toContain('https://geschillen.example.nl/zaken/dsp-1');

    const information = deadlineOf(story([['sec-jan', { type: 'request-information', questions: 'Welke?' }]], filed()), 'information');
    expect(isRemindable(information.deadline)).toBe(true);
    const dayBefore = new Date(Date.parse(information.deadline.dueAt) - DAY + 3_600_000);
    const toClaimant = decideReminder(information.state, information.deadline, 1, dayBefore, index);
    expect(toClaimant.map((n) => n.userId)).toEqual(['prov-anna']);
    expect(renderNotice(toClaimant[0], 'Anna de Linde', { publicUrl: 'https://geschillen.example.nl' }).subject).toContain('nog 1 dag');
  });

  it('are not sent for a right that need not be used (the challenge period)', () => {
    const { deadline } = deadlineOf(nominated(), 'challenge');
    expect(deadline).toBeDefined();
    expect(isRemindable(deadline)).toBe(false);
  });
});
