import { deadlineDueAt } from '../src/deadlines';
import { foldEvents } from '../src';
import { DISPUTE_ID, given, nextHour, story } from './support/given';
import { escalated, inMediation, inProceedings } from './support/scenarios';

const claimed = () => story([['prov-anna', { type: 'submit-statement', kind: 'statement_of_claim', text: 'We claim' }]], inProceedings());
const defended = () => story([['ins-carla', { type: 'submit-statement', kind: 'statement_of_defence' }]], claimed());
const replied = () => story([['prov-anna', { type: 'submit-statement', kind: 'reply' }]], defended());
const HEARING_START = '2025-09-01T10:00:00.000Z';
const hearingScheduled = (base = inProceedings()) =>
  story([['adv-isaac', { type: 'schedule-hearing', hearingId: 'h1', startsAt: HEARING_START }]], base);
/** Claim, defence and reply in, and a hearing held at its start: a decision may be rendered (rule 14). */
const readyForDecision = () =>
  story([['adv-hanna', { type: 'record-hearing', hearingId: 'h1' }, HEARING_START]], hearingScheduled(replied()));

describe('submit-statement', () => {
  it('statement of claim by the claimant opens the defence deadline (28 days)', () => {
    const base = inProceedings();
    const now = nextHour(base);
    given(base)
      .when({ type: 'submit-statement', kind: 'statement_of_claim', text: 'We claim' }, 'prov-anna', now)
      .then([
        {
          type: 'StatementSubmitted',
          data: {
            kind: 'statement_of_claim',
            side: 'claimant',
            text: 'We claim',
            defenceDeadline: { deadlineId: 'statement_of_defence-1', kind: 'statement_of_defence', dueAt: deadlineDueAt(now, 28) },
            occurredAt: now,
          },
        },
      ]);
  });
  it('defence by the respondent meets the deadline; reply and rejoinder follow', () => {
    const s = foldEvents(defended(), DISPUTE_ID);
    expect(s.deadlines.find((d) => d.kind === 'statement_of_defence')?.status).toBe('met');
    const s2 = given(replied()).when({ type: 'submit-statement', kind: 'rejoinder' }, 'ins-carla').thenState();
    expect(s2.statements.map((x) => `${x.side}:${x.kind}`)).toEqual([
      'claimant:statement_of_claim',
      'respondent:statement_of_defence',
      'claimant:reply',
      'respondent:rejoinder',
    ]);
  });
  it('refuses the wrong side for a kind, out of order, twice, nothing due', () => {
    given(inProceedings())
      .when({ type: 'submit-statement', kind: 'statement_of_claim' }, 'ins-carla')
      .thenRefuses('conflict', 'no_statement_due');
    given(claimed()).when({ type: 'submit-statement', kind: 'reply' }, 'ins-carla').thenRefuses('forbidden', 'wrong_side');
    given(defended())
      .when({ type: 'submit-statement', kind: 'statement_of_claim' }, 'prov-anna')
      .thenRefuses('conflict', 'already_submitted');
    given(defended()).when({ type: 'submit-statement', kind: 'rejoinder' }, 'ins-carla').thenRefuses('conflict', 'no_statement_due');
    given(claimed()).when({ type: 'submit-statement', kind: 'reply' }, 'prov-anna').thenRefuses('conflict', 'no_statement_due');
    given(inProceedings()).when({ type: 'submit-statement', kind: 'reply' }, 'prov-anna').thenRefuses('conflict', 'out_of_order');
  });
  it('refuses unknown documents, non-parties, outside proceedings', () => {
    given(inProceedings())
      .when({ type: 'submit-statement', kind: 'statement_of_claim', documentIds: ['nope'] }, 'prov-anna')
      .thenRefuses('invalid', 'unknown_document', 'documentIds');
    given(inProceedings())
      .when({ type: 'submit-statement', kind: 'statement_of_claim' }, 'adv-hanna')
      .thenRefuses('forbidden', 'wrong_role');
    given(inMediation())
      .when({ type: 'submit-statement', kind: 'statement_of_claim' }, 'prov-anna')
      .thenRefuses('conflict', 'wrong_status');
  });
});

describe('schedule-hearing / record-hearing', () => {
  it('any appointed adviser schedules and records a hearing', () => {
    const base = inProceedings();
    const now = nextHour(base);
    given(base)
      .when({ type: 'schedule-hearing', hearingId: 'h1', startsAt: '2025-09-01T10:00:00Z' }, 'adv-isaac', now)
      .then([{ type: 'HearingScheduled', data: { hearingId: 'h1', startsAt: '2025-09-01T10:00:00.000Z', occurredAt: now } }]);
    const now2 = HEARING_START;
    given(hearingScheduled())
      .when({ type: 'record-hearing', hearingId: 'h1' }, 'adv-julia', now2)
      .then([{ type: 'HearingHeld', data: { hearingId: 'h1', occurredAt: now2 } }]);
  });
  it('refuses neutrals not on the panel, the former mediator, parties, wrong status', () => {
    given(inProceedings())
      .when({ type: 'schedule-hearing', hearingId: 'h1', startsAt: '2025-09-01T10:00:00Z' }, 'arb-ivo')
      .thenRefuses('forbidden', 'not_appointed');
    given(inProceedings())
      .when({ type: 'schedule-hearing', hearingId: 'h1', startsAt: '2025-09-01T10:00:00Z' }, 'med-femke')
      .thenRefuses('forbidden', 'wrong_role');
    given(inProceedings())
      .when({ type: 'schedule-hearing', hearingId: 'h1', startsAt: '2025-09-01T10:00:00Z' }, 'prov-anna')
      .thenRefuses('forbidden', 'wrong_role');
    given(escalated())
      .when({ type: 'schedule-hearing', hearingId: 'h1', startsAt: '2025-09-01T10:00:00Z' }, 'adv-hanna')
      .thenRefuses('forbidden', 'not_appointed');
  });
  it('refuses duplicate ids, past starts, recording unknown or held hearings', () => {
    given(hearingScheduled())
      .when({ type: 'schedule-hearing', hearingId: 'h1', startsAt: '2025-10-01T10:00:00Z' }, 'adv-hanna')
      .thenRefuses('invalid', 'duplicate_id', 'hearingId');
    given(inProceedings())
      .when({ type: 'schedule-hearing', hearingId: 'h2', startsAt: '2024-10-01T10:00:00Z' }, 'adv-hanna')
      .thenRefuses('invalid', 'not_in_future', 'startsAt');
    given(inProceedings()).when({ type: 'record-hearing', hearingId: 'h1' }, 'adv-hanna').thenRefuses('conflict', 'no_hearing_scheduled');
    given(hearingScheduled())
      .when({ type: 'record-hearing', hearingId: 'h9' }, 'adv-hanna', HEARING_START)
      .thenRefuses('invalid', 'unknown_hearing', 'hearingId');
    const held = story(
      [
        ['adv-hanna', { type: 'record-hearing', hearingId: 'h1' }, HEARING_START],
        ['adv-hanna', { type: 'schedule-hearing', hearingId: 'h2', startsAt: '2025-10-01T10:00:00Z' }],
      ],
      hearingScheduled(),
    );
    given(held)
      .when({ type: 'record-hearing', hearingId: 'h1' }, 'adv-hanna', '2025-10-01T10:00:00.000Z')
      .thenRefuses('conflict', 'already_held');
  });
});

describe('render-decision', () => {
  const decision = {
    type: 'render-decision',
    outcome: 'claim_partially_granted',
    claimantCostSharePct: 40,
    costAllocationReason: 'The respondent caused needless costs',
    summary: 'Tariff partly restored',
  } as const;
  it('the panel chair renders the decision → decided with the decision as outcome', () => {
    const base = readyForDecision();
    const now = nextHour(base);
    given(base)
      .when(decision, 'adv-hanna', now)
      .then([
        {
          type: 'DecisionRendered',
          data: {
            outcome: 'claim_partially_granted',
            costAllocation: { claimantPct: 40, respondentPct: 60 },
            summary: 'Tariff partly restored',
            costAllocationReason: 'The respondent caused needless costs',
            occurredAt: now,
          },
        },
      ]);
    const s = given(base).when(decision, 'adv-hanna', now).thenState();
    expect(s).toMatchObject({ status: 'decided', closedAt: now });
    expect(s.outcome).toEqual({
      status: 'decided',
      decision: {
        outcome: 'claim_partially_granted',
        claimantCostSharePct: 40,
        summary: 'Tariff partly restored',
        costAllocationReason: 'The respondent caused needless costs',
      },
    });
  });
  it('refuses panel members who do not chair, others', () => {
    given(inProceedings()).when(decision, 'adv-isaac').thenRefuses('forbidden', 'not_chair');
    given(inProceedings()).when(decision, 'sec-jan').thenRefuses('forbidden', 'wrong_role');
    given(inProceedings()).when(decision, 'med-femke').thenRefuses('forbidden', 'wrong_role');
  });
  it.each([-1, 101, 12.5])('refuses claimantCostSharePct %p', (pct) => {
    given(readyForDecision())
      .when({ ...decision, claimantCostSharePct: pct }, 'adv-hanna')
      .thenRefuses('invalid', 'out_of_range', 'claimantCostSharePct');
  });
  it('accepts 0 and 100; refuses an empty summary and unknown outcome', () => {
    expect(
      given(readyForDecision())
        .when({ ...decision, claimantCostSharePct: 0 }, 'adv-hanna')
        .events(),
    ).toHaveLength(1);
    expect(
      given(readyForDecision())
        .when({ ...decision, claimantCostSharePct: 100 }, 'adv-hanna')
        .events(),
    ).toHaveLength(1);
    given(readyForDecision())
      .when({ ...decision, summary: ' ' }, 'adv-hanna')
      .thenRefuses('invalid', 'required', 'summary');
    given(readyForDecision())
      .when({ ...decision, outcome: 'draw' as never }, 'adv-hanna')
      .thenRefuses('invalid', 'unknown_value', 'outcome');
  });
});
