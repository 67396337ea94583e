import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AttackCatalogue, IncidentTechniques, Technique } from './types';

const incidentTechniquesKey = (incidentId: string) => ['incident', incidentId, 'techniques'] as const;
const path = (incidentId: string) => `/api/v1/incidents/${encodeURIComponent(incidentId)}/techniques`;

export function useAttackCatalogue() {
  return useQuery({ queryKey: ['attack', 'catalogue'], queryFn: () => api.get<AttackCatalogue>('/api/v1/attack'), staleTime: 5 * 60_000 });
}

export function useTechniqueSearch(q: string) {
  return useQuery({
    queryKey: ['attack', 'techniques', q],
    queryFn: async () => (await api.get<{ items: Technique[] }>('/api/v1/attack/techniques', { q, limit: 30 })).items,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
}

export function useIncidentTechniques(incidentId: string) {
  return useQuery({ queryKey: incidentTechniquesKey(incidentId), queryFn: () => api.get<IncidentTechniques>(path(incidentId)) });
}

export function useTagTechnique(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ techniqueId, timelineEntryId = null }: { techniqueId: string; timelineEntryId?: string | null }) =>
      api.post(path(incidentId), { technique_id: techniqueId, ...(timelineEntryId ? { timeline_entry_id: timelineEntryId } : {}) }),
    onSettled: () => client.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
}

export function useUntagTechnique(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ techniqueId, timelineEntryId }: { techniqueId: string; timelineEntryId: string | null }) =>
      api.delete(`${path(incidentId)}/${encodeURIComponent(techniqueId)}${timelineEntryId ? `?timeline_entry_id=${encodeURIComponent(timelineEntryId)}` : ''}`),
    onSettled: () => client.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
}
