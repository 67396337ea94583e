import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { readJson } from '../../store/dialect.js';
import { listRiskHistory as queryHistory } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { loadRisk } from './load-risk.js';

export interface RiskHistoryRecord {
  id: string;
  risk_id: string;
  at: string;
  actor_id: string;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  reason: string;
  source: unknown;
  inherent_level: string;
  residual_level: string;
  annual_loss_mean: number | null;
}

/** Every change of a risk, oldest first, paged. */
export async function listRiskHistory(ctx: ServiceContext, idOrNumber: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<RiskHistoryRecord>> {
  authorize(ctx.actor, 'risk.read');
  const risk = await loadRisk(ctx.database.db, ctx.actor.organisationId, idOrNumber);
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  if (page.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const rows = await queryHistory(ctx.database.db, risk.id, after ?? undefined, page.limit);
  const items = rows.slice(0, page.limit).map(
    (r): RiskHistoryRecord => ({
      id: r.id,
      risk_id: r.risk_id,
      at: r.at,
      actor_id: r.actor_id,
      action: r.action,
      changes: readJson<RiskHistoryRecord['changes']>(r.changes),
      reason: r.reason,
      source: r.source === null ? null : readJson<unknown>(r.source),
      inherent_level: r.inherent_level,
      residual_level: r.residual_level,
      annual_loss_mean: r.annual_loss_mean === null ? null : Number(r.annual_loss_mean),
    }),
  );
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > page.limit && last ? encodeCursor({ value: last.at, id: last.id }) : null };
}
