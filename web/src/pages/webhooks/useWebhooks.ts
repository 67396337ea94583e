import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Delivery, Webhook } from './types';

export const useWebhookList = () => useQuery({ queryKey: ['webhooks'], queryFn: () => api.get<{ items: Webhook[] }>('/api/v1/webhooks') });

export const useWebhook = (id: string) => useQuery({ queryKey: ['webhooks', id], queryFn: () => api.get<Webhook>(`/api/v1/webhooks/${id}`) });

/** Pause/resume, test event and deletion, each refreshing the list and the delivery log. */
export function useWebhookWrites(onDeleted?: () => void) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
  const toggle = useMutation({
    mutationFn: (webhook: Webhook) => api.patch<Webhook>(`/api/v1/webhooks/${webhook.id}`, { enabled: !webhook.enabled }, { ifMatch: webhook.version }),
    onSuccess: (webhook) => {
      refresh();
      notifications.show({ color: webhook.enabled ? 'green' : 'gray', message: webhook.enabled ? `${webhook.name} resumed: queued deliveries go out now.` : `${webhook.name} paused: no new events are queued for it.` });
    },
    onError: refresh,
  });
  const ping = useMutation({
    mutationFn: (webhook: Webhook) => api.post<Delivery>(`/api/v1/webhooks/${webhook.id}/ping`),
    onSuccess: (_delivery, webhook) => {
      refresh();
      notifications.show({ color: 'blue', message: `Test event queued for ${webhook.name}; it appears in the delivery log within seconds.` });
    },
  });
  const remove = useMutation({
    mutationFn: (webhook: Webhook) => api.delete<void>(`/api/v1/webhooks/${webhook.id}`),
    onSuccess: () => {
      refresh();
      onDeleted?.();
    },
  });
  return { toggle, ping, remove };
}
