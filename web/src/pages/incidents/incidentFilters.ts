import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type SortField = 'created_at' | 'updated_at' | 'detected_at' | 'severity' | 'number';
export type OpenFilter = 'all' | 'open' | 'closed';

/** Everything that defines a view of the list; it all lives in the URL so views can be shared. */
export interface IncidentFilters {
  q: string;
  phase: Phase[];
  severity: number[];
  category: string | null;
  tag: string | null;
  mine: boolean;
  open: OpenFilter;
  sort: SortField;
  direction: 'asc' | 'desc';
}

// No relative imports here: the unit tests load this file under Node's module rules.
const PHASES = ['detection', 'containment', 'eradication', 'recovery', 'post_incident', 'closed'] as const;
type Phase = (typeof PHASES)[number];
const SORTS: SortField[] = ['created_at', 'updated_at', 'detected_at', 'severity', 'number'];
export const DEFAULT_SORT: SortField = 'created_at';

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function readFilters(params: URLSearchParams): IncidentFilters {
  const sort = params.get('sort') as SortField | null;
  const open = params.get('open');
  return {
    q: params.get('q') ?? '',
    phase: list(params.get('phase')).filter((p): p is Phase => (PHASES as readonly string[]).includes(p)),
    severity: list(params.get('severity')).map(Number).filter((s) => s >= 1 && s <= 4),
    category: params.get('category') || null,
    tag: params.get('tag') || null,
    mine: params.get('assignee') === 'me',
    open: open === 'true' ? 'open' : open === 'false' ? 'closed' : 'all',
    sort: sort && SORTS.includes(sort) ? sort : DEFAULT_SORT,
    direction: params.get('direction') === 'asc' ? 'asc' : 'desc',
  };
}

/** The URL for a view; defaults are left out so links stay short. */
export function writeFilters(filters: IncidentFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.phase.length) params.set('phase', filters.phase.join(','));
  if (filters.severity.length) params.set('severity', filters.severity.join(','));
  if (filters.category) params.set('category', filters.category);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.mine) params.set('assignee', 'me');
  if (filters.open !== 'all') params.set('open', String(filters.open === 'open'));
  if (filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort);
  if (filters.direction !== 'desc') params.set('direction', filters.direction);
  return params;
}

/** The filters as the API's query (also what /count takes, without sort and direction). */
export function filterQuery(filters: IncidentFilters): Record<string, string | boolean | string[] | number[] | null | undefined> {
  return {
    q: filters.q.trim() || undefined,
    phase: filters.phase.length ? filters.phase : undefined,
    severity: filters.severity.length ? filters.severity : undefined,
    category: filters.category,
    tag: filters.tag,
    assignee: filters.mine ? 'me' : undefined,
    open: filters.open === 'all' ? undefined : filters.open === 'open',
  };
}

export function hasFilters(filters: IncidentFilters): boolean {
  return Boolean(filters.q || filters.phase.length || filters.severity.length || filters.category || filters.tag || filters.mine || filters.open !== 'all');
}

export function useIncidentFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const update = useCallback(
    (change: Partial<IncidentFilters>) => setParams((current) => writeFilters({ ...readFilters(current), ...change }), { replace: true }),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, update, clear };
}
