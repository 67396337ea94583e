import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Page } from '../../../api/types';
import { incidentPath } from '../queries';
import type { ControlOutcome, ControlOutcomeKind, IncidentRisk, RiskRef, SuggestedPlaybook, SuggestedRisk } from './types';

/** Keys under ['incident', id, …] so a live event on the incident refreshes them too. */
export const linkKeys = {
  all: (id: string) => ['incident', id, 'register'] as const,
  risks: (id: string) => ['incident', id, 'register', 'risks'] as const,
  suggested: (id: string) => ['incident', id, 'register', 'suggested'] as const,
  outcomes: (id: string) => ['incident', id, 'register', 'outcomes'] as const,
  playbooks: (id: string) => ['incident', id, 'register', 'playbooks'] as const,
};

const items = <T,>(answer: Page<T> | { items: T[] } | T[]): T[] => (Array.isArray(answer) ? answer : answer.items);

export function useIncidentRisks(incidentId: string) {
  return useQuery({ queryKey: linkKeys.risks(incidentId), queryFn: async () => items(await api.get<{ items: IncidentRisk[] }>(`${incidentPath(incidentId)}/risks`)) });
}

export function useSuggestedRisks(incidentId: string) {
  return useQuery({ queryKey: linkKeys.suggested(incidentId), queryFn: async () => items(await api.get<{ items: SuggestedRisk[] }>(`${incidentPath(incidentId)}/risks/suggested`)) });
}

export function useControlOutcomes(incidentId: string) {
  return useQuery({ queryKey: linkKeys.outcomes(incidentId), queryFn: async () => items(await api.get<{ items: ControlOutcome[] }>(`${incidentPath(incidentId)}/control-outcomes`)) });
}

export function useSuggestedPlaybooks(incidentId: string) {
  return useQuery({ queryKey: linkKeys.playbooks(incidentId), queryFn: async () => items(await api.get<{ items: SuggestedPlaybook[] }>(`${incidentPath(incidentId)}/playbooks/suggested`)) });
}

/** Risks by number or title for the picker (the register's own search). */
export function useRiskSearch(q: string) {
  return useQuery({
    queryKey: ['risks', 'search', q],
    queryFn: async () => (await api.get<Page<RiskRef>>('/api/v1/risks', { q: q.trim() || undefined, limit: 20 })).items,
    staleTime: 30_000,
  });
}

/** Controls by ref or title for the outcome form. */
export function useControlSearch(q: string) {
  return useQuery({
    queryKey: ['controls', 'search', q],
    queryFn: async () => (await api.get<Page<{ id: string; ref: string; title: string }>>('/api/v1/controls', { q: q.trim() || undefined, limit: 30 })).items,
    staleTime: 30_000,
  });
}

function useRefresh(incidentId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: linkKeys.all(incidentId) });
    void client.invalidateQueries({ queryKey: ['incident', incidentId, 'timeline'] });
  };
}

export function useLinkRisk(incidentId: string) {
  const refresh = useRefresh(incidentId);
  return useMutation({
    mutationFn: (input: { risk_id: string; note?: string }) => api.post<IncidentRisk>(`${incidentPath(incidentId)}/risks`, input),
    onSettled: refresh,
  });
}

export function useUnlinkRisk(incidentId: string) {
  const refresh = useRefresh(incidentId);
  return useMutation({
    mutationFn: (riskId: string) => api.delete<void>(`${incidentPath(incidentId)}/risks/${encodeURIComponent(riskId)}`),
    onSettled: refresh,
  });
}

export function useRecordOutcome(incidentId: string) {
  const refresh = useRefresh(incidentId);
  return useMutation({
    mutationFn: (input: { control_id: string; outcome: ControlOutcomeKind; note?: string }) => api.post<ControlOutcome>(`${incidentPath(incidentId)}/control-outcomes`, input),
    onSettled: refresh,
  });
}

export function useChangeOutcome(incidentId: string) {
  const refresh = useRefresh(incidentId);
  return useMutation({
    mutationFn: ({ outcome, changes }: { outcome: ControlOutcome; changes: { outcome?: ControlOutcomeKind; note?: string } }) =>
      api.patch<ControlOutcome>(`${incidentPath(incidentId)}/control-outcomes/${encodeURIComponent(outcome.id)}`, changes, { ifMatch: outcome.version }),
    onSettled: refresh,
  });
}

export function useRemoveOutcome(incidentId: string) {
  const refresh = useRefresh(incidentId);
  return useMutation({
    mutationFn: (outcome: ControlOutcome) => api.delete<void>(`${incidentPath(incidentId)}/control-outcomes/${encodeURIComponent(outcome.id)}`, { ifMatch: outcome.version }),
    onSettled: refresh,
  });
}
