import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AlertRule } from './types';

export const useAlertRuleList = () => useQuery({ queryKey: ['alert-rules'], queryFn: () => api.get<{ items: AlertRule[] }>('/api/v1/alert-rules') });

export type NewAlertRule = Pick<AlertRule, 'kind' | 'name' | 'conditions' | 'fields' | 'window_seconds' | 'until' | 'incident_id'>;

/** Create, edit, pause/resume and delete, each refreshing the list. */
export function useAlertRuleWrites(callbacks: { onCreated?: () => void; onUpdated?: () => void; onDeleted?: () => void } = {}) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['alert-rules'] });
  const create = useMutation({
    mutationFn: (rule: NewAlertRule) => api.post<AlertRule>('/api/v1/alert-rules', rule),
    onSuccess: (rule) => {
      refresh();
      notifications.show({ color: 'green', message: `Rule “${rule.name}” applies to the next alerts that arrive.` });
      callbacks.onCreated?.();
    },
  });
  const update = useMutation({
    mutationFn: ({ rule, changes }: { rule: AlertRule; changes: Omit<NewAlertRule, 'kind'> }) => api.patch<AlertRule>(`/api/v1/alert-rules/${rule.id}`, changes, { ifMatch: rule.version }),
    onSuccess: (rule) => {
      refresh();
      notifications.show({ color: 'green', message: `Rule “${rule.name}” changed; it applies to the next alerts that arrive.` });
      callbacks.onUpdated?.();
    },
    onError: refresh,
  });
  const toggle = useMutation({
    mutationFn: (rule: AlertRule) => api.patch<AlertRule>(`/api/v1/alert-rules/${rule.id}`, { enabled: !rule.enabled }, { ifMatch: rule.version }),
    onSuccess: (rule) => {
      refresh();
      notifications.show({ color: rule.enabled ? 'green' : 'gray', message: rule.enabled ? `“${rule.name}” is on again.` : `“${rule.name}” is paused: new alerts pass it by.` });
    },
    onError: refresh,
  });
  const remove = useMutation({
    mutationFn: (rule: AlertRule) => api.delete<void>(`/api/v1/alert-rules/${rule.id}`),
    onSuccess: () => {
      refresh();
      callbacks.onDeleted?.();
    },
  });
  return { create, update, toggle, remove };
}
