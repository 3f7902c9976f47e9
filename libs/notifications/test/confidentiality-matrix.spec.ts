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
import { RecipientIndex } from '../src/audience';
import { decideNotices } from '../src/decide-notices';
import type { Notice } from '../src/notice';
import { renderNotice } from '../src/render';
import { webhookRecipients, isWebhookRecipient } from '../src/webhooks';
import demo from '../../../fixtures/demo-directory.json';
import { EXAMPLE_USERS, histories, SECRETS } from './support/example-histories';

// For every event type and every role: a notice goes only to someone the case page would show it
// to. The oracle below is written from the procedural rules, independently of the decider.

const users = EXAMPLE_USERS;
const index = new RecipientIndex(users);
const actorOf = (u: UserInfo): Actor => ({ userId: u.id, role: u.role, organisationId: u.organisationId });

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
          for (const secret of SECRETS) {
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

  it("tells an organisation's webhook only what the organisation's users may be told, and never the content", () => {
    // Every organisation has an endpoint; the observers' and the disputes body's get no stand-in at all.
    const organisations = demo.organisations as { id: string; kind: string; name: string }[];
    const standIns = webhookRecipients(
      organisations.map((o) => ({ id: `ep-${o.id}`, organisation_id: o.id })),
      (id) => organisations.find((o) => o.id === id),
    );
    expect(standIns.map((s) => s.organisationId)).not.toContain('org-begeleidingscommissie');
    expect(standIns.map((s) => s.organisationId)).not.toContain('org-geschilleninstantie');
    const withHooks = new RecipientIndex([...users, ...standIns]);
    const lines: string[] = [];
    for (const events of histories()) {
      let state = initialState('dsp-1');
      events.forEach((event, i) => {
        const after = evolve(state, event);
        for (const notice of decideNotices(event, { eventId: `e${i}`, before: state, after, index: withHooks })) {
          if (!isWebhookRecipient(notice.userId)) continue;
          const standIn = standIns.find((s) => s.id === notice.userId)!;
          const visibility =
            event.type === 'DocumentSubmitted' ? after.documents.find((d) => d.documentId === event.data.documentId)?.visibility : '';
          const verdict = mayBeTold(notice, standIn, state, after, event) ? 'ok' : 'LEAK';
          lines.push(`${event.type}|${standIn.organisationId}|${verdict}|${visibility}`);
          // The payload's summary is the subject; the message text is what its users read.
          const text = renderNotice(notice, standIn.name, { publicUrl: 'https://x.example' });
          for (const secret of SECRETS)
            if (`${text.subject} ${text.text}`.includes(secret)) lines.push(`${event.type}|CONTENT-LEAK|${secret}`);
        }
        state = after;
      });
    }
    expect(lines.filter((l) => l.includes('LEAK'))).toEqual([]);
    // Both sides' systems are told things, but the insurer's never before its invitation.
    expect(lines.some((l) => l.includes('|org-fysio-delinde|'))).toBe(true);
    expect(lines.some((l) => l.includes('|org-zv-noord|'))).toBe(true);
    expect(lines.filter((l) => /^(DisputeFiled|DisputeRegistered)\|org-zv-noord\|/.test(l))).toEqual([]);
    // A neutral_only document reaches no organisation's system.
    const documents = lines.filter((l) => l.startsWith('DocumentSubmitted|'));
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.filter((l) => !l.endsWith('|parties'))).toEqual([]);
  });
});
