import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client';
import type { Meta } from '../api/types';
import { FALLBACK_LABELS, type Labels } from './fallback';

export type { Labels, Option } from './fallback';

/** The server's labels where it gave them, the built-in ones for anything missing. */
function merge(meta: Partial<Meta> | undefined): Labels {
  if (!meta) return FALLBACK_LABELS;
  const merged = { ...FALLBACK_LABELS };
  for (const key of Object.keys(FALLBACK_LABELS) as Array<keyof Labels>) {
    const list = meta[key];
    if (Array.isArray(list) && list.length > 0) (merged as Record<string, unknown>)[key] = list;
  }
  return merged;
}

export interface MetaLookup extends Labels {
  /** True while the server's labels have not arrived (the built-in ones are shown meanwhile). */
  fallback: boolean;
  label(list: keyof Omit<Labels, 'categories'>, id: string | number | null | undefined): string;
  categoryLabel(key: string): string;
}

/** Labels for the app's vocabulary (GET /api/v1/meta), with built-in labels until/unless it answers. */
export function useMeta(): MetaLookup {
  const query = useQuery({
    queryKey: ['meta'],
    queryFn: () => api.get<Partial<Meta>>('/api/v1/meta'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return useMemo(() => {
    const labels = merge(query.data);
    return {
      ...labels,
      fallback: !query.data,
      label: (list, id) => {
        if (id === null || id === undefined) return '';
        const entries = labels[list] as Array<{ id: string | number; label: string }>;
        return entries.find((e) => String(e.id) === String(id))?.label ?? String(id).replaceAll('_', ' ');
      },
      categoryLabel: (key) => labels.categories.find((c) => c.key === key)?.label ?? key.replaceAll('_', ' '),
    };
  }, [query.data]);
}
