import type { Tlp } from '../../domain/incident.js';
import type { ObservableType } from '../../domain/observables.js';
import { readBool, readJson } from '../../store/dialect.js';
import type { SightingView } from '../../store/repositories/observables.js';
import type { ObservableRow } from '../../store/schema.js';

/** The organisation-wide observable: one per type and normalised value. */
export interface ObservableRecord {
  id: string;
  type: ObservableType;
  value: string;
  ignore_similarity: boolean;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Where an observable was seen: on one alert or one incident, with that context's flags. */
export interface SightingRecord {
  id: string;
  observable: { id: string; type: ObservableType; value: string; ignore_similarity: boolean };
  subject: SightingSubject;
  ioc: boolean;
  sighted: boolean;
  tlp: Tlp;
  tags: string[];
  note: string;
  count: number;
  first_seen_at: string;
  last_seen_at: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
  /** On an incident's or alert's list: how many other alerts and incidents (that the viewer may see) it appears on. */
  seen_elsewhere?: number;
}

export type SightingSubject =
  | { type: 'incident'; id: string; number: string; title: string; phase: string; severity: number }
  | { type: 'alert'; id: string; title: string; source: string; status: string; severity: number };

export function toObservableRecord(row: ObservableRow): ObservableRecord {
  return {
    id: row.id,
    type: row.type as ObservableType,
    value: row.value,
    ignore_similarity: readBool(row.ignore_similarity),
    created_at: row.created_at,
    updated_at: row.updated_at,
    version: Number(row.version),
  };
}

export function toSightingRecord(row: SightingView & { seen_elsewhere?: number }): SightingRecord {
  const subject: SightingSubject =
    row.subject_type === 'incident'
      ? { type: 'incident', id: row.subject_id, number: row.incident_number ?? '', title: row.incident_title ?? '', phase: row.incident_phase ?? '', severity: Number(row.incident_severity) }
      : { type: 'alert', id: row.subject_id, title: row.alert_title ?? '', source: row.alert_source ?? '', status: row.alert_status ?? '', severity: Number(row.alert_severity) };
  return {
    id: row.id,
    observable: { id: row.observable_id, type: row.observable_type as ObservableType, value: row.observable_value, ignore_similarity: readBool(row.ignore_similarity) },
    subject,
    ioc: readBool(row.ioc),
    sighted: readBool(row.sighted),
    tlp: row.tlp as Tlp,
    tags: readJson<string[]>(row.tags),
    note: row.note,
    count: Number(row.count),
    first_seen_at: row.first_seen_at,
    last_seen_at: row.last_seen_at,
    created_at: row.created_at,
    created_by: row.created_by,
    updated_at: row.updated_at,
    version: Number(row.version),
    ...(row.seen_elsewhere !== undefined ? { seen_elsewhere: row.seen_elsewhere } : {}),
  };
}
