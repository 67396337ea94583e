import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Incident, Page } from '../../api/types';
import { filterQuery, type IncidentFilters } from './incidentFilters';

const PAGE_SIZE = 50;

/** The matching incidents page by page ("Load more" follows next_cursor) and how many match in all. */
export function useIncidentList(filters: IncidentFilters) {
  const query = filterQuery(filters);
  const pages = useInfiniteQuery({
    queryKey: ['incidents', 'list', query, filters.sort, filters.direction],
    queryFn: ({ pageParam }) =>
      api.get<Page<Incident>>('/api/v1/incidents', { ...query, sort: filters.sort, direction: filters.direction, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
  const count = useQuery({
    queryKey: ['incidents', 'count', query],
    queryFn: () => api.get<{ count: number }>('/api/v1/incidents/count', query),
    placeholderData: keepPreviousData,
  });
  return {
    incidents: pages.data?.pages.flatMap((page) => page.items) ?? [],
    total: count.data?.count ?? null,
    pages,
  };
}
