import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** A view of the register, all in the URL so it can be shared. */
export type RiskSort = 'residual_level' | 'number' | 'next_review_at' | 'annual_loss_mean' | 'updated_at';
export type Basis = 'inherent' | 'residual';

export interface RiskFilters {
  q: string;
  status: string | null;
  level: string | null;
  owner: string | null;
  category: string | null;
  overAppetite: boolean;
  reviewDue: boolean;
  /** A heat-map cell: likelihood and impact on the basis the map showed. */
  cell: { likelihood: string; impact: string } | null;
  basis: Basis;
  sort: RiskSort;
  direction: 'asc' | 'desc';
}

// No relative imports with values here: the unit tests load this file directly.
const SORTS: RiskSort[] = ['residual_level', 'number', 'next_review_at', 'annual_loss_mean', 'updated_at'];
const STATUSES = ['identified', 'assessed', 'treating', 'accepted', 'closed'];
export const DEFAULT_RISK_SORT: RiskSort = 'residual_level';

const id = (value: string | null) => (value && /^[A-Za-z0-9_.:-]{1,100}$/.test(value) ? value : null);

export function readRiskFilters(params: URLSearchParams): RiskFilters {
  const sort = params.get('sort') as RiskSort | null;
  const status = params.get('status');
  const likelihood = id(params.get('likelihood'));
  const impact = id(params.get('impact'));
  return {
    q: params.get('q') ?? '',
    status: status && STATUSES.includes(status) ? status : null,
    level: id(params.get('level')),
    owner: id(params.get('owner')),
    category: params.get('category') || null,
    overAppetite: params.get('over_appetite') === 'true',
    reviewDue: params.get('review_due') === 'true',
    cell: likelihood && impact ? { likelihood, impact } : null,
    basis: params.get('basis') === 'inherent' ? 'inherent' : 'residual',
    sort: sort && SORTS.includes(sort) ? sort : DEFAULT_RISK_SORT,
    direction: params.get('direction') === 'asc' ? 'asc' : 'desc',
  };
}

/** The URL of a view; defaults are left out so links stay short. */
export function writeRiskFilters(filters: RiskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.level) params.set('level', filters.level);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.category) params.set('category', filters.category);
  if (filters.overAppetite) params.set('over_appetite', 'true');
  if (filters.reviewDue) params.set('review_due', 'true');
  if (filters.cell) {
    params.set('likelihood', filters.cell.likelihood);
    params.set('impact', filters.cell.impact);
  }
  if (filters.basis !== 'residual') params.set('basis', filters.basis);
  if (filters.sort !== DEFAULT_RISK_SORT) params.set('sort', filters.sort);
  if (filters.direction !== 'desc') params.set('direction', filters.direction);
  return params;
}

/** The view as GET /risks's query. */
export function riskQuery(filters: RiskFilters): Record<string, string | undefined> {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status ?? undefined,
    level: filters.level ?? undefined,
    owner_id: filters.owner ?? undefined,
    category: filters.category ?? undefined,
    over_appetite: filters.overAppetite ? 'true' : undefined,
    review_due: filters.reviewDue ? 'true' : undefined,
    likelihood: filters.cell?.likelihood,
    impact: filters.cell?.impact,
    basis: filters.cell ? filters.basis : undefined,
    sort: filters.sort,
    direction: filters.direction,
  };
}

export function hasRiskFilters(filters: RiskFilters): boolean {
  return Boolean(filters.q || filters.status || filters.level || filters.owner || filters.category || filters.overAppetite || filters.reviewDue || filters.cell);
}

export function useRiskFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readRiskFilters(params), [params]);
  const update = useCallback(
    (change: Partial<RiskFilters>) => setParams((current) => writeRiskFilters({ ...readRiskFilters(current), ...change }), { replace: true }),
    [setParams],
  );
  const clear = useCallback(
    () => setParams((current) => writeRiskFilters({ ...readRiskFilters(new URLSearchParams()), basis: readRiskFilters(current).basis }), { replace: true }),
    [setParams],
  );
  return { filters, update, clear };
}
