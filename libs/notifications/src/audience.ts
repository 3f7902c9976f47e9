import {
  canSeeEvent,
  caseAccess,
  partyOrganisationIds,
  sideOf,
  type Actor,
  type CaseEventRef,
  type DisputeState,
  type UserInfo,
} from '../../domain/src';

// Who may hear of a case: the domain's one rule set (caseAccess, canSeeEvent, canSeeDocument),
// the same the case page and the timeline use. Nothing here restates a procedural rule.

/** Users by organisation and by role, rebuilt only when the directory changes. */
export class RecipientIndex {
  private byOrganisation = new Map<string, UserInfo[]>();
  private secretariat: UserInfo[] = [];
  private byId = new Map<string, UserInfo>();

  constructor(users: readonly UserInfo[] = []) {
    this.reset(users);
  }

  reset(users: readonly UserInfo[]): void {
    this.byOrganisation = new Map();
    this.byId = new Map(users.map((u) => [u.id, u]));
    this.secretariat = users.filter((u) => u.role === 'secretariat');
    for (const user of users) {
      const list = this.byOrganisation.get(user.organisationId);
      if (list) list.push(user);
      else this.byOrganisation.set(user.organisationId, [user]);
    }
  }

  user(id: string): UserInfo | undefined {
    return this.byId.get(id);
  }

  usersOf(organisationId: string): readonly UserInfo[] {
    return this.byOrganisation.get(organisationId) ?? [];
  }

  secretariatUsers(): readonly UserInfo[] {
    return this.secretariat;
  }
}

export type AudienceGroup = 'claimants' | 'respondents' | 'secretariat' | 'appointed' | 'nominees';

export const PARTIES: readonly AudienceGroup[] = ['claimants', 'respondents'];

export const actorOf = (user: UserInfo): Actor => ({ userId: user.id, role: user.role, organisationId: user.organisationId });

/**
 * May this user hear of this event now? Only a reader with full access hears of events (an ended
 * neutral keeps a record to read, but hears nothing more: rule 3), and only of events the case page
 * would show them; a nominee (conflict-check view, rule 2) hears only of their nomination.
 */
export function mayHear(state: DisputeState, user: UserInfo, group: AudienceGroup, event?: CaseEventRef): boolean {
  const actor = actorOf(user);
  const access = caseAccess(state, actor).kind;
  if (group === 'nominees') return access === 'conflict_check';
  if (access !== 'full') return false;
  return event === undefined || canSeeEvent(event, state, actor);
}

function candidates(state: DisputeState, group: AudienceGroup, index: RecipientIndex): readonly UserInfo[] {
  switch (group) {
    case 'claimants':
      return [...state.claimantOrganisationIds, ...(state.filedOnBehalfBy ? [state.filedOnBehalfBy] : [])].flatMap((org) =>
        index.usersOf(org),
      );
    case 'respondents':
      return state.respondentOrganisationIds.flatMap((org) => index.usersOf(org));
    case 'secretariat':
      return index.secretariatUsers();
    case 'appointed':
      return state.neutrals.filter((n) => n.status === 'appointed').flatMap((n) => index.user(n.userId) ?? []);
    case 'nominees':
      return state.neutrals.filter((n) => n.status === 'nominated').flatMap((n) => index.user(n.userId) ?? []);
  }
}

/**
 * The users of the given groups who may hear of the case now, each once, optionally narrowed by
 * `also` (e.g. may this user see that document) and, when given, by the domain's canSeeEvent.
 */
export function audience(
  state: DisputeState,
  groups: readonly AudienceGroup[],
  index: RecipientIndex,
  also: (user: UserInfo) => boolean = () => true,
  event?: CaseEventRef,
): UserInfo[] {
  const seen = new Set<string>();
  const result: UserInfo[] = [];
  for (const group of groups) {
    for (const user of candidates(state, group, index)) {
      if (seen.has(user.id)) continue;
      if (!mayHear(state, user, group, event) || !also(user)) continue;
      // A party user must belong to a party organisation in a party role: the domain decides that.
      if (group === 'claimants' || group === 'respondents') {
        if (!partyOrganisationIds(state).includes(user.organisationId)) continue;
      }
      seen.add(user.id);
      result.push(user);
    }
  }
  return result;
}

/** The side a user is on, if they are a party. */
export const sideOfUser = (state: DisputeState, user: UserInfo) => sideOf(state, actorOf(user));
