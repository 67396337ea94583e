import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { AssetFilters } from './assetForm';
import type { Asset, AssetDetail } from './types';

export const assetKeys = {
  list: (query: unknown) => ['assets', 'list', query] as const,
  all: ['assets', 'all'] as const,
  asset: (id: string) => ['assets', id] as const,
};

export const assetPath = (id: string) => `/api/v1/assets/${encodeURIComponent(id)}`;

export function assetQuery(filters: AssetFilters) {
  return { kind: filters.kind ?? undefined, criticality: filters.criticality ?? undefined, classification: filters.classification ?? undefined, q: filters.q.trim() || undefined, include_retired: filters.retired ? 'true' : undefined };
}

export function useAssetList(filters: AssetFilters) {
  const query = assetQuery(filters);
  const pages = useInfiniteQuery({
    queryKey: assetKeys.list(query),
    queryFn: ({ pageParam }) => api.get<Page<Asset>>('/api/v1/assets', { ...query, limit: 100, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
  return { assets: pages.data?.pages.flatMap((p) => p.items) ?? [], pages };
}

/** Every asset (for picking a dependency), read page after page up to a cap. */
export function useAllAssets(enabled = true) {
  return useQuery({
    queryKey: assetKeys.all,
    enabled,
    queryFn: async () => {
      const assets: Asset[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Asset> = await api.get<Page<Asset>>('/api/v1/assets', { limit: 200, cursor });
        assets.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor && assets.length < 5000);
      return assets;
    },
  });
}

export function useAsset(id: string) {
  return useQuery({ queryKey: assetKeys.asset(id), queryFn: () => api.get<AssetDetail>(assetPath(id)) });
}
