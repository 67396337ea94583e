import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { RISK_NUMBER_PATTERN } from '../../domain/risk.js';
import { levelRank } from '../../domain/risk-matrix.js';
import { searchTerms } from '../../domain/search.js';
import { listRisks as queryRisks, type RiskSortField } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toRiskRecord, type RiskRecord } from './risk-record.js';
import { riskMatrixOf } from './risk-settings.js';

export interface RiskListInput {
  statuses?: string[] | undefined;
  owner_id?: string | undefined;
  categories?: string[] | undefined;
  levels?: string[] | undefined;
  inherent_levels?: string[] | undefined;
  over_appetite?: boolean | undefined;
  /** A heat-map cell: all three or none. */
  likelihood?: string | undefined;
  impact?: string | undefined;
  basis?: 'inherent' | 'residual' | undefined;
  asset_id?: string | undefined;
  review_due?: boolean | undefined;
  q?: string | undefined;
  sort?: RiskSortField | undefined;
  direction?: 'asc' | 'desc' | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The register: filtered, sorted (by default the highest residual level first), keyset-paged. */
export async function listRisks(ctx: ServiceContext, input: RiskListInput): Promise<Page<RiskRecord>> {
  authorize(ctx.actor, 'risk.read');
  if ((input.likelihood === undefined) !== (input.impact === undefined)) {
    throw invalid('A heat-map cell is a likelihood and an impact together.', [{ path: input.likelihood === undefined ? 'likelihood' : 'impact', message: 'give likelihood and impact together' }]);
  }
  const sort = input.sort ?? 'residual_level';
  const direction = input.direction ?? (sort === 'number' || sort === 'next_review_at' ? 'asc' : 'desc');
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const matrix = await riskMatrixOf(ctx.database.db, ctx.actor.organisationId);
  const levelOrder = matrix.levels.map((l) => l.id);
  const q = input.q?.trim();
  const rows = await queryRisks(ctx.database.db, ctx.database.engine, {
    organisationId: ctx.actor.organisationId,
    statuses: input.statuses,
    ownerId: input.owner_id === 'me' ? ctx.actor.userId : input.owner_id,
    categories: input.categories,
    residualLevels: input.levels,
    inherentLevels: input.inherent_levels,
    overAppetite: input.over_appetite,
    cell: input.likelihood !== undefined && input.impact !== undefined ? { basis: input.basis ?? 'residual', likelihood: input.likelihood, impact: input.impact } : undefined,
    assetId: input.asset_id,
    reviewDueBy: input.review_due ? ctx.clock.now() : undefined,
    searchTerms: q ? searchTerms(q) : undefined,
    number: q && RISK_NUMBER_PATTERN.test(q) ? q.toUpperCase() : undefined,
    sort,
    direction,
    levelOrder,
    after: after ?? undefined,
    limit: input.limit,
  });
  const items = rows.slice(0, input.limit).map(toRiskRecord);
  const last = items[items.length - 1];
  const cursorValue = (r: RiskRecord) => (sort === 'residual_level' ? levelRank(matrix, r.residual_level) : r[sort]);
  return { items, next_cursor: rows.length > input.limit && last ? encodeCursor({ value: cursorValue(last), id: last.id }) : null };
}
