import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { AMSTERDAM } from '../../lib/format';
import { endedPeriods, type StatisticsAnswer, type WholePeriod } from './figures';

// The statistics page's two requests, shared with the preload at start-up (routes.tsx): a first
// visit asks for the figures while the page's code is still on its way, under the same keys. The
// figures are of ended periods: an answer from the last minute is not asked for again when the
// page mounts just after the preload.

export const todayInAmsterdam = () => new Intl.DateTimeFormat('en-CA', { timeZone: AMSTERDAM }).format(new Date());

export const statisticsPath = (p: { from: string; to: string }, groupBy: 'year' | 'quarter', format?: 'csv') =>
  `/api/statistics?${new URLSearchParams({ from: p.from, to: p.to, groupBy, ...(format ? { format } : {}) })}`;

/** The page opens on the last ended year (or quarter, before any year has ended). */
export const defaultPeriodKey = ({ years, quarters }: { years: WholePeriod[]; quarters: WholePeriod[] }): string =>
  years[years.length - 1]?.key ?? quarters[quarters.length - 1]?.key ?? '';

export const periodFiguresQuery = (period: WholePeriod | undefined) => ({
  queryKey: ['statistics', period?.key],
  enabled: period !== undefined,
  staleTime: 60_000,
  queryFn: () => api<StatisticsAnswer>(statisticsPath(period!, 'quarter')),
});

export const yearlyFiguresQuery = (years: WholePeriod[]) => ({
  queryKey: ['statistics', 'years', years.length],
  enabled: years.length > 0,
  staleTime: 60_000,
  queryFn: () => api<StatisticsAnswer>(statisticsPath({ from: years[0].from, to: years[years.length - 1].to }, 'year')),
});

export function prefetchStatistics(queryClient: QueryClient): void {
  const periods = endedPeriods(todayInAmsterdam());
  const period = [...periods.years, ...periods.quarters].find((p) => p.key === defaultPeriodKey(periods));
  const figures = periodFiguresQuery(period);
  const yearly = yearlyFiguresQuery(periods.years);
  if (figures.enabled) void queryClient.prefetchQuery(figures);
  if (yearly.enabled) void queryClient.prefetchQuery(yearly);
}
