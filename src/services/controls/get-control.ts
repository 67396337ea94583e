import { notFound } from '../../domain/errors.js';
import { catalogNames, findControl, risksRelyingOn, type RelyingRisk } from '../../store/repositories/controls.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toControlRecord } from './control-record.js';
import type { ListedControl } from './list-controls.js';

export type ControlDetail = ListedControl & { risks: RelyingRisk[] };

/** One control with the risks that rely on it. */
export async function getControl(ctx: ServiceContext, id: string): Promise<ControlDetail> {
  authorize(ctx.actor, 'risk.read');
  const db = ctx.database.db;
  const row = await findControl(db, ctx.actor.organisationId, id);
  if (!row) throw notFound(`Control ${id}`);
  const control = toControlRecord(row);
  const names = await catalogNames(db, control.catalog_id ? [control.catalog_id] : []);
  return { ...control, catalog_name: control.catalog_id ? (names.get(control.catalog_id) ?? null) : null, risks: await risksRelyingOn(db, id) };
}
