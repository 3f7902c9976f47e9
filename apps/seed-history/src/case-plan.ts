import {
  ROUTES,
  SECTORS,
  type Actor,
  type DirectoryView,
  type LegalFramework,
  type OrganisationInfo,
  type Phase,
  type Route,
  type Sector,
  type Subject,
  type UserInfo,
} from '../../../libs/domain/src';
import type { Random } from '../../../libs/runtime/src/seeded-random';

// What will happen to one generated case, drawn once when it is filed. The proportions are
// invented but plausible: most disputes go to mediation, most respondents consent, about half of
// the mediations settle, and a few cases are urgent, withdrawn, inadmissible or miss a deadline.

export interface Cast {
  /** Provider and insurer organisations that have a user to act for them. */
  providers: { org: OrganisationInfo; user: UserInfo }[];
  insurers: { org: OrganisationInfo; user: UserInfo }[];
  /** Care offices (Wlz) with a user; Wlz cases are against them (rule 20). */
  careOffices: { org: OrganisationInfo; user: UserInfo }[];
  associations: { org: OrganisationInfo; user: UserInfo; members: { org: OrganisationInfo; user: UserInfo }[] }[];
  secretariat: UserInfo;
  neutrals: Record<'mediator' | 'adviser' | 'arbitrator', UserInfo[]>;
}

export const actorOf = (user: UserInfo): Actor => ({ userId: user.id, role: user.role, organisationId: user.organisationId });

/** The directory (as events in the store, seeded from the demo fixture) as the people who act in the history. */
export function castFrom(users: readonly UserInfo[], directory: DirectoryView): Cast {
  const firstUserOf = (orgId: string) => users.find((u) => u.organisationId === orgId && (u.role === 'provider' || u.role === 'insurer'));
  const orgsOf = (kind: string) =>
    [...new Set(users.map((u) => u.organisationId))]
      .map((id) => directory.organisation(id))
      .filter((o): o is OrganisationInfo => o !== undefined && o.kind === kind);
  const withUser = (kind: string) =>
    orgsOf(kind)
      .map((org) => ({ org, user: firstUserOf(org.id) }))
      .filter((x): x is { org: OrganisationInfo; user: UserInfo } => x.user !== undefined);
  const providers = withUser('provider');
  const insurers = withUser('insurer');
  const careOffices = withUser('care_office');
  const associations = orgsOf('association')
    .map((org) => ({
      org,
      user: users.find((u) => u.organisationId === org.id && u.role === 'association'),
      members: providers.filter((p) => (org.members ?? []).includes(p.org.id)),
    }))
    .filter((a): a is Cast['associations'][number] => a.user !== undefined && a.members.length > 0);
  const secretariat = users.find((u) => u.role === 'secretariat');
  const neutrals = {
    mediator: users.filter((u) => u.role === 'mediator'),
    adviser: users.filter((u) => u.role === 'adviser'),
    arbitrator: users.filter((u) => u.role === 'arbitrator'),
  };
  const missing = [
    providers.length === 0 && 'a provider organisation with a provider user',
    insurers.length === 0 && 'an insurer organisation with an insurer user',
    !secretariat && 'a secretariat user',
    ...(['mediator', 'adviser', 'arbitrator'] as const).map((r) => neutrals[r].length === 0 && `a ${r}`),
  ].filter(Boolean);
  if (missing.length > 0) throw new Error(`The directory lacks ${missing.join(', ')}; the history generator needs them.`);
  return { providers, insurers, careOffices, associations, secretariat: secretariat!, neutrals };
}

export type RespondentPlan = 'accept' | 'decline' | 'counter' | 'late';

export interface CasePlan {
  claimant: Actor;
  claimantOrgIds: string[];
  respondent: Actor;
  respondentOrgIds: string[];
  phase: Phase;
  legalFramework: LegalFramework;
  sector: Sector;
  subjects: Subject[];
  proposedRoute: Route;
  urgent: boolean;
  requestInformation: boolean;
  provideInformation: boolean;
  inadmissible: boolean;
  respondentAnswer: RespondentPlan;
  counterAccepted: boolean;
  lateAccepted: boolean;
  invoice: boolean;
  pay: boolean;
  panelOfThree: boolean;
  challenge: boolean;
  challengeUpheld: boolean;
  sessions: number;
  mediationResult: 'full_agreement' | 'partial_agreement' | 'no_agreement';
  escalate: boolean;
  escalationRoute: 'binding_advice' | 'arbitration';
  escalationAccepted: boolean;
  defenceMissed: boolean;
  replies: boolean;
  hearing: boolean;
  settleInProceedings: boolean;
  decision: 'claim_granted' | 'claim_partially_granted' | 'claim_rejected';
  /** Withdraw instead of the n-th step (0: never). */
  withdrawAtStep: number;
}

// Wlz sectors fall under the Wlz alone; every other sector is a Zvw one.
const WLZ_SECTORS: Sector[] = ['wlz_nursing_care', 'wlz_disability_care', 'wlz_mental_health'];
const ZVW_SECTORS: Sector[] = SECTORS.filter((sector) => !WLZ_SECTORS.includes(sector));
const SUBJECT_WEIGHTS: Record<Subject, number> = {
  tariff: 30,
  volume_ceiling: 18,
  contract_terms: 12,
  quality_requirements: 6,
  continuity_of_care: 8,
  payment: 7,
  multi_year_agreement: 4,
  procurement_procedure: 5,
  refusal_to_contract: 6,
  sector_agreement: 2,
  other: 2,
};
/** The Wlz is in scope since 1 April 2017. */
const WLZ_FROM = Date.UTC(2017, 3, 1);

export function drawPlan(rng: Random, cast: Cast, filedAt: number): CasePlan {
  const kind = rng.weighted({ provider: 74, association: cast.associations.length > 0 ? 8 : 0, insurer: 18 });
  let claimant: Actor;
  let claimantOrgIds: string[];
  let respondent: Actor;
  let respondentOrgIds: string[];
  if (kind === 'insurer') {
    const ins = rng.pick(cast.insurers);
    const prov = rng.pick(cast.providers);
    [claimant, claimantOrgIds, respondent, respondentOrgIds] = [actorOf(ins.user), [ins.org.id], actorOf(prov.user), [prov.org.id]];
  } else if (kind === 'association') {
    const assoc = rng.pick(cast.associations);
    const members = assoc.members.filter(() => rng.chance(0.7));
    const chosen = members.length > 0 ? members : [assoc.members[0]];
    const ins = rng.pick(cast.insurers);
    [claimant, claimantOrgIds, respondent, respondentOrgIds] = [
      actorOf(assoc.user),
      chosen.map((m) => m.org.id),
      actorOf(ins.user),
      [ins.org.id],
    ];
  } else {
    const prov = rng.pick(cast.providers);
    const ins = rng.pick(cast.insurers);
    [claimant, claimantOrgIds, respondent, respondentOrgIds] = [actorOf(prov.user), [prov.org.id], actorOf(ins.user), [ins.org.id]];
  }
  const legalFramework: LegalFramework =
    filedAt >= WLZ_FROM && cast.careOffices.length > 0
      ? rng.weighted({ zvw: 68, zvw_supplementary: 10, wlz: 22 })
      : rng.weighted({ zvw: 88, zvw_supplementary: 12 });
  if (legalFramework === 'wlz') {
    // Rule 20: under the Wlz the insurers' side is a care office.
    const office = rng.pick(cast.careOffices);
    if (kind === 'insurer') [claimant, claimantOrgIds] = [actorOf(office.user), [office.org.id]];
    else [respondent, respondentOrgIds] = [actorOf(office.user), [office.org.id]];
  }
  const subjects = new Set<Subject>([rng.weighted(SUBJECT_WEIGHTS)]);
  while (rng.chance(0.3) && subjects.size < 3) subjects.add(rng.weighted(SUBJECT_WEIGHTS));
  const proposedRoute = rng.weighted({ mediation: 64, binding_advice: 26, arbitration: 10 }) as Route;
  return {
    claimant,
    claimantOrgIds,
    respondent,
    respondentOrgIds,
    phase: rng.chance(0.58) ? 'precontractual' : 'contractual',
    legalFramework,
    sector: rng.pick(legalFramework === 'wlz' ? WLZ_SECTORS : ZVW_SECTORS),
    subjects: [...subjects],
    proposedRoute,
    urgent: rng.chance(0.12),
    requestInformation: rng.chance(0.2),
    provideInformation: rng.chance(0.8),
    inadmissible: rng.chance(0.05),
    respondentAnswer: rng.weighted({ accept: 62, decline: 12, counter: 16, late: 10 }),
    counterAccepted: rng.chance(0.75),
    lateAccepted: rng.chance(0.6),
    invoice: rng.chance(0.7),
    pay: rng.chance(0.9),
    panelOfThree: rng.chance(0.35),
    challenge: rng.chance(0.06),
    challengeUpheld: rng.chance(0.3),
    sessions: rng.int(1, 3),
    mediationResult: rng.weighted({ full_agreement: 52, partial_agreement: 15, no_agreement: 33 }),
    escalate: rng.chance(0.5),
    escalationRoute: rng.chance(0.6) ? 'binding_advice' : 'arbitration',
    escalationAccepted: rng.chance(0.7),
    defenceMissed: rng.chance(0.08),
    replies: rng.chance(0.4),
    hearing: rng.chance(0.8),
    settleInProceedings: rng.chance(0.08),
    decision: rng.weighted({ claim_granted: 34, claim_partially_granted: 36, claim_rejected: 30 }),
    withdrawAtStep: rng.chance(0.06) ? rng.int(1, 8) : 0,
  };
}

/** Another route than `route` (a respondent's counter-proposal). */
export const otherRoute = (rng: Random, route: Route): Route => rng.pick(ROUTES.filter((r) => r !== route));
