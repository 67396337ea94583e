import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { listRiskSimulations as querySimulations } from '../../store/repositories/simulations.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { loadRisk } from '../risks/load-risk.js';
import { toSimulationRecord, type SimulationRecord } from './simulation-record.js';

/** A risk's kept simulations, newest first, paged. */
export async function listRiskSimulations(ctx: ServiceContext, idOrNumber: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<SimulationRecord>> {
  authorize(ctx.actor, 'risk.read');
  const risk = await loadRisk(ctx.database.db, ctx.actor.organisationId, idOrNumber);
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  if (page.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const rows = await querySimulations(ctx.database.db, ctx.actor.organisationId, risk.id, after ?? undefined, page.limit);
  const items = rows.slice(0, page.limit).map(toSimulationRecord);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > page.limit && last ? encodeCursor({ value: last.created_at, id: last.id }) : null };
}
