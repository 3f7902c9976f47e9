/**
 * Nearest-rank percentile: for values sorted ascending x[1..n], the P-th percentile is
 * x[ceil(P/100 * n)] (P in (0, 100]); null when there are no values. It is always one of the
 * observed values, with no interpolation: the median (P = 50) of an even count is the lower of
 * the two middle values.
 */
export function nearestRank(sortedAscending: readonly number[], p: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sortedAscending[rank - 1];
}

const DAY_MS = 86_400_000;

/** Days between two instants, rounded to two decimals (so 36 hours is 1.5). */
export const daysBetween = (fromIso: string, toIso: string): number =>
  Math.round(((Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS) * 100) / 100;
