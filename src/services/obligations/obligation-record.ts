import { inZone } from '../../domain/clocks.js';
import type { ObligationStatus } from '../../domain/obligations/incident-facts.js';
import { shownStatus } from '../../domain/obligations/status.js';
import type { Instant } from '../../domain/time.js';
import { readBool, readJson } from '../../store/dialect.js';
import type { ObligationRow } from '../../store/schema.js';

export interface ObligationView {
  id: string;
  incident_id: string;
  incident?: { number: string; title: string; restricted: boolean };
  regime: string;
  regime_name: string;
  stage: string;
  state: string | null;
  recipient: string;
  deadline_utc: Instant | null;
  /** In the recipient's (regulator's) zone, with its offset. */
  deadline: string | null;
  time_zone: string;
  deadline_organisation: string | null;
  organisation_time_zone: string;
  deadline_kind: 'legal' | 'target';
  without_undue_delay: boolean;
  time_left_seconds: number | null;
  status: ObligationStatus;
  stored_status: ObligationStatus;
  status_reason: string;
  reference: string;
  submitted_at: Instant | null;
  delay_reason: string;
  reminder_level: number;
  basis: string;
  clock: { start: string; started_at: string; rule: string };
  version: number;
  updated_at: Instant;
}

type Row = ObligationRow & { incident_number?: string; incident_title?: string; incident_restricted?: unknown };

/** An obligation as people read it: the deadline in UTC, the regulator's and the organisation's zones, the time left, the status now. */
export function toObligationView(row: Row, organisationZone: string, now: Instant): ObligationView {
  const clock = readJson<{ start: string; started_at: string; rule: string; regime_name?: string; without_undue_delay?: boolean }>(row.clock);
  const status = row.status as ObligationStatus;
  return {
    id: row.id,
    incident_id: row.incident_id,
    ...(row.incident_number !== undefined ? { incident: { number: row.incident_number, title: row.incident_title ?? '', restricted: readBool(row.incident_restricted) } } : {}),
    regime: row.regime,
    regime_name: clock.regime_name ?? row.regime,
    stage: row.stage,
    state: row.state || null,
    recipient: row.recipient,
    deadline_utc: row.deadline,
    deadline: row.deadline ? inZone(row.deadline, row.time_zone) : null,
    time_zone: row.time_zone,
    deadline_organisation: row.deadline ? inZone(row.deadline, organisationZone) : null,
    organisation_time_zone: organisationZone,
    deadline_kind: row.deadline_kind === 'target' ? 'target' : 'legal',
    without_undue_delay: clock.without_undue_delay ?? false,
    time_left_seconds: row.deadline ? Math.round((Date.parse(row.deadline) - Date.parse(now)) / 1000) : null,
    status: shownStatus(status, row.deadline, now),
    stored_status: status,
    status_reason: row.status_reason,
    reference: row.reference,
    submitted_at: row.submitted_at,
    delay_reason: row.delay_reason,
    reminder_level: Number(row.reminder_level),
    basis: row.basis,
    clock: { start: clock.start, started_at: clock.started_at, rule: clock.rule },
    version: Number(row.version),
    updated_at: row.updated_at,
  };
}
