import type { AlertRuleRecord } from '../../services/alert-rules/alert-rule-record.js';

export function presentAlertRule(rule: AlertRuleRecord) {
  return {
    id: rule.id,
    kind: rule.kind,
    name: rule.name,
    enabled: rule.enabled,
    conditions: { ...rule.conditions } as Record<string, unknown>,
    fields: rule.fields,
    window_seconds: rule.window_seconds,
    until: rule.until,
    incident_id: rule.incident_id,
    matched_count: rule.matched_count,
    created_at: rule.created_at,
    created_by: rule.created_by,
    updated_at: rule.updated_at,
    version: rule.version,
  };
}
