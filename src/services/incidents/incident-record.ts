import type { Resolution, Severity, Tlp } from '../../domain/incident.js';
import type { Phase } from '../../domain/lifecycle.js';
import type { FunctionalImpact, InformationImpact, Recoverability } from '../../domain/severity.js';
import { readBool, readJson } from '../../store/dialect.js';
import type { IncidentRow } from '../../store/schema.js';

/** An incident as services hand it out: typed, tags parsed, flags as booleans. */
export interface IncidentRecord {
  id: string;
  organisation_id: string;
  number: string;
  title: string;
  summary: string;
  category: string;
  severity: Severity;
  functional_impact: FunctionalImpact | null;
  information_impact: InformationImpact | null;
  recoverability: Recoverability | null;
  tlp: Tlp;
  tags: string[];
  restricted: boolean;
  phase: Phase;
  resolution: Resolution | null;
  occurred_at: string | null;
  detected_at: string;
  reported_at: string | null;
  acknowledged_at: string | null;
  contained_at: string | null;
  eradicated_at: string | null;
  recovered_at: string | null;
  closed_at: string | null;
  review_completed_at: string | null;
  review_completed_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export function toIncidentRecord(row: IncidentRow): IncidentRecord {
  return {
    ...row,
    severity: Number(row.severity) as Severity,
    functional_impact: row.functional_impact as FunctionalImpact | null,
    information_impact: row.information_impact as InformationImpact | null,
    recoverability: row.recoverability as Recoverability | null,
    tlp: row.tlp as Tlp,
    tags: readJson<string[]>(row.tags),
    restricted: readBool(row.restricted),
    phase: row.phase as Phase,
    resolution: row.resolution as Resolution | null,
    version: Number(row.version),
  };
}
