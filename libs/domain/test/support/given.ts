import demo from '../../../../fixtures/demo-directory.json';
import {
  addDays,
  createDirectoryView,
  decide,
  DEFAULT_POLICIES,
  DomainError,
  foldEvents,
  type Actor,
  type DecisionContext,
  type DirectoryView,
  type DisputeCommand,
  type DisputeEvent,
  type DisputeState,
  type DomainErrorKind,
  type OrganisationInfo,
  type Policies,
  type UserInfo,
} from '../../src';

export const DISPUTE_ID = 'dsp-1';
export const T0 = '2025-03-03T09:00:00.000Z';
export const at = (hours: number): string => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();
export { addDays };

const baseOrgs = demo.organisations as OrganisationInfo[];
const baseUsers = demo.users as UserInfo[];
/** The demo directory, plus more arbitrators so that an arbitration panel of 3 can be formed and completed. */
export const directory: DirectoryView = createDirectoryView({
  organisations: baseOrgs,
  users: [
    ...baseUsers,
    { id: 'arb-lotte', name: 'Lotte Arbiter', role: 'arbitrator', organisationId: 'org-geschilleninstantie' },
    { id: 'arb-maarten', name: 'Maarten Arbiter', role: 'arbitrator', organisationId: 'org-geschilleninstantie' },
    // A fourth, to replace a member of an arbitration panel (rule 12).
    { id: 'arb-niels', name: 'Niels Arbiter', role: 'arbitrator', organisationId: 'org-geschilleninstantie' },
  ],
});

export const SYSTEM: Actor = { userId: 'system', role: 'system' };
export const actor = (who: string | Actor): Actor => {
  if (typeof who !== 'string') return who;
  const u = directory.user(who);
  if (!u) throw new Error(`no such test user ${who}`);
  return { userId: u.id, role: u.role, organisationId: u.organisationId };
};

export const ctxFor = (who: string | Actor, now = T0, policies: Policies = DEFAULT_POLICIES): DecisionContext => ({
  actor: actor(who),
  now,
  policies,
  directory,
});

export const fileCommand = (overrides: Partial<Extract<DisputeCommand, { type: 'file-dispute' }>> = {}): DisputeCommand => ({
  type: 'file-dispute',
  disputeId: DISPUTE_ID,
  phase: 'contractual',
  legalFramework: 'zvw',
  sector: 'physiotherapy_paramedical',
  subjects: ['tariff'],
  contractYear: 2025,
  claimantOrganisationIds: ['org-fysio-delinde'],
  respondentOrganisationIds: ['org-zv-noord'],
  summary: 'The insurer lowered the tariff mid-year.',
  claims: [{ description: 'Restore the agreed tariff', amountCents: 1_200_000 }],
  amountInDisputeCents: 1_200_000,
  proposedRoute: 'mediation',
  urgent: false,
  ...overrides,
});

/** One step of a story: who does what, and when. */
export type Step = [who: string | Actor, command: DisputeCommand, now?: string];

/** Runs steps through decide/evolve, failing loudly if one is refused; returns all events. */
export const story = (steps: Step[], initial: DisputeEvent[] = []): DisputeEvent[] => {
  const events = [...initial];
  steps.forEach(([who, command, now], i) => {
    const state = foldEvents(events, DISPUTE_ID);
    try {
      events.push(...decide(command, state, ctxFor(who, now ?? nextHour(events))));
    } catch (e) {
      throw new Error(`story step ${i} (${command.type} by ${typeof who === 'string' ? who : who.userId}) refused: ${(e as Error).message}`, { cause: e });
    }
  });
  return events;
};

export const nextHour = (events: DisputeEvent[]): string =>
  events.length ? new Date(Date.parse(events[events.length - 1].data.occurredAt) + 3_600_000).toISOString() : T0;

export const given = (events: DisputeEvent[] = []) => {
  const state: DisputeState = foldEvents(events, DISPUTE_ID);
  return {
    state,
    /** `now` defaults to one hour after the last event. */
    when(command: DisputeCommand, who: string | Actor, now: string = nextHour(events), policies?: Policies) {
      const run = () => decide(command, state, ctxFor(who, now, policies));
      return {
        /** The events decided, for assertions beyond equality. */
        events: run,
        then(expected: DisputeEvent[]) {
          expect(run()).toEqual(expected);
        },
        thenRefuses(kind: DomainErrorKind, codeOrMessage: string | RegExp, field?: string) {
          let error: unknown;
          try {
            run();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          const de = error as DomainError;
          expect({ kind: de.kind, ...(typeof codeOrMessage === 'string' ? { code: de.code } : {}) }).toEqual({
            kind,
            ...(typeof codeOrMessage === 'string' ? { code: codeOrMessage } : {}),
          });
          if (codeOrMessage instanceof RegExp) expect(de.message).toMatch(codeOrMessage);
          if (field) expect(de.field).toBe(field);
          return de;
        },
        /** State after folding the decided events. */
        thenState() {
          return foldEvents([...events, ...run()], DISPUTE_ID);
        },
      };
    },
  };
};
