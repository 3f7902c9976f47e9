import { Random } from '../../../runtime/src/seeded-random';
import { LEGAL_FRAMEWORKS, PHASES, ROUTES, SECTORS, SUBJECTS } from '../../../domain/src';
import type { CaseFacts, Outcome } from '../../src/statistics';

// Small random histories of statistics facts for property tests: a handful of cases between the
// founding (2 June 2016) and the end of `lastYear`, each following a plausible course (filed,
// maybe registered, answered, appointed, mediated or decided, closed), with the seeded PRNG of
// the history generator so that a failing seed can be replayed.

const DAY = 86_400_000;
const FOUNDED = Date.UTC(2016, 5, 2);

export interface RandomHistory {
  seed: number;
  facts: CaseFacts[];
  missedAt: string[];
}

export function randomHistory(seed: number, lastYear: number, maxCases = 24): RandomHistory {
  const r = new Random(seed);
  const end = Date.UTC(lastYear + 1, 0, 1) - 1;
  // Some histories crowd into a few months, others spread over years: both stress suppression.
  const spanStart = r.chance(0.5) ? FOUNDED : FOUNDED + r.int(0, Math.floor((end - FOUNDED) / DAY) - 120) * DAY;
  const spanEnd = r.chance(0.5) ? end : Math.min(end, spanStart + r.int(60, 400) * DAY);
  const n = r.int(1, maxCases);
  const facts: CaseFacts[] = [];
  const missedAt: string[] = [];
  const iso = (t: number | null): string | null => (t === null || t > end ? null : new Date(t).toISOString());
  const later = (t: number, min: number, max: number): number => t + r.int(min, max) * DAY + r.int(0, DAY - 1);
  for (let i = 0; i < n; i++) {
    const filed = spanStart + Math.floor(r.next() * (spanEnd - spanStart));
    const initialRoute = r.pick(ROUTES);
    const claimantKind = r.weighted({ provider: 6, insurer: 1, association: 2 });
    const subjects = [...new Set([r.pick(SUBJECTS), ...(r.chance(0.3) ? [r.pick(SUBJECTS)] : [])])];
    let registered: number | null = null;
    let answered: number | null = null;
    let answer: 'accepted' | 'declined' | null = null;
    let appointed: number | null = null;
    let concluded: number | null = null;
    let result: string | null = null;
    let escalated: number | null = null;
    let closed: number | null = null;
    let outcome: Outcome | null = null;
    let finalRoute: string | null = null;
    const close = (t: number, o: Outcome): void => {
      closed = t;
      outcome = o;
    };
    if (r.chance(0.1)) close(later(filed, 5, 40), r.pick(['inadmissible', 'withdrawn'] as const));
    else {
      registered = later(filed, 1, 40);
      answered = later(registered, 1, 20);
      if (r.chance(0.2)) {
        answer = 'declined';
        close(answered, 'declined');
      } else {
        answer = 'accepted';
        finalRoute = r.chance(0.8) ? initialRoute : r.pick(ROUTES);
        appointed = later(answered, 3, 30);
        if (finalRoute === 'mediation') {
          concluded = later(appointed, 10, 120);
          result = r.pick(['full_agreement', 'partial_agreement', 'no_agreement']);
          if (result === 'full_agreement') close(concluded, 'settled');
          else if (r.chance(0.5)) {
            escalated = later(concluded, 1, 30);
            finalRoute = r.pick(['binding_advice', 'arbitration']);
            close(
              later(escalated, 20, 200),
              r.pick(['decided_granted', 'decided_partially_granted', 'decided_rejected', 'settled'] as const),
            );
          } else close(later(concluded, 0, 30), result === 'partial_agreement' ? 'settled' : 'closed_without_resolution');
        } else if (r.chance(0.85)) {
          close(
            later(appointed, 20, 300),
            r.pick(['decided_granted', 'decided_partially_granted', 'decided_rejected', 'withdrawn', 'settled'] as const),
          );
        }
      }
    }
    if (r.chance(0.25)) missedAt.push(iso(later(filed, 14, 60)) ?? new Date(end).toISOString());
    // Steps after the end of the history have not happened yet.
    const at = (t: number | null): string | null => iso(t);
    const closedAt = at(closed);
    facts.push({
      disputeId: `d${i}`,
      caseNumber: null,
      filedAt: new Date(filed).toISOString(),
      registeredAt: at(registered),
      appointedAt: at(appointed),
      closedAt,
      outcome: closedAt === null ? null : outcome,
      phase: r.pick(PHASES),
      legalFramework: r.pick(LEGAL_FRAMEWORKS),
      sector: r.pick(SECTORS),
      subjects,
      initialRoute,
      finalRoute: closedAt === null && at(answered) === null ? null : finalRoute,
      claimantKind,
      smallProvider: claimantKind !== 'insurer' && r.chance(0.4),
      urgent: r.chance(0.1),
      respondentAnswer: at(answered) === null ? null : answer,
      respondentAnsweredAt: at(answered),
      mediationResult: at(concluded) === null ? null : result,
      mediationConcludedAt: at(concluded),
      escalatedAt: at(escalated),
      lastPosition: i + 1,
    });
  }
  return { seed, facts, missedAt: missedAt.filter((t) => t <= new Date(end).toISOString()) };
}
