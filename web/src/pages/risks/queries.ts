import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { Asset, HeatMap, HistoryEntry, Risk, RiskAppetite, RiskDashboard, RiskDetail, RiskMatrix, Simulation } from './types';

/** Query keys: ['risks', …] for lists and views, ['risk', id, …] for one risk and its parts. */
export const riskPath = (id: string) => `/api/v1/risks/${encodeURIComponent(id)}`;

export function useRiskMatrix() {
  return useQuery({ queryKey: ['risk-matrix'], queryFn: () => api.get<RiskMatrix>('/api/v1/risk-matrix'), staleTime: 5 * 60_000 });
}

export function useRiskAppetite() {
  return useQuery({ queryKey: ['risk-appetite'], queryFn: () => api.get<RiskAppetite>('/api/v1/risk-appetite'), staleTime: 5 * 60_000 });
}

export function useRiskList(query: Record<string, string | undefined>) {
  const pages = useInfiniteQuery({
    queryKey: ['risks', 'list', query],
    queryFn: ({ pageParam }) => api.get<Page<Risk>>('/api/v1/risks', { ...query, limit: 50, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
  return { risks: pages.data?.pages.flatMap((p) => p.items) ?? [], pages };
}

export function useHeatMap(basis: 'inherent' | 'residual') {
  return useQuery({ queryKey: ['risks', 'heat-map', basis], queryFn: () => api.get<HeatMap>('/api/v1/risks/heat-map', { basis }), placeholderData: keepPreviousData });
}

export function useRisk(id: string) {
  return useQuery({ queryKey: ['risk', id], queryFn: () => api.get<RiskDetail>(riskPath(id)) });
}

export function useRiskHistory(id: string) {
  return useInfiniteQuery({
    queryKey: ['risk', id, 'history'],
    queryFn: ({ pageParam }) => api.get<Page<HistoryEntry>>(`${riskPath(id)}/history`, { limit: 100, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useRiskSimulations(id: string) {
  return useQuery({
    queryKey: ['risk', id, 'simulations'],
    queryFn: async () => {
      const answer = await api.get<Page<Simulation> | Simulation[]>(`${riskPath(id)}/simulations`, { limit: 20 });
      return Array.isArray(answer) ? answer : answer.items;
    },
  });
}

export function useRiskDashboard() {
  return useQuery({ queryKey: ['risks', 'dashboard'], queryFn: () => api.get<RiskDashboard>('/api/v1/risks/dashboard') });
}

export function useAssets() {
  return useQuery({
    queryKey: ['assets', 'all'],
    queryFn: async () => (await api.get<Page<Asset>>('/api/v1/assets', { limit: 200 })).items,
    staleTime: 60_000,
    retry: false,
  });
}

/** Invalidates everything a change to a risk can move: the risk, lists, heat map, dashboard. */
export function useRiskInvalidation() {
  const client = useQueryClient();
  // Every ['risk', …] query: a page may be keyed by the number (RISK-0007) rather than the id.
  return (_id?: string) => {
    void client.invalidateQueries({ queryKey: ['risk'] });
    void client.invalidateQueries({ queryKey: ['risks'] });
  };
}

export function useReviewRisk(id: string) {
  const invalidate = useRiskInvalidation();
  return useMutation({
    mutationFn: (note: string) => api.post<Risk>(`${riskPath(id)}/review`, note ? { note } : {}),
    onSettled: () => invalidate(id),
  });
}
