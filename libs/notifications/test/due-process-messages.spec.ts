import demo from '../../../fixtures/demo-directory.json';
import { evolve, initialState, type DisputeEvent, type UserInfo } from '../../domain/src';
import { addDays, story, SYSTEM } from '../../domain/test/support/given';
import { filed, inProceedings, nominated, registered } from '../../domain/test/support/scenarios';
import { RecipientIndex } from '../src/audience';
import { decideNotices } from '../src/decide-notices';
import { renderNotice, type RenderedMessage } from '../src/render';

// The messages for the due-process events, decided from real histories and rendered: Dutch, with
// the facts a reader needs and a link to the case.

const users = demo.users as UserInfo[];
const index = new RecipientIndex(users);

/** The rendered messages of the last event of the history, by recipient id. */
function lastMessages(events: DisputeEvent[]): Map<string, RenderedMessage> {
  let state = initialState('dsp-1');
  const out = new Map<string, RenderedMessage>();
  events.forEach((event, i) => {
    const after = evolve(state, event);
    if (i === events.length - 1) {
      for (const n of decideNotices(event, { eventId: `e${i}`, before: state, after, index })) {
        out.set(n.userId, renderNotice(n, index.user(n.userId)!.name, { publicUrl: 'https://geschillen.example.nl/' }));
      }
    }
    state = after;
  });
  return out;
}

describe('messages for the due-process events', () => {
  it('RespondentsContinued: the claimant and the remaining respondent hear the case goes on, the released one nothing', () => {
    const events = story(
      [
        ['ins-carla', { type: 'accept-submission', route: 'mediation' }],
        ['ins-dirk', { type: 'decline-submission', reason: 'nee' }],
        ['prov-anna', { type: 'continue-with-respondents' }],
      ],
      registered(filed({ respondentOrganisationIds: ['org-zv-noord', 'org-zv-zuid'] })),
    );
    const messages = lastMessages(events);
    expect(messages.has('ins-dirk')).toBe(false);
    const carla = messages.get('ins-carla')!;
    expect(carla.subject).toBe('Zaak GZC-2025-0001 gaat verder');
    expect(carla.text).toContain('De zaak gaat verder zonder hen.');
    expect(carla.text).toContain('https://geschillen.example.nl/zaken/dsp-1');
    expect(carla.html).toContain('href="https://geschillen.example.nl/zaken/dsp-1"');
  });

  it('HearingWaived: the other side is told what it means, the waiving side is not', () => {
    const messages = lastMessages(story([['prov-anna', { type: 'waive-hearing' }]], inProceedings()));
    expect(messages.has('prov-anna')).toBe(false);
    expect(messages.get('ins-carla')!.text).toContain('De indiener wil geen zitting.');
    expect(messages.get('ins-carla')!.text).toContain('kan er zonder zitting worden beslist');
  });

  it('ChallengePeriodEnded unused: only the secretariat, told it may appoint', () => {
    const events = story(
      [[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'challenge-1' }, addDays('2025-03-03T09:00:00.000Z', 60)]],
      nominated(),
    );
    const messages = lastMessages(events);
    expect([...messages.keys()].every((id) => index.user(id)!.role === 'secretariat')).toBe(true);
    expect(messages.size).toBeGreaterThan(0);
    expect([...messages.values()][0].text).toContain('U kunt de neutrale persoon nu benoemen.');
  });
});
