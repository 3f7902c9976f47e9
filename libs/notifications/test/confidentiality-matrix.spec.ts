import demo from '../../../fixtures/demo-directory.json';
import {
  canSeeDocument,
  evolve,
  initialState,
  isCaseVisibleTo,
  sideOf,
  type Actor,
  type DisputeEvent,
  type DisputeEventType,
  type DisputeState,
  type UserInfo,
} from '../../domain/src';
import { addDays, SYSTEM } from '../../domain/test/support/given';
import { story, type Step } from '../../domain/test/support/given';
import { filed, inMediation, inProceedings, mediationEnded, nominated, registered } from '../../domain/test/support/scenarios';
import { RecipientIndex } from '../src/audience';
import { decideNotices } from '../src/decide-notices';
import type { Notice } from '../src/notice';
import { renderNotice } from '../src/render';

// For every event type and every role: a notice goes only to someone the case page would show it
// to. The oracle below is written from the procedural rules, independently of the decider.

const users: UserInfo[] = [
  ...(demo.users as UserInfo[]),
  { id: 'arb-lotte', name: 'Lotte Arbiter', role: 'arbitrator', organisationId: 'org-geschilleninstantie' },
  { id: 'arb-maarten', name: 'Maarten Arbiter', role: 'arbitrator', organisationId: 'org-geschilleninstantie' },
];
const index = new RecipientIndex(users);
const actorOf = (u: UserInfo): Actor => ({ userId: u.id, role: u.role, organisationId: u.organisationId });
const SECRET = 'GEHEIM-mediationnotitie';
const DOC = { mediaType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64) };

const doc = (documentId: string, visibility: 'parties' | 'neutral_only' | 'secretariat'): Step[1] => ({
  type: 'submit-document',
  documentId,
  name: `${documentId}-GEHEIME-NAAM.pdf`,
  visibility,
  ...DOC,
});

/** Histories that together hold every event type. */
function histories(): DisputeEvent[][] {
  const afterMediation = story(
    [
      ['med-femke', { type: 'schedule-session', sessionId: 's1', startsAt: addDays('2025-03-03T09:00:00.000Z', 20) }],
      ['prov-anna', doc('d-neutral', 'neutral_only')],
      ['ins-carla', doc('d-parties', 'parties')],
      ['sec-jan', doc('d-secretariat', 'secretariat')],
      ['med-femke', { type: 'record-session', sessionId: 's1', notes: SECRET }, addDays('2025-03-03T09:00:00.000Z', 21)],
      ['med-femke', { type: 'conclude-mediation', result: 'no_agreement' }, addDays('2025-03-03T09:00:00.000Z', 22)],
      ['prov-anna', { type: 'request-escalation', route: 'binding_advice' }, addDays('2025-03-03T09:00:00.000Z', 23)],
      ['ins-carla', { type: 'accept-escalation' }, addDays('2025-03-03T09:00:00.000Z', 24)],
      [
        'sec-jan',
        { type: 'nominate-neutrals', neutralUserIds: ['adv-hanna', 'adv-isaac', 'adv-julia'], chairUserId: 'adv-hanna' },
        addDays('2025-03-03T09:00:00.000Z', 25),
      ],
      ['sec-jan', { type: 'appoint-neutrals' }, addDays('2025-03-03T09:00:00.000Z', 33)],
      ['prov-anna', { type: 'submit-statement', kind: 'statement_of_claim', text: 'GEHEIME-EIS' }, addDays('2025-03-03T09:00:00.000Z', 34)],
      [
        'adv-hanna',
        { type: 'schedule-hearing', hearingId: 'h1', startsAt: addDays('2025-03-03T09:00:00.000Z', 50) },
        addDays('2025-03-03T09:00:00.000Z', 35),
      ],
      [
        'ins-carla',
        { type: 'submit-statement', kind: 'statement_of_defence', text: 'GEHEIM-VERWEER' },
        addDays('2025-03-03T09:00:00.000Z', 36),
      ],
      ['adv-hanna', { type: 'record-hearing', hearingId: 'h1' }, addDays('2025-03-03T09:00:00.000Z', 50)],
      [
        'sec-jan',
        { type: 'invoice-fee', invoiceId: 'inv-1', organisationId: 'org-zv-noord', kind: 'neutral_fee', amountCents: 50_000 },
        addDays('2025-03-03T09:00:00.000Z', 51),
      ],
      ['sec-jan', { type: 'record-payment', invoiceId: 'inv-1' }, addDays('2025-03-03T09:00:00.000Z', 52)],
      [
        'adv-hanna',
        { type: 'render-decision', outcome: 'claim_granted', claimantCostSharePct: 0, summary: 'GEHEIME-MOTIVERING' },
        addDays('2025-03-03T09:00:00.000Z', 53),
      ],
    ],
    inMediation(),
  );
  const challenged = story(
    [
      ['ins-carla', { type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'GEHEIME-GRONDEN' }],
      ['sec-jan', { type: 'decide-challenge', neutralUserId: 'med-femke', upheld: true }],
      ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['med-gerrit'] }],
      ['prov-anna', { type: 'challenge-neutral', neutralUserId: 'med-gerrit', grounds: 'x' }],
      ['sec-jan', { type: 'decide-challenge', neutralUserId: 'med-gerrit', upheld: false }],
    ],
    nominated(),
  );
  const info = story(
    [
      ['sec-jan', { type: 'request-information', questions: 'Welke tarieven?' }],
      ['prov-anna', { type: 'provide-information', answers: 'Deze' }],
      ['sec-jan', { type: 'request-information', questions: 'En nog?' }],
      ['sec-jan', { type: 'extend-deadline', deadlineId: 'information-2', dueDate: '2025-04-30', reason: 'vakantie' }],
      ['sec-jan', { type: 'declare-inadmissible', reason: 'incomplete', explanation: 'x' }],
    ],
    filed(),
  );
  const declined = story(
    [
      ['ins-carla', { type: 'propose-route', route: 'binding_advice' }],
      ['ins-carla', { type: 'decline-submission', reason: 'nee' }],
    ],
    registered(),
  );
  const missed = story(
    [[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }, addDays('2025-03-03T09:00:00.000Z', 40)]],
    registered(),
  );
  const withdrawn = story(
    [
      ['med-femke', { type: 'schedule-session', sessionId: 's9', startsAt: addDays('2025-03-03T09:00:00.000Z', 60) }],
      ['prov-anna', { type: 'withdraw' }],
    ],
    inMediation(),
  );
  const settled = story([['sec-jan', { type: 'record-settlement' }]], inMediation());
  const noResolution = story(
    [[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'escalation-1' }, addDays('2025-03-03T09:00:00.000Z', 400)]],
    mediationEnded(),
  );
  const escalationDeclined = story(
    [
      ['prov-anna', { type: 'request-escalation', route: 'arbitration' }],
      ['ins-carla', { type: 'decline-escalation' }],
    ],
    mediationEnded(),
  );
  // Two respondents, one declines: the claimant goes on against the other (rule 8).
  const continued = story(
    [
      ['ins-carla', { type: 'accept-submission', route: 'mediation' }],
      ['ins-dirk', { type: 'decline-submission', reason: 'GEHEIME-REDEN' }],
      ['prov-anna', { type: 'continue-with-respondents' }],
    ],
    registered(filed({ respondentOrganisationIds: ['org-zv-noord', 'org-zv-zuid'] })),
  );
  // A member of a collective case leaves it (rule 9).
  const memberLeft = story(
    [['prov-anna', { type: 'withdraw-participation', reason: 'GEHEIME-REDEN' }]],
    registered(filed({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'] }, 'assoc-eva')),
  );
  const hearingWaived = story([['prov-anna', { type: 'waive-hearing' }]], inProceedings());
  // Nobody challenged the nomination in time: the period lapses (rule 13).
  const periodLapsed = story(
    [[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'challenge-1' }, addDays('2025-03-03T09:00:00.000Z', 60)]],
    nominated(),
  );
  // Rule 17: a missed information request stalls the case; an unpaid invoice becomes overdue, also after closing.
  const stalled = story(
    [[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'information-1' }, addDays('2025-03-03T09:00:00.000Z', 60)]],
    story([['sec-jan', { type: 'request-information', questions: 'Welke?' }]], filed()),
  );
  const overdue = story(
    [
      ['sec-jan', { type: 'invoice-fee', invoiceId: 'inv-1', organisationId: 'org-zv-noord', kind: 'administration', amountCents: 25_000 }],
      ['prov-anna', { type: 'withdraw' }],
      [SYSTEM, { type: 'record-deadline-missed', deadlineId: 'fee_payment-inv-1' }, addDays('2025-03-03T09:00:00.000Z', 90)],
    ],
    registered(),
  );
  return [
    afterMediation,
    challenged,
    info,
    declined,
    missed,
    withdrawn,
    settled,
    noResolution,
    escalationDeclined,
    stalled,
    overdue,
    continued,
    memberLeft,
    hearingWaived,
    periodLapsed,
  ];
}

/** The oracle: may this user be told of this event (the case page's rules and rules 1–4)? */
function mayBeTold(notice: Notice, user: UserInfo, before: DisputeState, after: DisputeState, event: DisputeEvent): boolean {
  const actor = actorOf(user);
  // A closure is told to whoever was on the case until it closed.
  const state = notice.kind === 'case_closed' || notice.kind === 'meeting_cancelled' ? before : after;
  if (user.role === 'observer') return false;
  if (!isCaseVisibleTo(state, actor)) return false;
  const side = sideOf(state, actor);
  if (side === 'respondent' && !state.deadlines.some((d) => d.kind === 'respondent_answer')) return false;
  if (['mediator', 'adviser', 'arbitrator'].includes(user.role)) {
    const term = state.neutrals.find((n) => n.userId === user.id && (n.status === 'nominated' || n.status === 'appointed'));
    if (!term) return false;
    if (term.status === 'nominated') return notice.kind === 'nomination_received';
  }
  if (event.type === 'DocumentSubmitted') {
    const document = after.documents.find((d) => d.documentId === event.data.documentId)!;
    if (!canSeeDocument(document, after, actor)) return false;
    if (document.visibility === 'neutral_only' && side !== undefined && document.submittedByUserId !== user.id) return false;
  }
  return true;
}

describe('confidentiality matrix: every event type × every role', () => {
  const seenTypes = new Set<DisputeEventType>();
  const toldRoles = new Map<string, Set<string>>();
  const checked: string[] = [];

  beforeAll(() => {
    for (const events of histories()) {
      let state = initialState('dsp-1');
      events.forEach((event, i) => {
        const after = evolve(state, event);
        seenTypes.add(event.type);
        const notices = decideNotices(event, { eventId: `e${i}`, before: state, after, index });
        for (const notice of notices) {
          const user = index.user(notice.userId)!;
          checked.push(
            `${event.type}|${user.role}|${mayBeTold(notice, user, state, after, event) ? 'ok' : 'LEAK'}|${notice.kind}|${user.id}`,
          );
          const roles = toldRoles.get(event.type) ?? new Set();
          roles.add(user.role);
          toldRoles.set(event.type, roles);
          const text = renderNotice(notice, user.name, { publicUrl: 'https://x.example' });
          for (const secret of [
            SECRET,
            'GEHEIME-REDEN',
            'GEHEIME-NAAM',
            'GEHEIME-EIS',
            'GEHEIM-VERWEER',
            'GEHEIME-GRONDEN',
            'GEHEIME-MOTIVERING',
          ]) {
            if (text.text.includes(secret) || text.html.includes(secret)) checked.push(`${event.type}|${user.role}|CONTENT-LEAK|${secret}`);
          }
        }
        state = after;
      });
      checked.push('---');
    }
  });

  it('covers every event type of the domain', () => {
    // A Record over DisputeEventType: a new event type in events.ts does not compile until it is listed here.
    const every: Record<DisputeEventType, true> = {
      DisputeFiled: true,
      InformationRequested: true,
      InformationProvided: true,
      DisputeDeclaredInadmissible: true,
      DisputeRegistered: true,
      RespondentInvited: true,
      SubmissionAccepted: true,
      SubmissionDeclined: true,
      RouteProposed: true,
      NeutralsNominated: true,
      NeutralChallenged: true,
      ChallengeUpheld: true,
      ChallengeRejected: true,
      ChallengeWaived: true,
      NeutralTermEnded: true,
      ChallengePeriodEnded: true,
      NeutralsAppointed: true,
      SessionScheduled: true,
      SessionHeld: true,
      MediationConcluded: true,
      EscalationRequested: true,
      EscalationAccepted: true,
      EscalationDeclined: true,
      StatementSubmitted: true,
      HearingScheduled: true,
      HearingHeld: true,
      DecisionRendered: true,
      DisputeWithdrawn: true,
      SettledByParties: true,
      DocumentSubmitted: true,
      DeadlineExtended: true,
      FeeInvoiced: true,
      FeePaid: true,
      DeadlineMissed: true,
      DisputeClosedWithoutResolution: true,
      RespondentsContinued: true,
      ParticipationWithdrawn: true,
      HearingWaived: true,
      CaseStalled: true,
      FeeOverdue: true,
    };
    const all = Object.keys(every) as DisputeEventType[];
    expect(all.filter((type) => !seenTypes.has(type))).toEqual([]);
  });

  it('tells no one whom the case page would not show it, and never the content', () => {
    expect(checked.filter((line) => line.includes('LEAK'))).toEqual([]);
    expect(checked.length).toBeGreaterThan(80);
  });

  it('never tells an observer, a respondent before the invitation, or a neutral whose term ended', () => {
    expect(checked.filter((line) => line.includes('|observer|'))).toEqual([]);
    expect(
      checked
        .filter((line) => line.startsWith('DisputeFiled|') || line.startsWith('DisputeRegistered|'))
        .filter((l) => l.includes('ins-carla')),
    ).toEqual([]);
    // med-femke's nomination lapsed on the upheld challenge: nothing after it reaches her.
    const start = checked.findIndex((l) => l.startsWith('ChallengeUpheld|'));
    const afterLapse = checked.slice(start, checked.indexOf('---', start));
    expect(afterLapse.length).toBeGreaterThan(0);
    expect(afterLapse.filter((l) => l.endsWith('|med-femke'))).toEqual([]);
  });

  it('tells of a neutral_only document only the mediator, and of mediation notes no one', () => {
    const documentLines = checked.filter((l) => l.startsWith('DocumentSubmitted|'));
    expect(documentLines.some((l) => l.endsWith('|med-femke'))).toBe(true);
    expect(toldRoles.get('SessionHeld')).toBeUndefined();
  });

  it('tells of the due-process events only those still on the case', () => {
    const lines = (type: string) => checked.filter((l) => l.startsWith(`${type}|`));
    // The released respondent (ins-dirk) and the provider that left (prov-anna) hear nothing of it.
    expect(lines('RespondentsContinued').some((l) => l.endsWith('|prov-anna'))).toBe(true);
    expect(lines('RespondentsContinued').filter((l) => l.endsWith('|ins-dirk'))).toEqual([]);
    expect(lines('ParticipationWithdrawn').some((l) => l.endsWith('|assoc-eva'))).toBe(true);
    expect(lines('ParticipationWithdrawn').filter((l) => l.endsWith('|prov-anna'))).toEqual([]);
    // The other side and the panel hear of a waived hearing; the waiving organisation does not.
    expect(toldRoles.get('HearingWaived')).toEqual(new Set(['insurer', 'adviser', 'secretariat']));
    // A lapsed challenge period: the secretariat may appoint now; nobody else needs to act.
    expect(toldRoles.get('ChallengePeriodEnded')).toEqual(new Set(['secretariat']));
    // A term's end has its own cause (challenge, conclusion, closure) that is told; the neutral hears nothing more.
    expect(toldRoles.get('NeutralTermEnded')).toBeUndefined();
    expect(toldRoles.get('ChallengeWaived')).toBeUndefined();
  });

  it('tells a nominee only of the nomination, and a neutral whose term ended nothing', () => {
    const neutralLines = checked.filter((l) => /\|(mediator|adviser|arbitrator)\|/.test(l));
    for (const line of neutralLines) {
      const [type, , , kind] = line.split('|');
      if (type === 'NeutralsNominated') expect(kind).toBe('nomination_received');
    }
    // med-femke concluded the mediation: her term ended there, and the escalation after it reaches her not.
    const start = checked.findIndex((l) => l.startsWith('MediationConcluded|'));
    const after = checked.slice(start + 1, checked.indexOf('---', start)).filter((l) => !l.startsWith('MediationConcluded|'));
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((l) => l.endsWith('|med-femke'))).toEqual([]);
  });
});
