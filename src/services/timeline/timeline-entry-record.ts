import { readJson } from '../../store/dialect.js';
import type { TimelineEntryRow } from '../../store/schema.js';
import { SYSTEM_USER_ID } from '../context.js';
import type { TimelineKind } from './record-timeline-entry.js';

/** A timeline entry as services hand it out: details parsed, the actor named. */
export interface TimelineEntryRecord {
  id: string;
  incident_id: string;
  seq: number;
  kind: TimelineKind;
  body: string;
  details: Record<string, unknown>;
  /** When it happened, which a responder may set in the past. */
  occurred_at: string;
  /** When it was written. */
  recorded_at: string;
  actor: { id: string; name: string };
  hash: string;
}

export function actorName(actorId: string, userName: string | null): string {
  if (actorId === SYSTEM_USER_ID) return 'System';
  return userName ?? actorId;
}

export function toTimelineEntryRecord(row: TimelineEntryRow, userName: string | null): TimelineEntryRecord {
  return {
    id: row.id,
    incident_id: row.incident_id,
    seq: Number(row.seq),
    kind: row.kind as TimelineKind,
    body: row.body,
    details: readJson<Record<string, unknown>>(row.details),
    occurred_at: row.occurred_at,
    recorded_at: row.recorded_at,
    actor: { id: row.actor_id, name: actorName(row.actor_id, userName) },
    hash: row.hash,
  };
}
