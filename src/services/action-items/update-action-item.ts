import { can } from '../../domain/access.js';
import { BulwarkError, forbidden, notFound, stale } from '../../domain/errors.js';
import type { ActionItemKind, ActionItemStatus } from '../../domain/review.js';
import { toInstant, type Instant } from '../../domain/time.js';
import { findActionItem, updateActionItem as writeActionItem } from '../../store/repositories/action-items.js';
import type { ActionItemRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { runInTransaction } from '../transaction.js';
import { toActionItemRecord, type ActionItemRecord } from './action-item-record.js';
import { checkActionItemLinks } from './check-action-item-links.js';
import { requireActionItemOwner } from './require-action-item-owner.js';

export interface ActionItemChanges {
  title?: string | undefined;
  description?: string | undefined;
  kind?: ActionItemKind | undefined;
  owner_id?: string | null | undefined;
  due_at?: Instant | null | undefined;
  status?: ActionItemStatus | undefined;
  control_id?: string | null | undefined;
  risk_id?: string | null | undefined;
}

type Field = keyof ActionItemChanges;

const currentValue = (item: ActionItemRecord, field: Field): unknown => (field === 'owner_id' ? (item.owner?.id ?? null) : item[field]);

/**
 * Edits an action item at the version the editor saw (review.write); its owner may change its status
 * without that permission. Done stamps done_at; any other status clears it. An item of a restricted
 * incident the caller may not see is simply not found.
 */
export async function updateActionItem(ctx: ServiceContext, id: string, expectedVersion: number, changes: ActionItemChanges): Promise<ActionItemRecord> {
  const writer = can(ctx.actor.role, 'review.write');
  if (!writer && !can(ctx.actor.role, 'incident.read')) throw forbidden('Your role cannot change action items.');
  return runInTransaction(ctx, async (uow) => {
    const found = await findActionItem(uow.db, uow.actor.organisationId, id);
    if (!found?.incident_id) throw notFound(`Action item ${id}`);
    const incident = await loadIncidentForChange(uow, found.incident_id).catch((error: unknown) => {
      throw error instanceof BulwarkError && error.kind === 'not_found' ? notFound(`Action item ${id}`) : error;
    });
    // Read again under the incident lock, which every writer of its action items holds.
    const before = toActionItemRecord((await findActionItem(uow.db, uow.actor.organisationId, id))!, uow.now);
    const next: ActionItemChanges = { ...changes };
    if (next.title !== undefined) next.title = next.title.trim();
    if (next.due_at) next.due_at = toInstant(next.due_at);
    const changed = (Object.keys(next) as Field[]).filter((f) => next[f] !== undefined && next[f] !== currentValue(before, f));
    if (!writer && (before.owner?.id !== uow.actor.userId || changed.some((f) => f !== 'status'))) {
      throw forbidden('Only the action item’s owner may change its status; other changes need a role that writes reviews (responders, incident managers, administrators).');
    }
    if (expectedVersion !== before.version) throw stale(before.version);
    if (changed.length === 0) return before;
    if (changed.includes('owner_id') && next.owner_id) await requireActionItemOwner(uow, incident, next.owner_id);
    await checkActionItemLinks(uow, { control_id: changed.includes('control_id') ? next.control_id : null, risk_id: changed.includes('risk_id') ? next.risk_id : null });

    const columns: Partial<ActionItemRow> = { updated_at: uow.now, updated_by: uow.actor.userId };
    for (const field of changed) (columns as Record<string, unknown>)[field] = next[field];
    if (changed.includes('status')) columns.done_at = next.status === 'done' ? uow.now : null;
    if (!(await writeActionItem(uow.db, before.id, before.version, columns))) throw stale(before.version + 1);

    const diff = Object.fromEntries(changed.map((f) => [f, { from: f === 'description' ? { length: String(currentValue(before, f)).length } : currentValue(before, f), to: f === 'description' ? { length: String(next[f]).length } : next[f] }]));
    await uow.audit('action_item.update', { type: 'action_item', id: before.id }, { incident_id: incident.id, version: before.version + 1, changes: diff });
    uow.emit({ type: 'action_item.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: before.id, version: before.version + 1 });
    return toActionItemRecord((await findActionItem(uow.db, uow.actor.organisationId, before.id))!, uow.now);
  });
}
