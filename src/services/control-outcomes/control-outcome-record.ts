import type { ControlOutcome as OutcomeKind } from '../../domain/risk-suggestions.js';
import type { ControlOutcomeRow } from '../../store/schema.js';

/** What a control did in one incident, with the control it is about. */
export interface ControlOutcomeRecord {
  id: string;
  incident_id: string;
  control_id: string;
  control: { id: string; ref: string; title: string; implementation_status: string; effectiveness: number | null };
  outcome: OutcomeKind;
  note: string;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
  updated_at: string;
  version: number;
}

type ControlColumns = { ref: string; title: string; implementation_status: string; effectiveness: number | null };

/** Only the control's columns an outcome shows (its id, version and times are not the outcome's). */
export function controlColumns(control: ControlColumns): ControlColumns {
  return { ref: control.ref, title: control.title, implementation_status: control.implementation_status, effectiveness: control.effectiveness };
}

export function toControlOutcomeRecord(row: ControlOutcomeRow & ControlColumns & { recorded_by_name: string | null }): ControlOutcomeRecord {
  return {
    id: row.id,
    incident_id: row.incident_id,
    control_id: row.control_id,
    control: { id: row.control_id, ref: row.ref, title: row.title, implementation_status: row.implementation_status, effectiveness: row.effectiveness === null ? null : Number(row.effectiveness) },
    outcome: row.outcome as OutcomeKind,
    note: row.note,
    recorded_at: row.recorded_at,
    recorded_by: row.recorded_by,
    recorded_by_name: row.recorded_by_name ?? row.recorded_by,
    updated_at: row.updated_at,
    version: Number(row.version),
  };
}
