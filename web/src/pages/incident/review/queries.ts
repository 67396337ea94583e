import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { incidentKeys, incidentPath } from '../queries';
import type { ActionItem, ActionItemInput, IncidentMetrics, Proposal, Review, ReviewFields } from './types';

/** Keys under ['incident', id, …] so a live event on the incident refreshes them too. */
export const reviewKeys = {
  review: (id: string) => ['incident', id, 'review'] as const,
  proposals: (id: string) => ['incident', id, 'review', 'proposals'] as const,
  actionItems: (id: string) => ['incident', id, 'action-items'] as const,
  metrics: (id: string) => ['incident', id, 'metrics'] as const,
};

const items = <T,>(answer: { items: T[] } | T[]): T[] => (Array.isArray(answer) ? answer : answer.items);

/** The review, or null before the first save (the server answers 404 until then). */
export function useReview(incidentId: string) {
  return useQuery({
    queryKey: reviewKeys.review(incidentId),
    queryFn: async () => {
      try {
        return await api.get<Review>(`${incidentPath(incidentId)}/review`);
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useSaveReview(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ fields, version }: { fields: ReviewFields; version: number | null }) =>
      api.put<Review>(`${incidentPath(incidentId)}/review`, fields, version === null ? {} : { ifMatch: version }),
    onSuccess: (review) => client.setQueryData(reviewKeys.review(incidentId), review),
  });
}

export function useCompleteReview(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ review: Review; proposals: Proposal[] }>(`${incidentPath(incidentId)}/review/complete`),
    onSuccess: (answer) => {
      // The answer carries the proposals just made: shown at once, refreshed from their own list later.
      client.setQueryData(reviewKeys.proposals(incidentId), answer.proposals);
      client.setQueryData(reviewKeys.review(incidentId), answer.review);
      void client.invalidateQueries({ queryKey: incidentKeys.incident(incidentId) });
    },
  });
}

export function useProposals(incidentId: string, enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.proposals(incidentId),
    enabled,
    staleTime: 30_000,
    queryFn: async () => items(await api.get<{ items: Proposal[] }>(`${incidentPath(incidentId)}/review/proposals`)),
  });
}

export function useIncidentMetrics(incidentId: string) {
  return useQuery({ queryKey: reviewKeys.metrics(incidentId), queryFn: () => api.get<IncidentMetrics>(`${incidentPath(incidentId)}/metrics`) });
}

/** The organisation's required review fields; null when this person may not read the settings. */
export function useRequiredFields(enabled: boolean) {
  return useQuery({
    queryKey: ['review-settings'],
    enabled,
    staleTime: 60_000,
    retry: false,
    queryFn: async () => {
      try {
        return (await api.get<{ required_fields: string[] }>('/api/v1/review-settings')).required_fields;
      } catch (error) {
        if (error instanceof ApiProblem && (error.status === 403 || error.status === 404)) return null;
        throw error;
      }
    },
  });
}

export function useActionItems(incidentId: string) {
  return useQuery({
    queryKey: reviewKeys.actionItems(incidentId),
    queryFn: async () => items(await api.get<{ items: ActionItem[] }>(`${incidentPath(incidentId)}/action-items`)),
  });
}

export function useAddActionItem(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionItemInput) => api.post<ActionItem>(`${incidentPath(incidentId)}/action-items`, input),
    onSettled: () => void client.invalidateQueries({ queryKey: reviewKeys.actionItems(incidentId) }),
  });
}

export function useChangeActionItem(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, changes }: { item: ActionItem; changes: Partial<ActionItemInput> }) =>
      api.patch<ActionItem>(`/api/v1/action-items/${encodeURIComponent(item.id)}`, changes, { ifMatch: item.version }),
    onSettled: () => void client.invalidateQueries({ queryKey: reviewKeys.actionItems(incidentId) }),
  });
}
