import type { Playbook, RiskDetail } from './types.js';

/** The risk form's fields, and what the API gets from them (the whole body to create, changes to edit). */
export interface RiskDraft {
  title: string;
  description: string;
  threat: string;
  vulnerability: string;
  category: string;
  status: string;
  owner_id: string | null;
  asset_ids: string[];
  techniques: string[];
  playbooks: Playbook[];
  tags: string[];
  inherent_likelihood: string | null;
  inherent_impact: string | null;
  residual_likelihood: string | null;
  residual_impact: string | null;
  review_cadence_days: number;
}

export const emptyRiskDraft = (): RiskDraft => ({
  title: '',
  description: '',
  threat: '',
  vulnerability: '',
  category: '',
  status: 'identified',
  owner_id: null,
  asset_ids: [],
  techniques: [],
  playbooks: [],
  tags: [],
  inherent_likelihood: null,
  inherent_impact: null,
  residual_likelihood: null,
  residual_impact: null,
  review_cadence_days: 90,
});

export function draftFromRisk(risk: RiskDetail): RiskDraft {
  return {
    title: risk.title,
    description: risk.description ?? '',
    threat: risk.threat ?? '',
    vulnerability: risk.vulnerability ?? '',
    category: risk.category,
    status: risk.status,
    owner_id: risk.owner_id,
    asset_ids: (risk.assets ?? []).map((a) => a.id),
    techniques: [...(risk.techniques ?? [])],
    playbooks: (risk.playbooks ?? []).map((p) => ({ ...p })),
    tags: [...(risk.tags ?? [])],
    inherent_likelihood: risk.inherent_likelihood,
    inherent_impact: risk.inherent_impact,
    residual_likelihood: risk.residual_likelihood,
    residual_impact: risk.residual_impact,
    review_cadence_days: risk.review_cadence_days,
  };
}

export function draftProblems(draft: RiskDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.title.trim()) problems.title = 'Give the risk a title';
  if (!draft.category.trim()) problems.category = 'Choose or type a category';
  if (!draft.inherent_likelihood) problems.inherent_likelihood = 'Choose the inherent likelihood';
  if (!draft.inherent_impact) problems.inherent_impact = 'Choose the inherent impact';
  if (Boolean(draft.residual_likelihood) !== Boolean(draft.residual_impact)) problems.residual = 'Give both residual likelihood and impact, or neither';
  if (!Number.isInteger(draft.review_cadence_days) || draft.review_cadence_days < 1) problems.review_cadence_days = 'A whole number of days, at least 1';
  draft.playbooks.forEach((p, i) => {
    if (!p.title.trim() || !/^https?:\/\//i.test(p.url.trim())) problems[`playbooks.${i}`] = 'Each playbook needs a title and an http(s) link';
  });
  return problems;
}

/** The body of POST /risks (empty optional fields left out). */
export function createBody(draft: RiskDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    title: draft.title.trim(),
    category: draft.category.trim(),
    status: draft.status,
    inherent_likelihood: draft.inherent_likelihood,
    inherent_impact: draft.inherent_impact,
    review_cadence_days: draft.review_cadence_days,
  };
  if (draft.description.trim()) body.description = draft.description.trim();
  if (draft.threat.trim()) body.threat = draft.threat.trim();
  if (draft.vulnerability.trim()) body.vulnerability = draft.vulnerability.trim();
  if (draft.owner_id) body.owner_id = draft.owner_id;
  if (draft.asset_ids.length) body.asset_ids = draft.asset_ids;
  if (draft.techniques.length) body.techniques = draft.techniques;
  if (draft.playbooks.length) body.playbooks = draft.playbooks.map((p) => ({ title: p.title.trim(), url: p.url.trim() }));
  if (draft.tags.length) body.tags = draft.tags;
  if (draft.residual_likelihood && draft.residual_impact) {
    body.residual_likelihood = draft.residual_likelihood;
    body.residual_impact = draft.residual_impact;
  }
  return body;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const TEXT_FIELDS = ['title', 'description', 'threat', 'vulnerability', 'category'] as const;

/** Only what changed between the saved risk and the draft: the body of PATCH /risks/{id} (without reason). */
export function changedFields(before: RiskDraft, after: RiskDraft): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) if (before[field].trim() !== after[field].trim()) changes[field] = after[field].trim();
  const plain = ['status', 'owner_id', 'inherent_likelihood', 'inherent_impact', 'residual_likelihood', 'residual_impact', 'review_cadence_days'] as const;
  for (const field of plain) if (before[field] !== after[field]) changes[field] = after[field];
  if (!same([...before.asset_ids].sort(), [...after.asset_ids].sort())) changes.asset_ids = after.asset_ids;
  if (!same(before.techniques, after.techniques)) changes.techniques = after.techniques;
  if (!same(before.tags, after.tags)) changes.tags = after.tags;
  const playbooks = after.playbooks.map((p) => ({ title: p.title.trim(), url: p.url.trim() }));
  if (!same(before.playbooks, playbooks)) changes.playbooks = playbooks;
  return changes;
}

/** "inherent_likelihood" → "Inherent likelihood". */
export function fieldLabel(field: string): string {
  const text = field.replace(/_id$/, '').replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A before/after value of a history entry in words. */
export function historyValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => (typeof v === 'object' && v !== null ? ((v as { title?: string }).title ?? JSON.stringify(v)) : String(v))).join(', ');
  return JSON.stringify(value);
}
