import { responseMetrics } from '../../domain/metrics.js';
import type { IncidentRole } from '../../domain/access.js';
import type { Phase } from '../../domain/lifecycle.js';
import type { IncidentRecord } from '../../services/incidents/incident-record.js';

/** The public shape of an incident: the record without tenancy columns, with its response metrics. */
export function presentIncident(incident: IncidentRecord) {
  const { organisation_id: _organisation, ...visible } = incident;
  return { ...visible, metrics: responseMetrics(incident) };
}

export function presentIncidentDetail(overview: {
  incident: IncidentRecord;
  members: Array<{ id: string; user_id: string; user_name: string; user_email: string; role: string; assigned_at: string; assigned_by: string; released_at: string | null; released_by: string | null }>;
  phaseChanges: Array<{ id: string; from_phase: string; to_phase: string; reason: string | null; at: string; actor_id: string }>;
}) {
  return {
    ...presentIncident(overview.incident),
    members: overview.members.map(({ id, user_id, user_name, user_email, role, assigned_at, assigned_by, released_at, released_by }) => ({
      id, user_id, user_name, user_email, role: role as IncidentRole, assigned_at, assigned_by, released_at, released_by,
    })),
    phase_changes: overview.phaseChanges.map(({ id, from_phase, to_phase, reason, at, actor_id }) => ({ id, from_phase: from_phase as Phase, to_phase: to_phase as Phase, reason, at, actor_id })),
  };
}
