import { notFound, stale } from '../../domain/errors.js';
import { findCommunication, updateCommunication } from '../../store/repositories/communications.js';
import type { CommunicationRow } from '../../store/schema.js';
import type { TimelineKind } from '../timeline/record-timeline-entry.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import type { UnitOfWork } from '../transaction.js';

/**
 * A communication for a change, with its incident locked: 404 when the communication does not exist
 * or its incident is restricted and hidden from the actor; 412 when `expectedVersion` is not current.
 */
export async function loadCommunicationForChange(uow: UnitOfWork, id: string, expectedVersion?: number): Promise<{ row: CommunicationRow; incident: IncidentRecord }> {
  const found = await findCommunication(uow.db, uow.actor.organisationId, id);
  if (!found) throw notFound(`Communication ${id}`);
  const incident = await loadIncidentForChange(uow, found.incident_id).catch(() => {
    throw notFound(`Communication ${id}`);
  });
  // Read again under the incident lock: every change to a communication holds it.
  const row = (await findCommunication(uow.db, uow.actor.organisationId, id))!;
  if (expectedVersion !== undefined && expectedVersion !== Number(row.version)) throw stale(Number(row.version));
  return { row, incident };
}

/** Writes one step of the workflow with its timeline entry, audit entry and live event. */
export async function recordCommunicationStep(
  uow: UnitOfWork,
  incident: IncidentRecord,
  row: CommunicationRow,
  changes: Partial<CommunicationRow>,
  step: { action: string; timeline?: { kind: TimelineKind; body: string; comment?: string | null; details?: Record<string, unknown> }; audit?: Record<string, unknown> },
): Promise<CommunicationRow> {
  const version = Number(row.version);
  const columns = { ...changes, updated_at: uow.now, updated_by: uow.actor.userId };
  if (!(await updateCommunication(uow.db, row.id, version, columns))) throw stale(version + 1);
  const next: CommunicationRow = { ...row, ...columns, version: version + 1 };
  if (step.timeline) {
    await recordTimelineEntry(uow, incident, {
      kind: step.timeline.kind,
      body: step.timeline.body,
      details: { communication_id: row.id, audience: row.audience, channel: row.channel, status: next.status, ...(step.timeline.comment ? { comment: step.timeline.comment } : {}), ...(step.timeline.details ?? {}) },
    });
  }
  await uow.audit(`communication.${step.action}`, { type: 'communication', id: row.id }, { incident_id: incident.id, status: next.status, version: next.version, ...(step.audit ?? {}) });
  uow.emit({ type: `communication.${eventName(step.action)}`, incident_id: incident.id, restricted: incident.restricted, entity_id: row.id, version: next.version });
  return next;
}

const eventName = (action: string) => ({ update: 'updated', submit: 'submitted', review: 'reviewed', approve: 'approved', send: 'sent', withdraw: 'withdrawn' })[action] ?? action;
