// The demo directory's users by what they are to a case that prov-anna (org-fysio-delinde) filed
// against ins-carla's org-zv-noord, before any neutral is nominated.

export const CLAIMANT = 'prov-anna';
export const RESPONDENT = 'ins-carla';
export const SECRETARIAT = 'sec-jan';

/** Every demo user who is not a party, not a neutral on it and not secretariat: to them the case does not exist. */
export const OUTSIDERS = ['prov-bram', 'prov-daan', 'ins-dirk', 'zk-lotte', 'assoc-eva', 'med-femke', 'adv-hanna', 'arb-ivo', 'obs-karin'] as const;

/** One user of each role of the demo directory. */
export const ONE_PER_ROLE = {
  provider: 'prov-anna',
  insurer: 'ins-carla',
  association: 'assoc-eva',
  mediator: 'med-femke',
  adviser: 'adv-hanna',
  arbitrator: 'arb-ivo',
  secretariat: 'sec-jan',
  observer: 'obs-karin',
} as const;

export const ALL_USERS = [CLAIMANT, RESPONDENT, SECRETARIAT, ...OUTSIDERS] as const;

/** No stack trace, source path or library internals in an answer. */
export const INTERNALS = /node_modules|\.(?:ts|js):\d+|\bat [\w.<>]+ \(|TypeError|ReferenceError|SQLITE|QueryFailedError/;
