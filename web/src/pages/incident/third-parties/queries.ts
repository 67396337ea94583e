import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { incidentPath } from '../queries';
import type { Engagement, EngagementChanges, EngagementList, NewEngagement } from './types';

/** Under ['incident', id, …] so a live event on the incident refreshes it. */
export const engagementKeys = { list: (incidentId: string) => ['incident', incidentId, 'engagements'] as const };

export function useEngagements(incidentId: string) {
  return useQuery({ queryKey: engagementKeys.list(incidentId), queryFn: () => api.get<EngagementList>(`${incidentPath(incidentId)}/engagements`) });
}

export function useAddEngagement(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewEngagement) => api.post<Engagement>(`${incidentPath(incidentId)}/engagements`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: engagementKeys.list(incidentId) }),
  });
}

/** Against the version on screen: a 412 means someone else changed it; the list is refreshed either way. */
export function useChangeEngagement(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ engagement, changes }: { engagement: Engagement; changes: EngagementChanges }) =>
      api.patch<Engagement>(`/api/v1/engagements/${encodeURIComponent(engagement.id)}`, changes, { ifMatch: engagement.version }),
    onSettled: () => void client.invalidateQueries({ queryKey: engagementKeys.list(incidentId) }),
  });
}
