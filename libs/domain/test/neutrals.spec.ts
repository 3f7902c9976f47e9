import { foldEvents } from '../src';
import { deadlineDueAt } from '../src/deadlines';
import { addDays, DISPUTE_ID, given, nextHour, story, T0 } from './support/given';
import { accepted, inMediation, nominated, registered, waived } from './support/scenarios';

const challenged = () =>
  story([['ins-carla', { type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'former employee' }]], nominated());

describe('nominate-neutrals', () => {
  it('secretariat nominates one mediator for mediation, with a challenge deadline', () => {
    const base = accepted();
    const now = nextHour(base);
    given(base)
      .when({ type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }, 'sec-jan', now)
      .then([
        {
          type: 'NeutralsNominated',
          data: {
            neutralUserIds: ['med-femke'],
            role: 'mediator',
            chairUserId: 'med-femke',
            challengeDeadline: { deadlineId: 'challenge-1', kind: 'challenge', dueAt: deadlineDueAt(now, 7) },
            procedureStage: 1,
            occurredAt: now,
          },
        },
      ]);
    const s = foldEvents(nominated(), DISPUTE_ID);
    expect(s.neutrals).toEqual([
      {
        userId: 'med-femke',
        role: 'mediator',
        status: 'nominated',
        chair: true,
        nominationId: 'challenge-1',
        procedureStage: 1,
        nominatedAt: expect.any(String),
      },
    ]);
    expect(s.status).toBe('awaiting_neutral');
  });
  it('binding advice takes 1 or 3 advisers; the secretariat names the chair', () => {
    const base = accepted('binding_advice');
    expect(
      given(base)
        .when({ type: 'nominate-neutrals', neutralUserIds: ['adv-hanna'] }, 'sec-jan')
        .events(),
    ).toHaveLength(1);
    const s = given(base)
      .when({ type: 'nominate-neutrals', neutralUserIds: ['adv-isaac', 'adv-hanna', 'adv-julia'], chairUserId: 'adv-hanna' }, 'sec-jan')
      .thenState();
    expect(s.neutrals.filter((n) => n.chair).map((n) => n.userId)).toEqual(['adv-hanna']);
    given(base)
      .when({ type: 'nominate-neutrals', neutralUserIds: ['adv-hanna', 'adv-isaac'] }, 'sec-jan')
      .thenRefuses('invalid', 'wrong_panel_size', 'neutralUserIds');
  });
  it('arbitration takes 1 or 3 arbitrators', () => {
    const base = accepted('arbitration');
    expect(
      given(base)
        .when({ type: 'nominate-neutrals', neutralUserIds: ['arb-ivo', 'arb-lotte', 'arb-maarten'], chairUserId: 'arb-ivo' }, 'sec-jan')
        .events(),
    ).toHaveLength(1);
    given(base)
      .when({ type: 'nominate-neutrals', neutralUserIds: ['adv-hanna'] }, 'sec-jan')
      .thenRefuses('invalid', 'wrong_neutral_role', 'neutralUserIds');
  });
  it('mediation takes exactly one mediator', () => {
    given(accepted())
      .when({ type: 'nominate-neutrals', neutralUserIds: ['med-femke', 'med-gerrit'] }, 'sec-jan')
      .thenRefuses('invalid', 'wrong_panel_size', 'neutralUserIds');
    given(accepted())
      .when({ type: 'nominate-neutrals', neutralUserIds: [] }, 'sec-jan')
      .thenRefuses('invalid', 'wrong_panel_size', 'neutralUserIds');
    given(accepted())
      .when({ type: 'nominate-neutrals', neutralUserIds: ['adv-hanna'] }, 'sec-jan')
      .thenRefuses('invalid', /needs a mediator/, 'neutralUserIds');
  });
  it('refuses unknown users and duplicates', () => {
    given(accepted())
      .when({ type: 'nominate-neutrals', neutralUserIds: ['med-nobody'] }, 'sec-jan')
      .thenRefuses('invalid', 'unknown_user', 'neutralUserIds');
    given(accepted('binding_advice'))
      .when({ type: 'nominate-neutrals', neutralUserIds: ['adv-hanna', 'adv-hanna', 'adv-julia'] }, 'sec-jan')
      .thenRefuses('invalid', 'duplicate', 'neutralUserIds');
  });
  it('refuses a second nomination while one stands, other roles, wrong status', () => {
    given(nominated())
      .when({ type: 'nominate-neutrals', neutralUserIds: ['med-gerrit'] }, 'sec-jan')
      .thenRefuses('conflict', 'already_nominated');
    given(accepted())
      .when({ type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }, 'prov-anna')
      .thenRefuses('forbidden', 'wrong_role');
    given(registered())
      .when({ type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }, 'sec-jan')
      .thenRefuses('conflict', 'wrong_status');
  });
});

describe('challenge-neutral', () => {
  it('a party challenges a nominee within the deadline: NeutralChallenged', () => {
    const base = nominated();
    const now = nextHour(base);
    given(base)
      .when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'former employee' }, 'ins-carla', now)
      .then([
        {
          type: 'NeutralChallenged',
          data: { neutralUserId: 'med-femke', grounds: 'former employee', side: 'respondent', occurredAt: now },
        },
      ]);
    expect(foldEvents(challenged(), DISPUTE_ID).challenges).toEqual([
      { neutralUserId: 'med-femke', side: 'respondent', grounds: 'former employee', status: 'pending', challengedAt: expect.any(String) },
    ]);
  });
  it('refuses after the challenge deadline', () => {
    const base = nominated();
    const due = foldEvents(base, DISPUTE_ID).deadlines.find((d) => d.kind === 'challenge')!.dueAt;
    given(base)
      .when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }, 'prov-anna', due)
      .thenRefuses('conflict', 'challenge_period_over');
  });
  it('refuses a neutral who is not nominated, a second pending challenge, empty grounds', () => {
    given(nominated())
      .when({ type: 'challenge-neutral', neutralUserId: 'med-gerrit', grounds: 'g' }, 'prov-anna')
      .thenRefuses('invalid', 'not_nominated', 'neutralUserId');
    given(challenged())
      .when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }, 'prov-anna')
      .thenRefuses('conflict', 'challenge_pending');
    given(nominated())
      .when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: '' }, 'prov-anna')
      .thenRefuses('invalid', 'required', 'grounds');
  });
  it('refuses non-parties, no nomination, wrong status', () => {
    given(nominated())
      .when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }, 'sec-jan')
      .thenRefuses('forbidden', 'wrong_role');
    given(nominated())
      .when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }, 'med-gerrit')
      .thenRefuses('forbidden', 'wrong_role');
    given(accepted())
      .when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }, 'prov-anna')
      .thenRefuses('conflict', 'no_nomination');
    // after appointment only on new facts (rule 12, see neutral-terms.spec.ts)
    given(inMediation())
      .when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }, 'prov-anna')
      .thenRefuses('invalid', 'new_facts_required', 'newFacts');
  });
});

describe('decide-challenge', () => {
  it('upheld: ChallengeUpheld, the whole nomination lapses, a new one can follow', () => {
    const base = challenged();
    const now = nextHour(base);
    given(base)
      .when({ type: 'decide-challenge', neutralUserId: 'med-femke', upheld: true, reasoning: 'conflict of interest' }, 'sec-jan', now)
      .then([
        { type: 'ChallengeUpheld', data: { neutralUserId: 'med-femke', reasoning: 'conflict of interest', occurredAt: now } },
        {
          type: 'NeutralTermEnded',
          data: { neutralUserId: 'med-femke', role: 'mediator', reason: 'challenge_upheld', appointed: false, occurredAt: now },
        },
      ]);
    const upheld = story([['sec-jan', { type: 'decide-challenge', neutralUserId: 'med-femke', upheld: true }]], base);
    const s = foldEvents(upheld, DISPUTE_ID);
    expect(s.neutrals).toEqual([
      expect.objectContaining({ userId: 'med-femke', role: 'mediator', status: 'ended', endReason: 'challenge_upheld', chair: true }),
    ]);
    expect(s.challenges[0].status).toBe('upheld');
    expect(s.deadlines.find((d) => d.kind === 'challenge')?.status).toBe('met');
    // a new nomination, not the challenged neutral
    given(upheld)
      .when({ type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }, 'sec-jan')
      .thenRefuses('invalid', 'challenged_before', 'neutralUserIds');
    const s2 = given(upheld)
      .when({ type: 'nominate-neutrals', neutralUserIds: ['med-gerrit'] }, 'sec-jan')
      .thenState();
    expect(s2.deadlines.filter((d) => d.kind === 'challenge').map((d) => d.deadlineId)).toEqual(['challenge-1', 'challenge-2']);
  });
  it('a whole panel lapses when one member is challenged successfully', () => {
    const base = story(
      [
        ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['adv-hanna', 'adv-isaac', 'adv-julia'], chairUserId: 'adv-hanna' }],
        ['prov-anna', { type: 'challenge-neutral', neutralUserId: 'adv-isaac', grounds: 'g' }],
        ['sec-jan', { type: 'decide-challenge', neutralUserId: 'adv-isaac', upheld: true }],
      ],
      accepted('binding_advice'),
    );
    expect(foldEvents(base, DISPUTE_ID).neutrals.map((n) => [n.userId, n.status, n.endReason])).toEqual([
      ['adv-hanna', 'ended', 'nomination_lapsed'],
      ['adv-isaac', 'ended', 'challenge_upheld'],
      ['adv-julia', 'ended', 'nomination_lapsed'],
    ]);
  });
  it('rejected: ChallengeRejected, nomination stands', () => {
    const s = given(challenged()).when({ type: 'decide-challenge', neutralUserId: 'med-femke', upheld: false }, 'sec-jan').thenState();
    expect(s.challenges[0].status).toBe('rejected');
    expect(s.neutrals[0].status).toBe('nominated');
  });
  it('refuses without a pending challenge, against another neutral, by others', () => {
    given(nominated())
      .when({ type: 'decide-challenge', neutralUserId: 'med-femke', upheld: true }, 'sec-jan')
      .thenRefuses('conflict', 'no_pending_challenge');
    given(challenged())
      .when({ type: 'decide-challenge', neutralUserId: 'med-gerrit', upheld: true }, 'sec-jan')
      .thenRefuses('invalid', 'no_pending_challenge', 'neutralUserId');
    given(challenged())
      .when({ type: 'decide-challenge', neutralUserId: 'med-femke', upheld: true }, 'prov-anna')
      .thenRefuses('forbidden', 'wrong_role');
  });
});

describe('appoint-neutrals', () => {
  it('mediation → in_mediation once every party waived; the unused challenge period lapses', () => {
    const base = waived();
    const now = nextHour(base);
    given(base)
      .when({ type: 'appoint-neutrals' }, 'sec-jan', now)
      .then([
        {
          type: 'NeutralsAppointed',
          data: { neutralUserIds: ['med-femke'], role: 'mediator', chairUserId: 'med-femke', route: 'mediation', occurredAt: now },
        },
      ]);
    const s = given(base).when({ type: 'appoint-neutrals' }, 'sec-jan', now).thenState();
    expect(s).toMatchObject({ status: 'in_mediation', appointedAt: now });
    expect(s.neutrals[0]).toMatchObject({ status: 'appointed', appointedAt: now });
    expect(s.deadlines.find((d) => d.kind === 'challenge')?.status).toBe('lapsed');
  });
  it('binding advice → in_proceedings', () => {
    const base = waived(story([['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['adv-hanna'] }]], accepted('binding_advice')));
    expect(given(base).when({ type: 'appoint-neutrals' }, 'sec-jan').thenState().status).toBe('in_proceedings');
  });
  it('after a rejected challenge the nomination can be appointed once the period is over; the used period was met', () => {
    const base = story([['sec-jan', { type: 'decide-challenge', neutralUserId: 'med-femke', upheld: false }]], challenged());
    const s = given(base).when({ type: 'appoint-neutrals' }, 'sec-jan', addDays(T0, 30)).thenState();
    expect(s.status).toBe('in_mediation');
    expect(s.deadlines.find((d) => d.kind === 'challenge')?.status).toBe('met');
  });
  it('refuses while a challenge is pending, without nomination, by others, wrong status', () => {
    given(challenged()).when({ type: 'appoint-neutrals' }, 'sec-jan').thenRefuses('conflict', 'challenge_pending');
    given(accepted()).when({ type: 'appoint-neutrals' }, 'sec-jan').thenRefuses('conflict', 'no_nomination');
    given(nominated()).when({ type: 'appoint-neutrals' }, 'med-femke').thenRefuses('forbidden', 'wrong_role');
    given(inMediation()).when({ type: 'appoint-neutrals' }, 'sec-jan').thenRefuses('conflict', 'wrong_status');
  });
});
