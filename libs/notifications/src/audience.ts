import {
  canSeeDocument,
  isCaseVisibleTo,
  partyOrganisationIds,
  sideOf,
  type Actor,
  type DisputeState,
  type DocumentOnCase,
  type UserInfo,
} from '../../domain/src';

// Who may hear of a case. The case-page rules are the domain's (isCaseVisibleTo, canSeeDocument);
// the guards below add the procedural rules the domain's visibility does not check yet
// (rules 1–3: no notice to a respondent before the invitation, a nominee hears of the nomination
// only, an ended neutral hears nothing). They go once the domain's per-event check lands.

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

const isNeutralRole = (role: string): boolean => role === 'mediator' || role === 'adviser' || role === 'arbitrator';

/** The respondent learns of the case with RespondentInvited (rule 1): its answer deadline exists from then on. */
const respondentInvited = (state: DisputeState): boolean => state.deadlines.some((d) => d.kind === 'respondent_answer');

/** May this user hear of anything on this case now (the case page would show it to them)? */
export function mayHear(state: DisputeState, user: UserInfo, group: AudienceGroup): boolean {
  const actor = actorOf(user);
  if (!isCaseVisibleTo(state, actor)) return false;
  if (isNeutralRole(user.role)) {
    const entry = state.neutrals.find((n) => n.userId === user.id && (n.status === 'nominated' || n.status === 'appointed'));
    if (!entry) return false; // rule 3: the term ended
    return group === 'nominees' ? entry.status === 'nominated' : entry.status === 'appointed'; // rule 2
  }
  if (sideOf(state, actor) === 'respondent' && !respondentInvited(state)) return false;
  return true;
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
 * `also` (e.g. may this user see that document).
 */
export function audience(
  state: DisputeState,
  groups: readonly AudienceGroup[],
  index: RecipientIndex,
  also: (user: UserInfo) => boolean = () => true,
): UserInfo[] {
  const seen = new Set<string>();
  const result: UserInfo[] = [];
  for (const group of groups) {
    for (const user of candidates(state, group, index)) {
      if (seen.has(user.id)) continue;
      if (!mayHear(state, user, group) || !also(user)) continue;
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

/** May this user see the document (the case page's rule), and are they entitled to hear of it? */
export const maySeeDocument = (document: DocumentOnCase, state: DisputeState) => (user: UserInfo): boolean =>
  canSeeDocument(document, state, actorOf(user));

/** The side a user is on, if they are a party. */
export const sideOfUser = (state: DisputeState, user: UserInfo) => sideOf(state, actorOf(user));
