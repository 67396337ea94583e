import { allowedNextStatuses, canMoveEngagement, checkEngagedAt, ENGAGEMENT_STATUS_LABELS, type EngagementStatus } from '../../domain/engagements.js';
import { BulwarkError, conflict, notFound, stale } from '../../domain/errors.js';
import { toInstant, type Instant } from '../../domain/time.js';
import { findEngagement, updateEngagement as writeEngagement } from '../../store/repositories/engagements.js';
import type { ThirdPartyEngagementRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { toEngagementRecord, type EngagementRecord } from './engagement-record.js';

export interface EngagementChanges {
  name?: string | undefined;
  contact?: string | undefined;
  contract_reference?: string | undefined;
  privileged?: boolean | undefined;
  engaged_at?: Instant | undefined;
  status?: EngagementStatus | undefined;
  notes?: string | undefined;
}
type Field = keyof EngagementChanges;

/** Loads an engagement under its incident's row lock; one of a restricted incident the actor may not see is simply not found. */
async function loadForChange(uow: UnitOfWork, id: string) {
  const found = await findEngagement(uow.db, uow.actor.organisationId, id);
  if (!found) throw notFound(`Engagement ${id}`);
  const incident = await loadIncidentForChange(uow, found.incident_id).catch((error: unknown) => {
    throw error instanceof BulwarkError && error.kind === 'not_found' ? notFound(`Engagement ${id}`) : error;
  });
  return { incident, engagement: toEngagementRecord((await findEngagement(uow.db, uow.actor.organisationId, id))!) };
}

/** Changes an engagement at the version the editor saw: usually its status, its privilege or notes. */
export async function updateEngagement(ctx: ServiceContext, id: string, expectedVersion: number, changes: EngagementChanges): Promise<EngagementRecord> {
  authorize(ctx.actor, 'incident.update');
  return runInTransaction(ctx, async (uow) => {
    const { incident, engagement: before } = await loadForChange(uow, id);
    if (expectedVersion !== before.version) throw stale(before.version);

    const next: EngagementChanges = { ...changes };
    if (next.name !== undefined) next.name = next.name.trim();
    if (next.contact !== undefined) next.contact = next.contact.trim();
    if (next.contract_reference !== undefined) next.contract_reference = next.contract_reference.trim();
    if (next.engaged_at) {
      next.engaged_at = toInstant(next.engaged_at);
      checkEngagedAt(next.engaged_at, uow.now);
    }
    const changed = (Object.keys(next) as Field[]).filter((f) => next[f] !== undefined && next[f] !== before[f]);
    if (changed.length === 0) return before;
    if (next.status && !canMoveEngagement(before.status, next.status)) {
      const allowed = allowedNextStatuses(before.status);
      throw conflict(`An engagement that is ${before.status} cannot become ${next.status}; it can become ${allowed.join(' or ')}.`, { allowed });
    }

    const columns: Partial<ThirdPartyEngagementRow> = { updated_at: uow.now, updated_by: uow.actor.userId };
    for (const field of changed) (columns as Record<string, unknown>)[field] = next[field];
    if (!(await writeEngagement(uow.db, before.id, before.version, columns))) throw stale(before.version + 1);

    const diff = Object.fromEntries(changed.map((f) => [f, { from: describe(f, before[f]), to: describe(f, next[f]) }]));
    const after = toEngagementRecord((await findEngagement(uow.db, uow.actor.organisationId, before.id))!);
    await recordTimelineEntry(uow, incident, { kind: 'engagement_updated', body: `${after.name}: ${summarise(changed, after)}`, details: { engagement_id: before.id, name: after.name, changes: diff } });
    await uow.audit('engagement.update', { type: 'engagement', id: before.id }, { incident_id: incident.id, version: after.version, changes: diff });
    uow.emit({ type: 'engagement.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: before.id, version: after.version });
    return after;
  });
}

/** Notes can be long: the timeline and audit log keep their length only. */
const describe = (field: Field, value: unknown): unknown => (field === 'notes' ? { length: String(value ?? '').length } : value);

function summarise(changed: Field[], after: EngagementRecord): string {
  const words: Record<Field, () => string> = {
    name: () => 'renamed',
    contact: () => 'contact changed',
    contract_reference: () => `contract ${after.contract_reference || 'removed'}`,
    privileged: () => (after.privileged ? 'now under legal privilege' : 'no longer under legal privilege'),
    engaged_at: () => 'engagement time corrected',
    status: () => ENGAGEMENT_STATUS_LABELS[after.status].toLowerCase(),
    notes: () => 'notes edited',
  };
  return changed.map((f) => words[f]()).join(', ');
}
