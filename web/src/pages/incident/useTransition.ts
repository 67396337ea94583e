import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Incident, IncidentDetail, Phase, Resolution } from '../../api/types';
import { incidentKeys, incidentPath } from './queries';

export interface TransitionRequest {
  to: Phase;
  reason?: string;
  resolution?: Resolution;
}

function useIncidentWrite<TInput>(incidentId: string, write: (input: TInput) => Promise<Incident>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (updated) => {
      queryClient.setQueryData<IncidentDetail>(incidentKeys.incident(incidentId), (old) => (old ? { ...old, ...updated } : old));
      // The prefix refreshes the phase history, timeline and everything else shown for the incident.
      void queryClient.invalidateQueries({ queryKey: incidentKeys.incident(incidentId) });
    },
  });
}

/**
 * Moves the incident to another phase. No If-Match: the server checks the move against the phase
 * itself, so an unrelated edit by someone else does not block it.
 */
export function useTransition(incidentId: string) {
  return useIncidentWrite(incidentId, (request: TransitionRequest) => api.post<Incident>(`${incidentPath(incidentId)}/transitions`, request));
}

export function useMarkReviewCompleted(incidentId: string) {
  return useIncidentWrite(incidentId, (completed: boolean) => api.put<Incident>(`${incidentPath(incidentId)}/review-completed`, { completed }));
}
