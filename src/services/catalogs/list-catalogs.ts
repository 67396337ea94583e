import { listCatalogs as catalogRows } from '../../store/repositories/catalogs.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toCatalogRecord, type CatalogRecord } from './catalog-record.js';

/** The organisation's control catalogs, by name. */
export async function listCatalogs(ctx: ServiceContext): Promise<CatalogRecord[]> {
  authorize(ctx.actor, 'risk.read');
  return (await catalogRows(ctx.database.db, ctx.actor.organisationId)).map(toCatalogRecord);
}
