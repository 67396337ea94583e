import type { RuleConditions } from './conditions';

export type { RuleConditions };
export type AlertRuleKind = 'fingerprint' | 'snooze' | 'correlate' | 'attach';

export interface AlertRule {
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
  updated_at: string;
  version: number;
}

export const KIND_LABELS: Record<AlertRuleKind, string> = {
  fingerprint: 'De-duplicate',
  snooze: 'Snooze',
  correlate: 'Correlate',
  attach: 'Attach to incident',
};

export const KIND_HELP: Record<AlertRuleKind, string> = {
  fingerprint: 'Alerts with the same values of the chosen fields, within the window, fold into the first open one.',
  snooze: 'Matching alerts are dropped until the rule ends, and counted.',
  correlate: 'Alerts with the same values of the chosen fields, within the window, share a group in the queue.',
  attach: 'New matching alerts are attached to an open incident, with a line on its timeline.',
};
