// Today's date in Amsterdam without Intl. The first Intl object a page makes loads the ICU locale
// and time-zone data (43–125 ms in a fresh Chromium renderer, measured), and the statistics page
// needs the date before it can ask for its figures: that wait came before the requests went out.

const HOUR_MS = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (0-based): when the EU changes its clocks. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 24 * HOUR_MS;
}

/**
 * The calendar date in Europe/Amsterdam at `at`, as YYYY-MM-DD: UTC+2 from the last Sunday of
 * March to the last Sunday of October (01:00 UTC, the EU rule since 1996), UTC+1 otherwise.
 * The unit test checks it against Intl hour by hour over a decade.
 */
export function amsterdamDate(at: Date = new Date()): string {
  const t = at.getTime();
  const year = at.getUTCFullYear();
  const summer = t >= lastSundayAtOneUtc(year, 2) && t < lastSundayAtOneUtc(year, 9);
  return new Date(t + (summer ? 2 : 1) * HOUR_MS).toISOString().slice(0, 10);
}
