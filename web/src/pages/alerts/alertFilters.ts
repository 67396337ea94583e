import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** A view of the triage queue; it lives in the URL so it can be shared. Status defaults to "new". */
export interface AlertFilters {
  status: string[];
  severity: number[];
  source: string | null;
  tag: string | null;
  group: string | null;
  q: string;
}

// No relative imports here: the unit tests load this file under Node's module rules.
const STATUSES = ['new', 'promoted', 'merged', 'dismissed'];
const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function readAlertFilters(params: URLSearchParams): AlertFilters {
  const status = params.get('status');
  return {
    // "all" is spelled out in the URL so that the default (new) needs no parameter.
    status: status === 'all' ? [] : status ? list(status).filter((s) => STATUSES.includes(s)) : ['new'],
    severity: list(params.get('severity')).map(Number).filter((s) => s >= 1 && s <= 4),
    source: params.get('source') || null,
    tag: params.get('tag') || null,
    group: params.get('group') || null,
    q: params.get('q') ?? '',
  };
}

export function writeAlertFilters(filters: AlertFilters): URLSearchParams {
  const params = new URLSearchParams();
  const status = filters.status.join(',');
  if (status !== 'new') params.set('status', status || 'all');
  if (filters.severity.length) params.set('severity', filters.severity.join(','));
  if (filters.source) params.set('source', filters.source);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.group) params.set('group', filters.group);
  if (filters.q) params.set('q', filters.q);
  return params;
}

/** The filters as GET /api/v1/alerts takes them. */
export function alertQuery(filters: AlertFilters): Record<string, string | string[] | number[] | undefined> {
  return {
    status: filters.status.length ? filters.status : undefined,
    severity: filters.severity.length ? filters.severity : undefined,
    source: filters.source ?? undefined,
    tag: filters.tag ?? undefined,
    group: filters.group ?? undefined,
    q: filters.q.trim() || undefined,
  };
}

export function hasAlertFilters(filters: AlertFilters): boolean {
  return Boolean(filters.severity.length || filters.source || filters.tag || filters.group || filters.q || filters.status.join(',') !== 'new');
}

export function useAlertFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readAlertFilters(params), [params]);
  const update = useCallback((change: Partial<AlertFilters>) => setParams((current) => writeAlertFilters({ ...readAlertFilters(current), ...change }), { replace: true }), [setParams]);
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, update, clear };
}
