import { toInstant, type Instant } from '../../domain/time.js';
import { appendTimelineEntry } from '../../store/repositories/timeline.js';
import type { TimelineEntryRow } from '../../store/schema.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import type { UnitOfWork } from '../transaction.js';

/** Kinds of timeline entry: notes people write, and the automatic record of every change. */
export const TIMELINE_KINDS = [
  'note',
  'incident_opened',
  'incident_updated',
  'phase_changed',
  'role_assigned',
  'role_released',
  'task_created',
  'task_updated',
  'review_marked',
  'techniques_changed',
  'alerts_merged',
  'alert_unmerged',
  'observables_added',
  'observable_updated',
  'observable_removed',
  'risks_changed',
  'control_outcomes_changed',
  'escalation_sent',
  'escalation_acknowledged',
  'escalation_unanswered',
  'communication_drafted',
  'communication_reviewed',
  'communication_approved',
  'communication_sent',
  'communication_withdrawn',
  'status_update_due',
  'engagement_added',
  'engagement_updated',
  'facts_updated',
  'decision_recorded',
  'obligations_changed',
  'obligation_updated',
  'obligation_reminder',
  'evidence_added',
  'evidence_custody',
  'evidence_verified',
  'evidence_integrity_failed',
  'evidence_hold',
  'evidence_disposed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Adds an entry to the incident's hash-chained timeline and announces it. Caller holds the incident lock. */
export async function recordTimelineEntry(
  uow: UnitOfWork,
  incident: Pick<IncidentRecord, 'id' | 'organisation_id' | 'restricted'>,
  entry: { kind: TimelineKind; body?: string; details?: Record<string, unknown>; occurred_at?: Instant },
): Promise<TimelineEntryRow> {
  const row = await appendTimelineEntry(uow.db, {
    organisation_id: incident.organisation_id,
    incident_id: incident.id,
    kind: entry.kind,
    body: entry.body ?? '',
    details: entry.details ?? {},
    // Stored and hashed in the one instant format, so the chain verifies the same on both engines.
    occurred_at: entry.occurred_at ? toInstant(entry.occurred_at) : uow.now,
    recorded_at: uow.now,
    actor_id: uow.actor.userId,
  });
  uow.emit({ type: 'timeline.entry_added', incident_id: incident.id, restricted: incident.restricted, entity_id: row.id });
  return row;
}
