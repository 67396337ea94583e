import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { incidentKeys, incidentPath } from '../queries';

/** One call of the escalation matrix (GET /api/v1/incidents/{id}/escalations). */
export interface Escalation {
  id: string;
  trigger: 'opened' | 'severity_changed' | 'deputy';
  rule_id: string;
  severity: number;
  contact_id: string;
  contact_name: string;
  contact_title: string | null;
  user_id: string | null;
  incident_role: string | null;
  emailed_to: string[];
  mobile_phone: string | null;
  respond_within_minutes: number | null;
  notified_at: string;
  acknowledge_by: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_via: 'app' | 'link' | 'phone' | null;
  overdue_minutes: number;
  unanswered_at: string | null;
}

// Under ['incident', id] so live events about the incident (escalation.sent / .acknowledged) refresh it.
const escalationsKey = (incidentId: string) => [...incidentKeys.incident(incidentId), 'escalations'] as const;

export function useEscalations(incidentId: string) {
  return useQuery({
    queryKey: escalationsKey(incidentId),
    queryFn: async () => (await api.get<{ items: Escalation[] }>(`${incidentPath(incidentId)}/escalations`)).items,
  });
}

export function useAcknowledgeEscalation(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; note?: string }) =>
      api.post<Escalation>(`${incidentPath(incidentId)}/escalations/${encodeURIComponent(input.id)}/acknowledge`, input.note ? { note: input.note } : {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: incidentKeys.incident(incidentId) }),
  });
}
