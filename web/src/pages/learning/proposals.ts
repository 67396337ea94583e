/**
 * Pure helpers for the proposals inbox: grouping, before → after rows, the edit form, stale answers.
 * No relative imports: the unit tests load this file under Node's module rules.
 */

/** Proposals made by a completed post-incident review (docs/closed-loop.md), as the API answers them. */
export type ProposalKind = 'risk_frequency' | 'control_effectiveness' | 'control_evidence' | 'loss_calibration' | 'action_item';
export type ProposalStatus = 'pending' | 'accepted' | 'rejected' | 'stale';

export interface ReasoningStep {
  label: string;
  value: string | number | boolean | null;
}

export interface Proposal {
  id: string;
  incident_id: string;
  review_id: string;
  kind: ProposalKind | string;
  target_type: string;
  target_id: string;
  target_version: number;
  action_item_id?: string | null;
  reasoning: { text: string; steps: ReasoningStep[] };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  status: ProposalStatus | string;
  decided_at?: string | null;
  decided_by?: string | null;
  decision_note?: string | null;
  created_at: string;
  version?: number;
  incident_number?: string;
  incident_title?: string;
  /** The risk number and title, the control ref and title, or the action item title. */
  target_label?: string | null;
  /** Present where the server expands them; the inbox falls back to ids. */
  incident?: { id: string; number: string; title: string } | null;
  target?: { id: string; number?: string; ref?: string; title?: string } | null;
}

/** The pending proposals of one review, as the inbox shows them together. */
export interface ProposalGroup {
  reviewId: string;
  incidentId: string;
  incident: { id: string; number: string; title: string } | null;
  proposals: Proposal[];
}


export const KIND_LABELS: Record<string, string> = {
  risk_frequency: 'Risk frequency',
  control_effectiveness: 'Control effectiveness',
  control_evidence: 'Control evidence',
  loss_calibration: 'Loss calibration',
  action_item: 'Action item',
};

export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind.replace(/_/g, ' ');

/** The incident a proposal came from, when the answer names it (expanded, or number and title beside the id). */
export function incidentOf(p: Proposal): { id: string; number: string; title: string } | null {
  if (p.incident) return p.incident;
  return p.incident_number ? { id: p.incident_id, number: p.incident_number, title: p.incident_title ?? '' } : null;
}

/** Pending proposals of one review together; reviews in incident order, newest first. */
export function groupProposals(proposals: Proposal[]): ProposalGroup[] {
  const groups = new Map<string, ProposalGroup>();
  for (const p of proposals) {
    let group = groups.get(p.review_id);
    if (!group) {
      group = { reviewId: p.review_id, incidentId: p.incident_id, incident: incidentOf(p), proposals: [] };
      groups.set(p.review_id, group);
    }
    if (!group.incident) group.incident = incidentOf(p);
    group.proposals.push(p);
  }
  const newest = (g: ProposalGroup) => g.proposals.reduce((max, p) => (p.created_at > max ? p.created_at : max), '');
  return [...groups.values()].sort((a, b) => newest(b).localeCompare(newest(a)) || a.reviewId.localeCompare(b.reviewId));
}

type Plain = string | number | boolean | null;

/** Flattens nested objects into dotted paths ("threat_event_frequency.max"); arrays stay whole. */
export function flatten(value: Record<string, unknown> | null | undefined, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v as Record<string, unknown>, path));
    else out[path] = v;
  }
  return out;
}

export interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** One row per field in either side, in the order the proposal lists them (after's keys first). */
export function changeRows(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): ChangeRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields.map((field) => ({ field, before: b[field], after: a[field], changed: JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null) }));
}

/** "annual_rate" → "Annual rate", "threat_event_frequency.max" → "Threat event frequency max". */
export function fieldLabel(field: string): string {
  const words = field.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });

/** A value as a person reads it: numbers with at most 4 decimals, instants as dates, lists joined. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return Number.isFinite(value) ? number.format(value) : String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return value.slice(0, 10);
    return value.replace(/_/g, ' ');
  }
  if (Array.isArray(value)) return value.map(formatValue).join(', ') || '—';
  return JSON.stringify(value);
}

/**
 * The fields of `after` a risk owner may edit before accepting: numbers and short texts (dotted paths)
 * that the proposal changes (all of them when there is no `before`).
 */
export function editableFields(after: Record<string, unknown> | null | undefined, before?: Record<string, unknown> | null): Array<{ field: string; kind: 'number' | 'text'; value: string }> {
  const was = flatten(before);
  return Object.entries(flatten(after))
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || v === null)
    .filter(([field, v]) => !before || JSON.stringify(was[field] ?? null) !== JSON.stringify(v ?? null))
    .map(([field, v]) => ({ field, kind: typeof v === 'string' ? ('text' as const) : ('number' as const), value: v === null || v === undefined ? '' : String(v) }));
}

function setPath(target: Record<string, unknown>, path: string, value: Plain): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/**
 * The edited values to send with the acceptance: only the top-level fields the person changed (a
 * nested one, like the FAIR inputs, whole with the edit merged in). Numbers must parse; an emptied
 * number is null. Nothing changed: undefined (accept as proposed).
 */
export function editedAfter(after: Record<string, unknown> | null | undefined, draft: Record<string, string>): { after: Record<string, unknown> | undefined } | { errors: Record<string, string> } {
  const proposed = flatten(after);
  const merged = structuredClone(after ?? {}) as Record<string, unknown>;
  const touched = new Set<string>();
  const errors: Record<string, string> = {};
  for (const [field, raw] of Object.entries(draft)) {
    const original = proposed[field];
    const text = raw.trim();
    let value: Plain;
    if (typeof original === 'string') value = text;
    else if (text === '') value = null;
    else {
      const parsed = Number(text.replace(/[\s,]/g, ''));
      if (!Number.isFinite(parsed)) {
        errors[field] = 'must be a number';
        continue;
      }
      if (parsed < 0) {
        errors[field] = 'must not be negative';
        continue;
      }
      value = parsed;
    }
    if (JSON.stringify(value) === JSON.stringify(original ?? null)) continue;
    touched.add(field.split('.')[0]!);
    setPath(merged, field, value);
  }
  if (Object.keys(errors).length) return { errors };
  if (touched.size === 0) return { after: undefined };
  return { after: Object.fromEntries([...touched].map((key) => [key, merged[key]])) };
}

/** The fresh proposal a 412 answer carries (problem extra `fresh_proposal`), if any. */
export function freshProposalOf(body: Record<string, unknown> | undefined): Proposal | null {
  if (!body) return null;
  const extra = body.extra as Record<string, unknown> | undefined;
  const fresh = (extra?.fresh_proposal ?? body.fresh_proposal) as Proposal | undefined;
  return fresh && typeof fresh === 'object' && typeof fresh.id === 'string' ? fresh : null;
}

/** Where a proposal's target lives in the app. */
export function targetLink(p: Pick<Proposal, 'target_type' | 'target_id'>): string | null {
  if (p.target_type === 'risk') return `/risks/${p.target_id}`;
  if (p.target_type === 'control') return `/controls/${p.target_id}`;
  return null;
}
