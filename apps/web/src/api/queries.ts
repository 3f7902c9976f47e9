import { useQueries, useQuery } from '@tanstack/react-query';
import { asOfInstant } from '../lib/format';
import { api } from './client';
import { ORGANISATIONS_PATH } from './paths';
import type { CaseListItem, CaseView, Organisation } from './types';

export const organisationsQuery = {
  queryKey: ['organisations'],
  queryFn: () => api<Organisation[]>(ORGANISATIONS_PATH),
  staleTime: 300_000,
};

export const useOrganisations = () => useQuery(organisationsQuery);

export const caseQueryKey = (id: string, asOf?: string) => ['case', id, asOf ?? 'now'];

export const useCase = (id: string, asOf?: string) =>
  useQuery({
    queryKey: caseQueryKey(id, asOf),
    // A date means the end of that day in Amsterdam; sent as an instant so no server default applies.
    queryFn: () =>
      api<CaseView>(
        `/api/disputes/${encodeURIComponent(id)}${asOf ? `?asOf=${encodeURIComponent(asOfInstant(asOf, new Date().toISOString()))}` : ''}`,
      ),
  });

export const useCaseList = (filters: { status?: string; q?: string }) => {
  const params = new URLSearchParams({ limit: '50' });
  if (filters.status) params.set('status', filters.status);
  if (filters.q) params.set('q', filters.q);
  return useQuery({ queryKey: ['cases', params.toString()], queryFn: () => api<{ items: CaseListItem[] }>(`/api/disputes?${params}`) });
};

/** The full case of each listed one: the list does not carry deadlines. */
export const useCaseDetails = (ids: string[]) =>
  useQueries({
    queries: ids.map((id) => ({ queryKey: caseQueryKey(id), queryFn: () => api<CaseView>(`/api/disputes/${encodeURIComponent(id)}`) })),
  });

export const nextOpenDeadline = (c: CaseView | undefined) =>
  c?.deadlines.filter((d) => d.status === 'open' && d.kind !== 'challenge').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0] ??
  c?.deadlines.filter((d) => d.status === 'open').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
