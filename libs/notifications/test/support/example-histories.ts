import demo from '../../../../fixtures/demo-directory.json';
import type { DisputeEvent, UserInfo } from '../../../domain/src';
import { addDays, story, SYSTEM, type Step } from '../../../domain/test/support/given';
import { filed, inMediation, inProceedings, mediationEnded, nominated, registered } from '../../../domain/test/support/scenarios';

// Histories that together hold every event type, built with the domain's own decide (so they are
// histories the system can really produce). Shared by the confidentiality matrix and the rendered
// examples in docs/notifications.md. Every confidential text in them is marked GEHEIM, so a test
// can check that no message ever carries one.

/** The demo directory, with two more arbitrators for a panel of three. */
export const EXAMPLE_USERS: UserInfo[] = [
  ...(demo.users as UserInfo[]),
  { id: 'arb-lotte', name: 'Lotte Arbiter', role: 'arbitrator', organisationId: 'org-geschilleninstantie' },
  { id: 'arb-maarten', name: 'Maarten Arbiter', role: 'arbitrator', organisationId: 'org-geschilleninstantie' },
];

export const SECRET = 'GEHEIM-mediationnotitie';
/** Texts no message may contain: notes, reasons, document names, statements, grounds, the decision's reasoning. */
export const SECRETS = [SECRET, 'GEHEIME-REDEN', 'GEHEIME-NAAM', 'GEHEIME-EIS', 'GEHEIM-VERWEER', 'GEHEIME-GRONDEN', 'GEHEIME-MOTIVERING'];

const DOC = { mediaType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64) };

const doc = (documentId: string, visibility: 'parties' | 'neutral_only' | 'secretariat'): Step[1] => ({
  type: 'submit-document',
  documentId,
  name: `${documentId}-GEHEIME-NAAM.pdf`,
  visibility,
  ...DOC,
});

/** Histories that together hold every event type. */
export function histories(): DisputeEvent[][] {
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
