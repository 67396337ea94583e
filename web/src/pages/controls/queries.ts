import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useUsers } from '../../components/UserSelect';
import { controlQuery, type ControlFilters } from './controlTree';
import { DEFAULT_LEVELS, type Control, type ControlCatalog, type ControlDetail, type Coverage } from './types';

export const controlKeys = {
  catalogs: ['control-catalogs'] as const,
  list: (query: unknown) => ['controls', 'list', query] as const,
  control: (id: string) => ['controls', id] as const,
  coverage: ['controls', 'coverage'] as const,
};

export const controlPath = (id: string) => `/api/v1/controls/${encodeURIComponent(id)}`;

export function useCatalogs() {
  return useQuery({
    queryKey: controlKeys.catalogs,
    queryFn: async () => (await api.get<Page<ControlCatalog>>('/api/v1/control-catalogs')).items,
  });
}

/** A catalog is read whole (page after page) to draw its tree; larger ones show a note. */
export const CONTROLS_CAP = 5000;

export function useControls(filters: ControlFilters) {
  const query = controlQuery(filters);
  return useQuery({
    queryKey: controlKeys.list(query),
    enabled: filters.catalog !== null,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const controls: Control[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Control> = await api.get<Page<Control>>('/api/v1/controls', { ...query, limit: 200, cursor });
        controls.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor && controls.length < CONTROLS_CAP);
      return { controls, truncated: cursor !== null };
    },
  });
}

export function useControl(id: string) {
  return useQuery({ queryKey: controlKeys.control(id), queryFn: () => api.get<ControlDetail>(controlPath(id)) });
}

export function useCoverage() {
  return useQuery({ queryKey: controlKeys.coverage, queryFn: () => api.get<Coverage>('/api/v1/controls/coverage') });
}

/** The organisation's risk levels (lowest first) with names and colours; the default five until the matrix answers. */
export function useRiskLevels() {
  const matrix = useQuery({
    queryKey: ['risk-matrix'],
    queryFn: () => api.get<{ levels: Array<{ id: string; name: string; color: string }> }>('/api/v1/risk-matrix'),
    staleTime: 60_000,
  });
  const levels = matrix.data?.levels ?? DEFAULT_LEVELS;
  return {
    levels,
    name: (id: string | null | undefined) => (id ? (levels.find((l) => l.id === id)?.name ?? id.replace(/_/g, ' ')) : '—'),
    color: (id: string | null | undefined) => levels.find((l) => l.id === id)?.color ?? 'gray',
  };
}

/** A person's name by user id. */
export function usePersonName(): (userId: string | null | undefined) => string {
  const people = useUsers({ includeDisabled: true });
  return (userId) => {
    if (!userId) return 'Someone';
    if (userId === 'system') return 'System';
    return people.data?.find((p) => p.id === userId)?.name ?? 'Someone';
  };
}

/** An owner's name, or "No owner". */
export function useOwnerName(): (userId: string | null | undefined) => string {
  const name = usePersonName();
  return (userId) => (userId ? name(userId) : 'No owner');
}
