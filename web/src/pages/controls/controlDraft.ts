// No relative imports here: the unit tests load this file under Node's module rules.

/** The organisation's fields of a control as a form holds them. */
export interface ControlDraft {
  implementation_status: string;
  owner_id: string | null;
  effectiveness: number | null;
  maturity: number | null;
  /** YYYY-MM-DD in the viewer's zone, '' for none. */
  last_tested_at: string;
  next_test_at: string;
  evidence_notes: string;
}

interface ControlFields {
  implementation_status: string;
  owner_id: string | null;
  effectiveness: number | null;
  maturity: number | null;
  last_tested_at: string | null;
  next_test_at: string | null;
  evidence_notes: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the viewer's calendar date for <input type="date">; '' for none. */
export function toDateInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date input's value as the instant of that day's start in the viewer's zone; null for none. */
export function fromDateInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function toControlDraft(control: ControlFields): ControlDraft {
  return {
    implementation_status: control.implementation_status,
    owner_id: control.owner_id,
    effectiveness: control.effectiveness,
    maturity: control.maturity,
    last_tested_at: toDateInput(control.last_tested_at),
    next_test_at: toDateInput(control.next_test_at),
    evidence_notes: control.evidence_notes,
  };
}

/** Only what the user changed against the version editing began with, as PATCH /controls/{id} takes it. */
export function controlChanges(base: ControlFields, draft: ControlDraft): Partial<ControlFields> {
  const changes: Partial<ControlFields> = {};
  if (draft.implementation_status !== base.implementation_status) changes.implementation_status = draft.implementation_status;
  if ((draft.owner_id ?? null) !== base.owner_id) changes.owner_id = draft.owner_id ?? null;
  if (draft.effectiveness !== base.effectiveness) changes.effectiveness = draft.effectiveness;
  if (draft.maturity !== base.maturity) changes.maturity = draft.maturity;
  for (const key of ['last_tested_at', 'next_test_at'] as const) {
    if (draft[key] !== toDateInput(base[key])) changes[key] = fromDateInput(draft[key]);
  }
  if (draft.evidence_notes !== base.evidence_notes) changes.evidence_notes = draft.evidence_notes;
  return changes;
}

/** The fields someone else changed between the version the user began with and the one now current. */
export function changedFields(base: ControlFields, current: ControlFields): Array<keyof ControlFields> {
  const keys: Array<keyof ControlFields> = ['implementation_status', 'owner_id', 'effectiveness', 'maturity', 'last_tested_at', 'next_test_at', 'evidence_notes'];
  return keys.filter((key) => JSON.stringify(base[key]) !== JSON.stringify(current[key]));
}
