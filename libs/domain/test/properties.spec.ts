import fc from 'fast-check';
import { ACTIONS, allowedActions, decide, DomainError, evolve, foldEvents, isTerminal, type DisputeCommand, type DisputeEvent, type DisputeState } from '../src';
import { actor, ctxFor, directory, DISPUTE_ID, fileCommand, SYSTEM, T0 } from './support/given';

// Random sessions of commands by random users: decide only ever refuses with a DomainError, and
// folding what it decided keeps the invariants.

const USERS = ['prov-anna', 'prov-bram', 'ins-carla', 'ins-dirk', 'assoc-eva', 'med-femke', 'med-gerrit', 'adv-hanna', 'adv-isaac', 'adv-julia', 'arb-ivo', 'sec-jan', 'obs-karin', 'system'];
const id = fc.constantFrom('a', 'b', 's1', 'h1', 'd1', 'inv-1', '');
const anyNeutral = fc.constantFrom('med-femke', 'med-gerrit', 'adv-hanna', 'adv-isaac', 'adv-julia', 'arb-ivo', 'nobody');
const deadlineId = fc.constantFrom('information-1', 'respondent_answer-1', 'challenge-1', 'challenge-2', 'escalation-1', 'statement_of_defence-1', 'x');
const date = fc.constantFrom('2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z', '2027-01-01T00:00:00Z', 'not a date');

const command: fc.Arbitrary<DisputeCommand> = fc.oneof(
  fc.constantFrom<DisputeCommand>(
    fileCommand(),
    fileCommand({ urgent: true, urgencyReason: 'stop' }),
    fileCommand({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'], proposedRoute: 'arbitration' }),
    { type: 'register', caseNumber: 'GZC-2025-0001' },
    { type: 'request-information', questions: 'q' },
    { type: 'provide-information', answers: 'a' },
    { type: 'declare-inadmissible', reason: 'other', explanation: 'x' },
    { type: 'decline-submission', reason: 'r' },
    { type: 'appoint-neutrals' },
    { type: 'accept-escalation' },
    { type: 'decline-escalation' },
    { type: 'withdraw' },
    { type: 'record-settlement' },
  ),
  fc.constantFrom('mediation', 'binding_advice', 'arbitration').map((route) => ({ type: 'accept-submission', route }) as DisputeCommand),
  fc.constantFrom('mediation', 'binding_advice', 'arbitration').map((route) => ({ type: 'propose-route', route }) as DisputeCommand),
  fc.constantFrom('binding_advice', 'arbitration').map((route) => ({ type: 'request-escalation', route }) as DisputeCommand),
  fc.array(anyNeutral, { minLength: 0, maxLength: 4 }).map((neutralUserIds) => ({ type: 'nominate-neutrals', neutralUserIds }) as DisputeCommand),
  anyNeutral.map((neutralUserId) => ({ type: 'challenge-neutral', neutralUserId, grounds: 'g' }) as DisputeCommand),
  fc.tuple(anyNeutral, fc.boolean()).map(([neutralUserId, upheld]) => ({ type: 'decide-challenge', neutralUserId, upheld }) as DisputeCommand),
  fc.tuple(id, date).map(([sessionId, startsAt]) => ({ type: 'schedule-session', sessionId, startsAt }) as DisputeCommand),
  id.map((sessionId) => ({ type: 'record-session', sessionId }) as DisputeCommand),
  fc.constantFrom('full_agreement', 'partial_agreement', 'no_agreement').map((result) => ({ type: 'conclude-mediation', result }) as DisputeCommand),
  fc.constantFrom('statement_of_claim', 'statement_of_defence', 'reply', 'rejoinder').map((kind) => ({ type: 'submit-statement', kind }) as DisputeCommand),
  fc.tuple(id, date).map(([hearingId, startsAt]) => ({ type: 'schedule-hearing', hearingId, startsAt }) as DisputeCommand),
  id.map((hearingId) => ({ type: 'record-hearing', hearingId }) as DisputeCommand),
  fc.integer({ min: -10, max: 110 }).map((claimantCostSharePct) => ({ type: 'render-decision', outcome: 'claim_rejected', claimantCostSharePct, summary: 's' }) as DisputeCommand),
  fc.tuple(id, fc.constantFrom('parties', 'neutral_only', 'secretariat'), fc.integer({ min: -1, max: 10 })).map(
    ([documentId, visibility, sizeBytes]) => ({ type: 'submit-document', documentId, name: 'n', mediaType: 't', sizeBytes, sha256: 'f'.repeat(64), visibility }) as DisputeCommand,
  ),
  fc.tuple(deadlineId, date).map(([did, dueDate]) => ({ type: 'extend-deadline', deadlineId: did, dueDate, reason: 'r' }) as DisputeCommand),
  fc.tuple(id, fc.constantFrom('org-zv-noord', 'org-fysio-delinde', 'org-x'), fc.constantFrom('administration', 'neutral_fee'), fc.constantFrom(0, 25_000, 100)).map(
    ([invoiceId, organisationId, kind, amountCents]) => ({ type: 'invoice-fee', invoiceId, organisationId, kind, amountCents }) as DisputeCommand,
  ),
  id.map((invoiceId) => ({ type: 'record-payment', invoiceId }) as DisputeCommand),
  deadlineId.map((did) => ({ type: 'record-deadline-missed', deadlineId: did }) as DisputeCommand),
);

const step = fc.record({ user: fc.constantFrom(...USERS), command, hoursLater: fc.integer({ min: 0, max: 24 * 40 }) });

describe('properties', () => {
  it('decide refuses only with DomainError; evolve keeps version == events and terminal statuses final', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const events: DisputeEvent[] = [];
        let state: DisputeState = foldEvents([], DISPUTE_ID);
        let now = Date.parse(T0);
        for (const { user, command: c, hoursLater } of steps) {
          now += hoursLater * 3_600_000;
          const who = user === 'system' ? SYSTEM : actor(user);
          let decided: DisputeEvent[];
          try {
            decided = decide(c, state, ctxFor(who, new Date(now).toISOString()));
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            continue;
          }
          const before = state;
          for (const e of decided) state = evolve(state, e);
          events.push(...decided);
          if (isTerminal(before.status)) expect(state.status).toBe(before.status);
          expect(state.version).toBe(events.length);
        }
        expect(foldEvents(events, DISPUTE_ID)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('whatever decide accepts, allowedActions offered (guards are the single source of truth)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...USERS), command), { minLength: 5, maxLength: 80 }), (tries) => {
        let state = foldEvents([], DISPUTE_ID);
        const now = '2025-03-10T00:00:00Z';
        for (const [user, c] of tries) {
          const who = user === 'system' ? SYSTEM : actor(user);
          const offered: string[] = allowedActions(state, who, { now, directory });
          try {
            const decided = decide(c, state, ctxFor(who, now));
            if ((ACTIONS as readonly string[]).includes(c.type)) expect(offered).toContain(c.type);
            for (const e of decided) state = evolve(state, e);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
