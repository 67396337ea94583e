import { fromLocalInput, toLocalInput } from '../../format/time';
import { conditionsToRows, rowsToConditions, type ConditionRow } from './conditions';
import type { NewAlertRule } from './useAlertRules';
import type { AlertRule, AlertRuleKind } from './types';

/** The form's state: conditions as rows, the window in minutes, the end as a local date-time. */
export interface RuleDraft {
  kind: AlertRuleKind;
  name: string;
  conditions: ConditionRow[];
  fields: string[];
  windowMinutes: number | string;
  until: string;
  incidentId: string;
}

export const emptyDraft = (kind: AlertRuleKind = 'fingerprint'): RuleDraft => ({
  kind, name: '', conditions: [], fields: kind === 'fingerprint' || kind === 'correlate' ? ['source', 'title'] : [],
  windowMinutes: 60, until: '', incidentId: '',
});

/** An existing rule as a draft, for editing. */
export function ruleToDraft(rule: AlertRule): RuleDraft {
  return {
    kind: rule.kind,
    name: rule.name,
    conditions: conditionsToRows(rule.conditions),
    fields: [...rule.fields],
    windowMinutes: rule.window_seconds === null ? 60 : Math.round(rule.window_seconds / 60),
    until: rule.until ? toLocalInput(rule.until) : '',
    incidentId: rule.incident_id ?? '',
  };
}

/** The API body for the draft; fields a kind does not use are left out, so the server's checks speak to what the user sees. */
export function draftToRule(draft: RuleDraft): NewAlertRule {
  const usesFields = draft.kind === 'fingerprint' || draft.kind === 'correlate';
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    conditions: rowsToConditions(draft.conditions),
    fields: usesFields ? draft.fields : [],
    window_seconds: usesFields && draft.windowMinutes !== '' ? Math.round(Number(draft.windowMinutes) * 60) : null,
    until: draft.kind === 'snooze' && draft.until ? fromLocalInput(draft.until) : null,
    incident_id: draft.kind === 'attach' ? draft.incidentId.trim() || null : null,
  };
}
