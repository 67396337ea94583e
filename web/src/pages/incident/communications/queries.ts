import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { incidentPath } from '../queries';
import type { Communication, IncidentCommunications } from './types';

export const communicationKeys = { list: (incidentId: string) => ['incident', incidentId, 'communications'] as const };

export function useCommunications(incidentId: string) {
  return useQuery({ queryKey: communicationKeys.list(incidentId), queryFn: () => api.get<IncidentCommunications>(`${incidentPath(incidentId)}/communications`) });
}

export interface DraftInput {
  template_id?: string;
  audience?: string;
  channel?: string;
  kind?: string;
  subject?: string;
  body?: string;
  recipients?: string[];
}

export function useDraftCommunication(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DraftInput) => api.post<Communication>(`${incidentPath(incidentId)}/communications`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
}

export function useEditCommunication(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ communication, changes }: { communication: Communication; changes: Omit<DraftInput, 'template_id'> }) =>
      api.patch<Communication>(`/api/v1/communications/${encodeURIComponent(communication.id)}`, changes, { ifMatch: communication.version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
}

export type StepAction = 'submit' | 'review' | 'approve' | 'send' | 'withdraw';

/** One workflow step (submit, review, approve, send, withdraw) at the version the person saw. */
export function useCommunicationStep(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ communication, action, body }: { communication: Communication; action: StepAction; body?: Record<string, unknown> }) =>
      api.post<Communication>(`/api/v1/communications/${encodeURIComponent(communication.id)}/${action}`, { ...body, version: communication.version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
}
