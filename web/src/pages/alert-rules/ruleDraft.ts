import { fromLocalInput } from '../../format/time';
import type { NewAlertRule } from './useAlertRules';
import type { AlertRuleKind } from './types';

/** The form's state: lists as entered, the window in minutes, the end as a local date-time. */
export interface RuleDraft {
  kind: AlertRuleKind;
  name: string;
  sources: string[];
  types: string[];
  severities: string[];
  tags: string[];
  titleContains: string;
  fields: string[];
  windowMinutes: number | string;
  until: string;
  incidentId: string;
}

export const emptyDraft = (kind: AlertRuleKind = 'fingerprint'): RuleDraft => ({
  kind, name: '', sources: [], types: [], severities: [], tags: [], titleContains: '', fields: kind === 'fingerprint' || kind === 'correlate' ? ['source', 'title'] : [],
  windowMinutes: 60, until: '', incidentId: '',
});

const present = <T>(list: T[]) => (list.length ? list : undefined);

/** The API body for the draft; fields a kind does not use are left out, so the server's checks speak to what the user sees. */
export function draftToRule(draft: RuleDraft): NewAlertRule {
  const usesFields = draft.kind === 'fingerprint' || draft.kind === 'correlate';
  const conditions = {
    source: present(draft.sources),
    type: present(draft.types),
    severity: present(draft.severities.map(Number)),
    tags: present(draft.tags),
    title_contains: draft.titleContains.trim() || undefined,
  };
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    conditions: JSON.parse(JSON.stringify(conditions)) as NewAlertRule['conditions'],
    fields: usesFields ? draft.fields : [],
    window_seconds: usesFields && draft.windowMinutes !== '' ? Math.round(Number(draft.windowMinutes) * 60) : null,
    until: draft.kind === 'snooze' ? fromLocalInput(draft.until) : null,
    incident_id: draft.kind === 'attach' ? draft.incidentId.trim() || null : null,
  };
}
