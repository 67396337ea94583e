import { responseMetrics } from '../../domain/metrics.js';
import type { Phase } from '../../domain/lifecycle.js';
import type { IncidentRecord } from '../../services/incidents/incident-record.js';
import type { MemberRecord } from '../../services/members/member-record.js';
import { presentMember } from './member.js';

/** The public shape of an incident: the record without tenancy columns, with its response metrics. */
export function presentIncident(incident: IncidentRecord) {
  const { organisation_id: _organisation, ...visible } = incident;
  return { ...visible, metrics: responseMetrics(incident) };
}

export function presentIncidentDetail(overview: {
  incident: IncidentRecord;
  members: MemberRecord[];
  phaseChanges: Array<{ id: string; from_phase: string; to_phase: string; reason: string | null; at: string; actor_id: string }>;
}) {
  return {
    ...presentIncident(overview.incident),
    members: overview.members.map(presentMember),
    phase_changes: overview.phaseChanges.map(({ id, from_phase, to_phase, reason, at, actor_id }) => ({ id, from_phase: from_phase as Phase, to_phase: to_phase as Phase, reason, at, actor_id })),
  };
}
