import type { Incident } from '../../../api/types';
import { formatInstant, fromLocalInput, toLocalInput } from '../../../format/time';
import type { MetaLookup } from '../../../meta/useMeta';
import type { IncidentChanges } from '../useGuardedEdit';

export type FieldKey = keyof IncidentChanges & keyof Incident;

/** One editable incident field: how it reads, how it edits, and how a draft becomes a change. */
export interface FieldSpec {
  key: FieldKey;
  label: string;
  kind: 'select' | 'tags' | 'instant';
  /** For selects: the choices; a nullable select also offers "Not set". */
  options?(meta: MetaLookup): Array<{ value: string; label: string }>;
  nullable?: boolean;
  display?(value: unknown, meta: MetaLookup): string;
}

export type Draft = Record<string, string | string[]>;

export function toDraft(incident: Incident, fields: FieldSpec[]): Draft {
  const draft: Draft = {};
  for (const field of fields) {
    const value = incident[field.key];
    if (field.kind === 'tags') draft[field.key] = [...((value as string[] | null) ?? [])];
    else if (field.kind === 'instant') draft[field.key] = toLocalInput(value as string | null);
    else draft[field.key] = value === null || value === undefined ? '' : String(value);
  }
  return draft;
}

function fromDraft(field: FieldSpec, value: string | string[]): unknown {
  if (field.kind === 'tags') return value;
  if (field.kind === 'instant') return fromLocalInput(value as string);
  if (value === '') return null;
  return field.key === 'severity' ? Number(value) : value;
}

/**
 * The fields whose draft differs from the incident the user started from. Instants compare at the
 * minute the input shows, so an untouched time is never sent back truncated.
 */
export function changesFrom(base: Incident, draft: Draft, fields: FieldSpec[]): IncidentChanges {
  const changes: Record<string, unknown> = {};
  const baseDraft = toDraft(base, fields);
  for (const field of fields) {
    const value = draft[field.key] ?? '';
    if (JSON.stringify(value) === JSON.stringify(baseDraft[field.key])) continue;
    changes[field.key] = fromDraft(field, value);
  }
  return changes as IncidentChanges;
}

/** The fields another person changed between what the user started from and the incident now. */
export function changedByOthers(base: Incident, current: Incident, fields: FieldSpec[]): FieldSpec[] {
  return fields.filter((field) => JSON.stringify(base[field.key]) !== JSON.stringify(current[field.key]));
}

export function displayValue(field: FieldSpec, incident: Incident, meta: MetaLookup): string {
  const value = incident[field.key];
  if (field.display) return field.display(value, meta);
  if (field.kind === 'tags') return (value as string[]).join(', ') || '—';
  if (field.kind === 'instant') return formatInstant(value as string | null) || '—';
  if (value === null || value === undefined || value === '') return 'Not set';
  return field.options?.(meta).find((o) => o.value === String(value))?.label ?? String(value);
}

const list = (entries: Array<{ id: string | number; label: string }>) => entries.map((e) => ({ value: String(e.id), label: e.label }));

export const CLASSIFICATION_FIELDS: FieldSpec[] = [
  { key: 'category', label: 'Category', kind: 'select', options: (meta) => meta.categories.map((c) => ({ value: c.key, label: c.label })) },
  { key: 'severity', label: 'Severity', kind: 'select', options: (meta) => meta.severities.map((s) => ({ value: String(s.id), label: `${s.id} · ${s.label}` })) },
  { key: 'tlp', label: 'TLP', kind: 'select', options: (meta) => list(meta.tlp) },
  { key: 'tags', label: 'Tags', kind: 'tags' },
  { key: 'functional_impact', label: 'Functional impact', kind: 'select', nullable: true, options: (meta) => list(meta.functional_impacts) },
  { key: 'information_impact', label: 'Information impact', kind: 'select', nullable: true, options: (meta) => list(meta.information_impacts) },
  { key: 'recoverability', label: 'Recoverability', kind: 'select', nullable: true, options: (meta) => list(meta.recoverabilities) },
];

export const TIMESTAMP_FIELDS: FieldSpec[] = [
  { key: 'occurred_at', label: 'Occurred', kind: 'instant', nullable: true },
  { key: 'detected_at', label: 'Detected', kind: 'instant' },
  { key: 'reported_at', label: 'Reported', kind: 'instant', nullable: true },
  { key: 'acknowledged_at', label: 'Acknowledged', kind: 'instant', nullable: true },
  { key: 'contained_at', label: 'Contained', kind: 'instant', nullable: true },
  { key: 'eradicated_at', label: 'Eradicated', kind: 'instant', nullable: true },
  { key: 'recovered_at', label: 'Recovered', kind: 'instant', nullable: true },
];
