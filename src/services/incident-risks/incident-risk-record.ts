import { readJson } from '../../store/dialect.js';
import type { Playbook } from '../risks/risk-record.js';

/** What an incident shows of a register risk. */
export interface RiskRef {
  id: string;
  number: string;
  title: string;
  category: string;
  status: string;
  inherent_level: string;
  residual_level: string;
  owner_id: string | null;
}

/** A risk the incident materialised. */
export interface IncidentRisk {
  incident_id: string;
  risk_id: string;
  risk: RiskRef;
  note: string;
  linked_at: string;
  linked_by: string;
  linked_by_name: string;
}

type RiskColumns = Omit<RiskRef, 'id'> & { playbooks?: unknown };

export function toRiskRef(id: string, row: RiskColumns): RiskRef {
  return { id, number: row.number, title: row.title, category: row.category, status: row.status, inherent_level: row.inherent_level, residual_level: row.residual_level, owner_id: row.owner_id };
}

export function playbooksOf(value: unknown): Playbook[] {
  return value === null || value === undefined ? [] : readJson<Playbook[]>(value);
}

export function toIncidentRisk(incidentId: string, row: RiskColumns & { risk_id: string; note: string; linked_at: string; linked_by: string; linked_by_name: string | null }): IncidentRisk {
  return {
    incident_id: incidentId,
    risk_id: row.risk_id,
    risk: toRiskRef(row.risk_id, row),
    note: row.note,
    linked_at: row.linked_at,
    linked_by: row.linked_by,
    linked_by_name: row.linked_by_name ?? row.linked_by,
  };
}
