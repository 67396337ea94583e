import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { incidentPath } from '../queries';
import type { Decision, DecisionKind, IncidentFacts, Obligation } from './types';

/** Keys under ['incident', id, …] so a live event on the incident refreshes them too. */
export const obligationKeys = {
  facts: (id: string) => ['incident', id, 'facts'] as const,
  decisions: (id: string) => ['incident', id, 'decisions'] as const,
  obligations: (id: string) => ['incident', id, 'obligations'] as const,
  due: ['obligations', 'due'] as const,
};

/** The facts, or null before they are first recorded (the server answers 404 until then). */
export function useFacts(incidentId: string) {
  return useQuery({
    queryKey: obligationKeys.facts(incidentId),
    queryFn: async () => {
      try {
        return await api.get<IncidentFacts>(`${incidentPath(incidentId)}/facts`);
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export const useDecisions = (incidentId: string) =>
  useQuery({ queryKey: obligationKeys.decisions(incidentId), queryFn: async () => (await api.get<{ items: Decision[] }>(`${incidentPath(incidentId)}/decisions`)).items });

export const useObligations = (incidentId: string) =>
  useQuery({ queryKey: obligationKeys.obligations(incidentId), queryFn: async () => (await api.get<{ items: Obligation[] }>(`${incidentPath(incidentId)}/obligations`)).items });

/** Anything recorded here can change the obligations: refresh the whole incident. */
function useRefreshIncident(incidentId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['incident', incidentId] });
    void client.invalidateQueries({ queryKey: obligationKeys.due });
  };
}

export function useSaveFacts(incidentId: string) {
  const refresh = useRefreshIncident(incidentId);
  return useMutation({
    mutationFn: ({ facts, version }: { facts: Omit<IncidentFacts, 'incident_id' | 'version'>; version: number | null }) =>
      api.put<IncidentFacts>(`${incidentPath(incidentId)}/facts`, facts, version === null ? {} : { ifMatch: version }),
    onSuccess: refresh,
  });
}

export function useSignDecision(incidentId: string) {
  const refresh = useRefreshIncident(incidentId);
  return useMutation({
    mutationFn: (input: { kind: DecisionKind; outcome: boolean; decided_at: string; facts: string }) => api.post<Decision>(`${incidentPath(incidentId)}/decisions`, input),
    onSuccess: refresh,
  });
}

export function useUpdateObligation(incidentId: string) {
  const refresh = useRefreshIncident(incidentId);
  return useMutation({
    mutationFn: ({ obligation, change }: { obligation: Obligation; change: Record<string, unknown> }) => api.patch<Obligation>(`/api/v1/obligations/${encodeURIComponent(obligation.id)}`, change, { ifMatch: obligation.version }),
    onSuccess: refresh,
  });
}
