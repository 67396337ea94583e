import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Incident, Page } from '../../api/types';
import { alertQuery, type AlertFilters } from './alertFilters';
import type { AlertDetail, AlertListItem, AlertSummary } from './types';

const PAGE_SIZE = 50;

/** The queue page by page ("Load more" follows next_cursor); live events refresh it (key ['alerts', …]). */
export function useAlertQueue(filters: AlertFilters) {
  const query = alertQuery(filters);
  const pages = useInfiniteQuery({
    queryKey: ['alerts', 'list', query],
    queryFn: ({ pageParam }) => api.get<Page<AlertListItem>>('/api/v1/alerts', { ...query, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
  return { alerts: pages.data?.pages.flatMap((p) => p.items) ?? [], pages };
}

export function useAlert(id: string | undefined) {
  return useQuery({ queryKey: ['alert', id], queryFn: () => api.get<AlertDetail>(`/api/v1/alerts/${id}`), enabled: Boolean(id) });
}

export type TriageRequest =
  | { action: 'promote'; alert_ids: string[]; observable_ids?: string[]; incident: { category: string; title?: string; severity?: number } }
  | { action: 'merge'; alert_ids: string[]; incident_id: string }
  | { action: 'dismiss'; alert_ids: string[]; reason: string }
  | { action: 'reopen'; alert_ids: string[] }
  | { action: 'unmerge'; alert_id: string };

export interface TriageAnswer {
  alerts: AlertSummary[];
  incident?: Incident;
  incident_id?: string;
}

/** Every triage action in one mutation; the queue and the alerts' pages refresh when it lands. */
export function useTriage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: TriageRequest): Promise<TriageAnswer> => {
      if (request.action === 'unmerge') return api.post(`/api/v1/alerts/${request.alert_id}/unmerge`);
      const { action, ...body } = request;
      return api.post(`/api/v1/alerts/${action}`, body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['alerts'] });
      void client.invalidateQueries({ queryKey: ['alert'] });
      void client.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
}

/** Open incidents matching what the analyst types, for "merge into". */
export function useOpenIncidents(q: string) {
  return useQuery({
    queryKey: ['incidents', 'merge-targets', q],
    queryFn: () => api.get<Page<Incident>>('/api/v1/incidents', { open: true, q: q.trim() || undefined, limit: 20, sort: 'updated_at' }),
    placeholderData: keepPreviousData,
  });
}
