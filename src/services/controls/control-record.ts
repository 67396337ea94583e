import type { ImplementationStatus } from '../../domain/controls.js';
import type { ControlRow } from '../../store/schema.js';

/** A control as services hand it out. */
export interface ControlRecord {
  id: string;
  catalog_id: string | null;
  ref: string;
  title: string;
  description: string;
  family: string;
  parent_ref: string | null;
  position: number;
  implementation_status: ImplementationStatus;
  owner_id: string | null;
  effectiveness: number | null;
  maturity: number | null;
  last_tested_at: string | null;
  next_test_at: string | null;
  evidence_notes: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

const num = (v: number | null) => (v === null ? null : Number(v));

export function toControlRecord(row: ControlRow): ControlRecord {
  return {
    id: row.id,
    catalog_id: row.catalog_id,
    ref: row.ref,
    title: row.title,
    description: row.description,
    family: row.family,
    parent_ref: row.parent_ref,
    position: Number(row.position),
    implementation_status: row.implementation_status as ImplementationStatus,
    owner_id: row.owner_id,
    effectiveness: num(row.effectiveness),
    maturity: num(row.maturity),
    last_tested_at: row.last_tested_at,
    next_test_at: row.next_test_at,
    evidence_notes: row.evidence_notes,
    created_at: row.created_at,
    created_by: row.created_by,
    updated_at: row.updated_at,
    updated_by: row.updated_by,
    version: Number(row.version),
  };
}
