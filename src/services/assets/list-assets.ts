import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { listAssets as queryAssets } from '../../store/repositories/assets.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toAssetRecord, type AssetRecord } from './asset-record.js';

export interface AssetListInput {
  kinds?: string[] | undefined;
  criticalities?: string[] | undefined;
  classification?: string | undefined;
  q?: string | undefined;
  include_retired?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The organisation's assets by name; retired ones only when asked for. */
export async function listAssets(ctx: ServiceContext, input: AssetListInput): Promise<Page<AssetRecord>> {
  authorize(ctx.actor, 'risk.read');
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const rows = await queryAssets(ctx.database.db, ctx.database.engine, {
    organisationId: ctx.actor.organisationId,
    kinds: input.kinds,
    criticalities: input.criticalities,
    classification: input.classification,
    q: input.q?.trim() || undefined,
    includeRetired: input.include_retired,
    after: after ?? undefined,
    limit: input.limit,
  });
  const items = rows.slice(0, input.limit).map(toAssetRecord);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > input.limit && last ? encodeCursor({ value: last.name, id: last.id }) : null };
}
