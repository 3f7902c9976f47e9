import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { amsterdamDate } from '../../lib/amsterdam-date';
import { endedPeriods, type StatisticsAnswer, type WholePeriod } from './figures';

// The statistics page's two requests, shared with the preload at start-up (routes.tsx): a first
// visit asks for the figures while the page's code is still on its way, under the same keys. The
// figures are of ended periods: an answer from the last minute is not asked for again when the
// page mounts just after the preload.

export const statisticsPath = (p: { from: string; to: string }, groupBy: 'year' | 'quarter', format?: 'csv') =>
  `/api/statistics?${new URLSearchParams({ from: p.from, to: p.to, groupBy, ...(format ? { format } : {}) })}`;

/** The page opens on the last ended year (or quarter, before any year has ended). */
export const defaultPeriodKey = ({ years, quarters }: { years: WholePeriod[]; quarters: WholePeriod[] }): string =>
  years[years.length - 1]?.key ?? quarters[quarters.length - 1]?.key ?? '';

export const periodFiguresQuery = (period: WholePeriod | undefined) => {
  const path = period && statisticsPath(period, 'quarter');
  return {
    queryKey: ['statistics', period?.key],
    enabled: path !== undefined,
    staleTime: 60_000,
    path,
    queryFn: () => api<StatisticsAnswer>(path!),
  };
};

export const yearlyFiguresQuery = (years: WholePeriod[]) => {
  const path = years.length > 0 ? statisticsPath({ from: years[0].from, to: years[years.length - 1].to }, 'year') : undefined;
  return {
    queryKey: ['statistics', 'years', years.length],
    enabled: path !== undefined,
    staleTime: 60_000,
    path,
    queryFn: () => api<StatisticsAnswer>(path!),
  };
};

/** The two queries the page opens with: the default period's figures and the years side by side. */
function openingQueries() {
  // Without Intl: a first visit needs the date before its requests go out (lib/amsterdam-date.ts).
  const periods = endedPeriods(amsterdamDate());
  const period = [...periods.years, ...periods.quarters].find((p) => p.key === defaultPeriodKey(periods));
  return { figures: periodFiguresQuery(period), yearly: yearlyFiguresQuery(periods.years) };
}

export function prefetchStatistics(queryClient: QueryClient): void {
  const { figures, yearly } = openingQueries();
  if (figures.enabled) void queryClient.prefetchQuery(figures);
  if (yearly.enabled) void queryClient.prefetchQuery(yearly);
}

/** The paths of those two queries, for the start-up to ask for before React has loaded. */
export function openingStatisticsPaths(): string[] {
  const { figures, yearly } = openingQueries();
  return [figures.path, yearly.path].filter((path): path is string => path !== undefined);
}
