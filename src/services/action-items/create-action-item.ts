import { newId } from '../../domain/ids.js';
import type { ActionItemKind, ActionItemStatus } from '../../domain/review.js';
import { toInstant, type Instant } from '../../domain/time.js';
import { findActionItem, insertActionItem } from '../../store/repositories/action-items.js';
import { findReviewOfIncident } from '../../store/repositories/reviews.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toActionItemRecord, type ActionItemRecord } from './action-item-record.js';
import { checkActionItemLinks } from './check-action-item-links.js';
import { requireActionItemOwner } from './require-action-item-owner.js';

export interface CreateActionItemInput {
  title: string;
  description?: string | undefined;
  kind: ActionItemKind;
  owner_id?: string | null | undefined;
  due_at?: Instant | null | undefined;
  status?: ActionItemStatus | undefined;
  control_id?: string | null | undefined;
  risk_id?: string | null | undefined;
}

/** Adds an action item to the incident (and its review, once there is one). */
export async function createActionItem(ctx: ServiceContext, incidentId: string, input: CreateActionItemInput): Promise<ActionItemRecord> {
  authorize(ctx.actor, 'review.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    if (input.owner_id) await requireActionItemOwner(uow, incident, input.owner_id);
    await checkActionItemLinks(uow, input);
    const review = await findReviewOfIncident(uow.db, incident.id);
    const status = input.status ?? 'open';
    const id = newId('actionItem');
    await insertActionItem(uow.db, {
      id,
      organisation_id: incident.organisation_id,
      incident_id: incident.id,
      review_id: review?.id ?? null,
      title: input.title.trim(),
      description: input.description ?? '',
      kind: input.kind,
      owner_id: input.owner_id ?? null,
      due_at: input.due_at ? toInstant(input.due_at) : null,
      status,
      control_id: input.control_id ?? null,
      risk_id: input.risk_id ?? null,
      done_at: status === 'done' ? uow.now : null,
      created_at: uow.now,
      created_by: uow.actor.userId,
      updated_at: uow.now,
      updated_by: uow.actor.userId,
      version: 1,
    });
    const item = toActionItemRecord((await findActionItem(uow.db, incident.organisation_id, id))!, uow.now);
    await uow.audit('action_item.create', { type: 'action_item', id }, { incident_id: incident.id, title: item.title, kind: item.kind, owner_id: item.owner?.id ?? null, due_at: item.due_at, status });
    uow.emit({ type: 'action_item.created', incident_id: incident.id, restricted: incident.restricted, entity_id: id, version: 1 });
    return item;
  });
}
