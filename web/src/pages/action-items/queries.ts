import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { ActionItem } from './actionItems';

/** Query keys: ['action-items', …]. */
export function useActionItems(query: Record<string, string | undefined>) {
  const pages = useInfiniteQuery({
    queryKey: ['action-items', 'list', query],
    queryFn: ({ pageParam }) => api.get<Page<ActionItem>>('/api/v1/action-items', { ...query, limit: 100, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
  return { items: pages.data?.pages.flatMap((p) => p.items) ?? [], pages };
}

/** Changes an item's status with the version the person saw (412 when someone changed it meanwhile). */
export function useChangeActionItemStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, status }: { item: ActionItem; status: string }) => api.patch<ActionItem>(`/api/v1/action-items/${encodeURIComponent(item.id)}`, { status }, { ifMatch: item.version }),
    onSettled: () => void client.invalidateQueries({ queryKey: ['action-items'] }),
  });
}
