import type { StoredIncidentFacts } from '../../domain/obligations/incident-facts.js';
import { DECISION_KINDS, type DecisionKind, type DecisionRecord } from '../../domain/obligations/types.js';
import { readBool, readJson } from '../../store/dialect.js';
import type { DecisionRow, IncidentFactsRow } from '../../store/schema.js';

export interface IncidentFactsRecord extends StoredIncidentFacts {
  incident_id: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export const EMPTY_FACT_TEXTS = { data_categories: [], subject_categories: [], nature: '', likely_consequences: '', measures_taken: '', measures_proposed: '' };

export function storedFactsOf(row: IncidentFactsRow): StoredIncidentFacts {
  return { ...EMPTY_FACT_TEXTS, ...readJson<StoredIncidentFacts>(row.facts) };
}

export function toFactsRecord(row: IncidentFactsRow): IncidentFactsRecord {
  return { incident_id: row.incident_id, ...storedFactsOf(row), version: Number(row.version), updated_at: row.updated_at, updated_by: row.updated_by };
}

/** The decisions that start clocks: current (not superseded), "yes", of a kind the engine knows. */
export function clockDecisions(rows: readonly DecisionRow[]): DecisionRecord[] {
  return rows
    .filter((d) => d.superseded_by === null && readBool(d.outcome) && (DECISION_KINDS as readonly string[]).includes(d.kind))
    .map((d) => ({ kind: d.kind as DecisionKind, at: d.decided_at }));
}
