/* eslint-disable @typescript-eslint/no-explicit-any -- raw event data is read field by field, independently of the domain types */
import type { StoredEvent } from '../../../libs/event-store/src/port';

// An independent computation of the statistics, for tests: it folds the raw stored events itself
// (no projection, no evolve) following the definitions in docs/domain.md "Statistics", and finds period
// boundaries with its own time-zone arithmetic. If it and the API disagree, one of them is wrong.

export interface RawCase {
  id: string;
  filedAt?: number;
  registeredAt?: number;
  appointedAt?: number;
  closedAt?: number;
  outcome?: string;
  phase?: string;
  legalFramework?: string;
  sector?: string;
  subjects: string[];
  initialRoute?: string;
  route?: string;
  claimantKind?: string;
  small?: boolean;
  answeredAt?: number;
  accepted?: boolean;
  mediationResult?: string;
  mediationConcludedAt?: number;
  mediationStartedAt?: number;
  mediator?: string;
  escalatedAt?: number;
  /** Route after mediation, for mediation outcomes. */
  afterMediationRoute?: string;
  missedAt: number[];
  caseNumber?: string;
}

const t = (e: StoredEvent): number => Date.parse(String(e.data.occurredAt));

export function foldRawCases(events: readonly StoredEvent[]): Map<string, RawCase> {
  const cases = new Map<string, RawCase>();
  for (const e of events) {
    if (!e.streamId.startsWith('dispute-')) continue;
    const id = e.streamId.slice('dispute-'.length);
    let c = cases.get(id);
    if (!c) {
      c = { id, subjects: [], missedAt: [] };
      cases.set(id, c);
    }
    const d = e.data as Record<string, any>;
    const close = (outcome: string) => {
      if (c!.closedAt === undefined) {
        c!.closedAt = t(e);
        c!.outcome = outcome;
      }
    };
    switch (e.type) {
      case 'DisputeFiled':
        Object.assign(c, {
          filedAt: t(e),
          phase: d.phase,
          legalFramework: d.legalFramework,
          sector: d.sector,
          subjects: [...new Set(d.subjects as string[])],
          initialRoute: d.proposedRoute,
          claimantKind: d.claimantKind,
          small: d.smallProviderClaimant === true,
        });
        break;
      case 'DisputeRegistered':
        c.registeredAt ??= t(e);
        c.caseNumber = d.caseNumber;
        break;
      case 'SubmissionAccepted':
        c.answeredAt = t(e);
        c.accepted = true;
        c.route = d.route;
        break;
      case 'SubmissionDeclined':
        c.answeredAt = t(e);
        c.accepted = false;
        close('declined');
        break;
      case 'NeutralsAppointed':
        c.appointedAt ??= t(e);
        c.route = d.route;
        if (d.route === 'mediation' && c.mediationStartedAt === undefined) {
          c.mediationStartedAt = t(e);
          c.mediator = d.chairUserId;
          c.afterMediationRoute = 'mediation';
        }
        break;
      case 'MediationConcluded':
        c.mediationResult = d.result;
        c.mediationConcludedAt = t(e);
        if (d.result === 'full_agreement') close('settled');
        break;
      case 'EscalationAccepted':
        c.escalatedAt ??= t(e);
        c.route = d.route;
        c.afterMediationRoute = d.route;
        break;
      case 'EscalationDeclined':
      case 'DisputeClosedWithoutResolution':
        close('closed_without_resolution');
        break;
      case 'DecisionRendered':
        close({ claim_granted: 'decided_granted', claim_partially_granted: 'decided_partially_granted', claim_rejected: 'decided_rejected' }[d.outcome as string]!);
        break;
      case 'DisputeWithdrawn':
        close('withdrawn');
        break;
      case 'SettledByParties':
        close('settled');
        break;
      case 'DisputeDeclaredInadmissible':
        close('inadmissible');
        break;
      case 'DeadlineMissed':
        c.missedAt.push(t(e));
        break;
      default:
        break;
    }
  }
  return cases;
}

/** Midnight at the start of a Dutch calendar day, found by asking Intl for the offset at noon UTC that day. */
export function dutchMidnight(year: number, month: number, day: number): number {
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+1" or "GMT+2"
  const offsetHours = Number(name.replace('GMT', ''));
  return Date.UTC(year, month - 1, day) - offsetHours * 3_600_000;
}

export interface TestPeriod {
  label: string;
  start: number;
  end: number;
}

/** Years or quarters of [from, to] (YYYY-MM-DD, inclusive), clipped. */
export function testPeriods(from: string, to: string, groupBy: 'year' | 'quarter'): TestPeriod[] {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const windowStart = dutchMidnight(fy, fm, fd);
  // The window ends at midnight after `to` (Date.UTC rolls day 32 over into the next month).
  const endDate = new Date(Date.UTC(ty, tm - 1, td + 1));
  const realEnd = dutchMidnight(endDate.getUTCFullYear(), endDate.getUTCMonth() + 1, endDate.getUTCDate());
  const periods: TestPeriod[] = [];
  for (let y = fy; y <= ty; y++) {
    const quarters = groupBy === 'year' ? [0] : [0, 1, 2, 3];
    for (const q of quarters) {
      const startMonth = groupBy === 'year' ? 1 : q * 3 + 1;
      const s = dutchMidnight(y, startMonth, 1);
      const e = groupBy === 'year' ? dutchMidnight(y + 1, 1, 1) : startMonth + 3 > 12 ? dutchMidnight(y + 1, 1, 1) : dutchMidnight(y, startMonth + 3, 1);
      const start = Math.max(s, windowStart);
      const end = Math.min(e, realEnd);
      if (start < end) periods.push({ label: groupBy === 'year' ? String(y) : `${y}-Q${q + 1}`, start, end });
    }
  }
  return periods;
}

const nearestRankOf = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
};
const days = (ms: number): number => Math.round((ms / 86_400_000) * 100) / 100;
const rate = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

/** The figures of one scope [start, end), exactly as the API should publish them to the secretariat. */
export function expectedFigures(cases: Iterable<RawCase>, start: number, end: number): Record<string, unknown> {
  const within = (x: number | undefined): x is number => x !== undefined && x >= start && x < end;
  const all = [...cases].filter((c) => c.filedAt !== undefined);
  const filed = all.filter((c) => within(c.filedAt));
  const registered = all.filter((c) => within(c.registeredAt));
  const appointed = all.filter((c) => within(c.appointedAt));
  const closed = all.filter((c) => within(c.closedAt));
  const answered = all.filter((c) => within(c.answeredAt));
  const concluded = all.filter((c) => within(c.mediationConcludedAt));
  const count = <T>(list: T[], pred: (x: T) => boolean) => list.filter(pred).length;
  const tally = (list: RawCase[], key: (c: RawCase) => string[] | string, keys: string[]) =>
    Object.fromEntries(keys.map((k) => [k, list.filter((c) => ([] as string[]).concat(key(c)).includes(k)).length]));
  const duration = (list: RawCase[], at: (c: RawCase) => number) => {
    const values = list.map((c) => days(at(c) - c.filedAt!));
    return { n: values.length, median: nearestRankOf(values, 50), p90: nearestRankOf(values, 90) };
  };
  const small = count(filed, (c) => c.small === true);
  const consented = count(answered, (c) => c.accepted === true);
  const full = count(concluded, (c) => c.mediationResult === 'full_agreement');
  return {
    filed: filed.length,
    registered: registered.length,
    closed: closed.length,
    openAtEnd: count(all, (c) => c.filedAt! < end && (c.closedAt === undefined || c.closedAt >= end)),
    byPhase: tally(filed, (c) => c.phase!, ['precontractual', 'contractual']),
    byLegalFramework: tally(filed, (c) => c.legalFramework!, ['zvw', 'zvw_supplementary', 'wlz']),
    bySector: tally(filed, (c) => c.sector!, SECTORS),
    bySubject: tally(filed, (c) => c.subjects, SUBJECTS),
    byInitialRoute: tally(filed, (c) => c.initialRoute!, ['mediation', 'binding_advice', 'arbitration']),
    byFinalRoute: tally(closed, (c) => c.route ?? 'none', ['mediation', 'binding_advice', 'arbitration', 'none']),
    byClaimantKind: tally(filed, (c) => c.claimantKind!, ['provider', 'insurer', 'association']),
    smallProviderShare: { count: small, share: rate(small, filed.length) },
    outcomes: tally(closed, (c) => c.outcome!, OUTCOME_KEYS),
    respondentConsentRate: { answered: answered.length, consented, rate: rate(consented, answered.length) },
    mediation: {
      concluded: concluded.length,
      fullAgreement: full,
      partialAgreement: count(concluded, (c) => c.mediationResult === 'partial_agreement'),
      noAgreement: count(concluded, (c) => c.mediationResult === 'no_agreement'),
      successRate: rate(full, concluded.length),
    },
    escalations: count(all, (c) => within(c.escalatedAt)),
    durationsDays: {
      filingToRegistration: duration(registered, (c) => c.registeredAt!),
      filingToAppointment: duration(appointed, (c) => c.appointedAt!),
      filingToClosure: duration(closed, (c) => c.closedAt!),
    },
    deadlinesMissed: all.reduce((n, c) => n + c.missedAt.filter((m) => m >= start && m < end).length, 0),
  };
}

export const OUTCOME_KEYS = [
  'settled',
  'decided_granted',
  'decided_partially_granted',
  'decided_rejected',
  'withdrawn',
  'declined',
  'inadmissible',
  'closed_without_resolution',
];
export const SECTORS = [
  'general_practice',
  'community_nursing',
  'mental_health',
  'hospital_care',
  'physiotherapy_paramedical',
  'pharmacy',
  'medical_devices',
  'dental',
  'maternity',
  'multidisciplinary',
  'primary_care_stay',
  'wlz_nursing_care',
  'wlz_disability_care',
  'wlz_mental_health',
  'other',
];
export const SUBJECTS = [
  'tariff',
  'volume_ceiling',
  'contract_terms',
  'quality_requirements',
  'continuity_of_care',
  'payment',
  'multi_year_agreement',
  'procurement_procedure',
  'refusal_to_contract',
  'sector_agreement',
  'other',
];
