import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Member } from '../../api/types';
import { incidentKeys, incidentPath } from './queries';

/** Gives someone a role on the incident; for single-holder roles the server hands over from the holder. */
export function useAssignRole(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { user_id: string; role: string }) => api.post<Member>(`${incidentPath(incidentId)}/members`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: incidentKeys.incident(incidentId) }),
  });
}

export function useReleaseRole(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => api.delete<Member>(`${incidentPath(incidentId)}/members/${encodeURIComponent(memberId)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: incidentKeys.incident(incidentId) }),
  });
}
