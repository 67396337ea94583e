import type { AlertRuleKind, RuleConditions } from '../../domain/alert-rules.js';
import { readBool, readJson } from '../../store/dialect.js';
import type { AlertRuleRow } from '../../store/schema.js';

/** An ingestion rule as services hand it out: typed, JSON parsed. */
export interface AlertRuleRecord {
  id: string;
  kind: AlertRuleKind;
  name: string;
  enabled: boolean;
  conditions: RuleConditions;
  fields: string[];
  window_seconds: number | null;
  until: string | null;
  incident_id: string | null;
  matched_count: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

export function toAlertRuleRecord(row: AlertRuleRow): AlertRuleRecord {
  return {
    id: row.id,
    kind: row.kind as AlertRuleKind,
    name: row.name,
    enabled: readBool(row.enabled),
    conditions: readJson<RuleConditions>(row.conditions),
    fields: readJson<string[]>(row.fields),
    window_seconds: row.window_seconds === null ? null : Number(row.window_seconds),
    until: row.until,
    incident_id: row.incident_id,
    matched_count: Number(row.matched_count),
    created_at: row.created_at,
    created_by: row.created_by,
    updated_at: row.updated_at,
    version: Number(row.version),
  };
}
