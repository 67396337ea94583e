import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { catalogNames, listControls as queryControls } from '../../store/repositories/controls.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toControlRecord, type ControlRecord } from './control-record.js';

export interface ControlListInput {
  /** A catalog id, or `custom` for the organisation's own controls. */
  catalog_id?: string | undefined;
  family?: string | undefined;
  implementation_statuses?: string[] | undefined;
  q?: string | undefined;
  relied_on?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

export type ListedControl = ControlRecord & { catalog_name: string | null };

/** Controls in the order they were added (an imported catalog in its own order). */
export async function listControls(ctx: ServiceContext, input: ControlListInput): Promise<Page<ListedControl>> {
  authorize(ctx.actor, 'risk.read');
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const db = ctx.database.db;
  const rows = await queryControls(db, ctx.database.engine, {
    organisationId: ctx.actor.organisationId,
    catalogId: input.catalog_id === 'custom' ? null : input.catalog_id,
    family: input.family,
    statuses: input.implementation_statuses,
    q: input.q?.trim() || undefined,
    reliedOn: input.relied_on,
    afterId: after?.id,
    limit: input.limit,
  });
  const page = rows.slice(0, input.limit).map(toControlRecord);
  const names = await catalogNames(db, [...new Set(page.flatMap((c) => (c.catalog_id ? [c.catalog_id] : [])))]);
  const last = page[page.length - 1];
  return {
    items: page.map((c) => ({ ...c, catalog_name: c.catalog_id ? (names.get(c.catalog_id) ?? null) : null })),
    next_cursor: rows.length > input.limit && last ? encodeCursor({ value: null, id: last.id }) : null,
  };
}
