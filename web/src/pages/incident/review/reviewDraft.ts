// No relative imports here but types: the unit tests load this file under Node's module rules.
import type { ActionItem, Impact, IncidentMetrics, MetricKey, MetricValues, Participant, RealisedLoss, Review, ReviewFields, ReviewTimelineEntry, RootCause } from './types.js';

const LOSS_KEYS = ['productivity', 'response', 'replacement', 'fines_and_judgements', 'competitive_advantage', 'reputation'] as const;
const COUNT_KEYS = ['records_affected', 'people_affected', 'systems_affected', 'downtime_minutes'] as const;
const METRICS: MetricKey[] = ['time_to_detect_ms', 'time_to_acknowledge_ms', 'time_to_contain_ms', 'time_to_eradicate_ms', 'time_to_recover_ms', 'time_to_close_ms'];

/** The five whys: ask "why?" up to five times, each answer the next line. */
export const MAX_WHYS = 5;

export function emptyImpact(): Impact {
  const realised = Object.fromEntries(LOSS_KEYS.map((k) => [k, null])) as RealisedLoss;
  return { records_affected: null, people_affected: null, systems_affected: null, downtime_minutes: null, realised_loss: realised };
}

export function emptyReviewFields(): ReviewFields {
  return { summary: '', impact: emptyImpact(), timeline_entry_ids: [], root_causes: [], went_well: [], went_badly: [], lessons: [], participants: [], meeting_at: null };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A review's editable fields, with anything the answer left out filled as empty. */
export function fieldsOf(review: Partial<Review> | null | undefined): ReviewFields {
  const empty = emptyReviewFields();
  if (!review) return empty;
  const impact = (review.impact ?? {}) as Partial<Impact>;
  const loss = (impact.realised_loss ?? {}) as Partial<RealisedLoss>;
  return {
    summary: review.summary ?? '',
    impact: {
      ...(Object.fromEntries(COUNT_KEYS.map((k) => [k, num(impact[k])])) as Omit<Impact, 'realised_loss'>),
      realised_loss: Object.fromEntries(LOSS_KEYS.map((k) => [k, num(loss[k])])) as RealisedLoss,
    },
    timeline_entry_ids: [...(review.timeline_entry_ids ?? [])],
    root_causes: (review.root_causes ?? []).map((c) => ({ statement: c.statement ?? '', kind: c.kind === 'contributing' ? 'contributing' : 'root', whys: [...(c.whys ?? [])], risk_id: c.risk_id ?? null })),
    went_well: [...(review.went_well ?? [])],
    went_badly: [...(review.went_badly ?? [])],
    lessons: [...(review.lessons ?? [])],
    participants: (review.participants ?? []).map((p) => ({ user_id: p.user_id ?? null, name: p.name ?? '', role: p.role ?? '' })),
    meeting_at: review.meeting_at ?? null,
  };
}

const lines = (list: string[]) => list.map((s) => s.trim()).filter(Boolean);

/** What PUT sends: blank lines, empty whys, unnamed participants and empty causes left out. */
export function reviewBody(fields: ReviewFields): ReviewFields {
  return {
    summary: fields.summary,
    impact: fields.impact,
    timeline_entry_ids: [...new Set(fields.timeline_entry_ids)],
    root_causes: fields.root_causes
      .map((c) => {
        const cause: RootCause = { statement: c.statement.trim(), kind: c.kind, whys: lines(c.whys) };
        if (c.risk_id) cause.risk_id = c.risk_id;
        return cause;
      })
      .filter((c) => c.statement || c.whys.length > 0),
    went_well: lines(fields.went_well),
    went_badly: lines(fields.went_badly),
    lessons: lines(fields.lessons),
    participants: fields.participants
      .map((p): Participant => ({ ...(p.user_id ? { user_id: p.user_id } : {}), name: p.name.trim(), role: p.role.trim() }))
      .filter((p) => p.name),
    meeting_at: fields.meeting_at,
  };
}

/** Whether two drafts would save the same thing (to tell people about unsaved changes). */
export function sameReview(a: ReviewFields, b: ReviewFields): boolean {
  return JSON.stringify(reviewBody(a)) === JSON.stringify(reviewBody(b));
}

/**
 * An amount or count as typed: "12 000", "12,000.50", "1e6". Empty is null (not known); anything
 * else that is not a number ≥ 0 is undefined (invalid, the field says so).
 */
export function parseAmount(text: string): number | null | undefined {
  const cleaned = text.trim().replace(/[\s_\u00a0\u202f]/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d+)?(e\d+)?$/i.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Total realised loss over the FAIR forms entered; null when none is. */
export function totalLoss(loss: RealisedLoss): number | null {
  const values = Object.values(loss).filter((v): v is number => typeof v === 'number');
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}

/** A new cause, ready for its first "why?". */
export function newRootCause(kind: RootCause['kind'] = 'root'): RootCause {
  return { statement: '', kind, whys: [''], risk_id: null };
}

/** Another "why?" may be asked while fewer than five are and the last one has an answer. */
export function canAskWhy(cause: RootCause): boolean {
  if (cause.whys.length >= MAX_WHYS) return false;
  const last = cause.whys[cause.whys.length - 1];
  return last === undefined || last.trim() !== '';
}

export function askWhy(cause: RootCause): RootCause {
  return canAskWhy(cause) ? { ...cause, whys: [...cause.whys, ''] } : cause;
}

/** The question above answer `index`: the first asks why it happened, each next one asks why of the answer before. */
export function whyQuestion(cause: RootCause, index: number, problem = 'it happen'): string {
  if (index === 0) return `Why did ${problem}?`;
  const previous = (cause.whys[index - 1] ?? '').trim().replace(/[.!?]+$/, '');
  return previous ? `Why: “${previous}”?` : 'Why?';
}

export function setWhy(cause: RootCause, index: number, answer: string): RootCause {
  const whys = [...cause.whys];
  whys[index] = answer;
  return { ...cause, whys };
}

/** Removes an answer and the ones after it: they answered it. */
export function dropWhy(cause: RootCause, index: number): RootCause {
  return { ...cause, whys: cause.whys.slice(0, index) };
}

/** The chain's last answer is the deepest cause found: offered as the statement. */
export function deepestWhy(cause: RootCause): string {
  return [...cause.whys].reverse().find((w) => w.trim() !== '')?.trim() ?? '';
}

/** The chosen timeline entries in the order they happened (ties in the order they were recorded). */
export function selectedTimeline<T extends Pick<ReviewTimelineEntry, 'id' | 'occurred_at' | 'seq'>>(entries: T[], ids: string[]): T[] {
  const chosen = new Set(ids);
  return entries.filter((e) => chosen.has(e.id)).sort((a, b) => a.occurred_at.localeCompare(b.occurred_at) || (a.seq ?? 0) - (b.seq ?? 0) || a.id.localeCompare(b.id));
}

/** Ticks or unticks an entry; the list stays in time order. */
export function toggleEntry<T extends Pick<ReviewTimelineEntry, 'id' | 'occurred_at' | 'seq'>>(entries: T[], ids: string[], id: string): string[] {
  const next = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
  const known = selectedTimeline(entries, next).map((e) => e.id);
  // Ids of entries not loaded (a very long timeline) are kept, after the known ones.
  return [...known, ...next.filter((x) => !entries.some((e) => e.id === x))];
}

type RequiredCheck = (fields: ReviewFields, actionItems: ActionItem[]) => boolean;
const PRESENT: Record<string, RequiredCheck> = {
  summary: (f) => f.summary.trim() !== '',
  impact: (f) => COUNT_KEYS.some((k) => f.impact[k] !== null) || LOSS_KEYS.some((k) => f.impact.realised_loss[k] !== null),
  root_causes: (f) => f.root_causes.some((c) => c.kind === 'root' && c.statement.trim() !== ''),
  lessons: (f) => lines(f.lessons).length > 0,
  went_well: (f) => lines(f.went_well).length > 0,
  went_badly: (f) => lines(f.went_badly).length > 0,
  participants: (f) => reviewBody(f).participants.length > 0,
  meeting_at: (f) => f.meeting_at !== null,
  action_items: (_f, items) => items.length > 0,
  timeline_entry_ids: (f) => f.timeline_entry_ids.length > 0,
};

/** The required fields this draft still lacks (the server decides; this shows it before the click). */
export function missingRequired(fields: ReviewFields, actionItems: ActionItem[], required: string[]): string[] {
  return required.filter((name) => PRESENT[name] !== undefined && !PRESENT[name](fields, actionItems));
}

/** The missing fields a refused completion names: an extension list, or the problem's field errors. */
export function missingFromProblem(body: Record<string, unknown> | null | undefined): string[] {
  if (!body) return [];
  for (const key of ['missing', 'missing_fields', 'missing_required_fields']) {
    const value = body[key];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  }
  const errors = body.errors;
  if (Array.isArray(errors)) {
    return [...new Set(errors.map((e) => (e && typeof e === 'object' && typeof (e as { path?: unknown }).path === 'string' ? (e as { path: string }).path.replace(/^body\./, '') : '')).filter(Boolean))];
  }
  return [];
}

/** This incident's times and the medians, as GET /incidents/{id}/metrics says them. */
export function metricPairs(answer: IncidentMetrics | undefined): Array<{ key: MetricKey; incident: number | null; median: number | null; incidents: number }> {
  const own: MetricValues = answer?.metrics ?? {};
  return METRICS.map((key) => ({ key, incident: num(own[key]), median: num(answer?.medians[key]?.median_ms), incidents: answer?.medians[key]?.incidents ?? 0 }));
}

/** One unit for the whole chart, the largest that keeps the biggest bar above 1. */
export function chartUnit(maxMs: number): { label: string; ms: number } {
  if (maxMs >= 2 * 86_400_000) return { label: 'days', ms: 86_400_000 };
  if (maxMs >= 2 * 3_600_000) return { label: 'hours', ms: 3_600_000 };
  return { label: 'minutes', ms: 60_000 };
}

/** Who may own an action item: active people who can see the incident (restricted: its active members and administrators). */
export function ownerCandidates<U extends { id: string; role: string; disabled: boolean }>(users: U[], incident: { restricted: boolean; members: Array<{ user_id: string; released_at: string | null }> }): U[] {
  const members = new Set(incident.members.filter((m) => m.released_at === null).map((m) => m.user_id));
  return users.filter((u) => !u.disabled && (!incident.restricted || u.role === 'admin' || members.has(u.id)));
}

export const EXPORT_FORMATS = [
  { format: 'html', label: 'HTML' },
  { format: 'pdf', label: 'PDF' },
  { format: 'md', label: 'Markdown' },
] as const;

export function exportHref(incidentId: string, format: string): string {
  return `/api/v1/incidents/${encodeURIComponent(incidentId)}/review/export?format=${encodeURIComponent(format)}`;
}

/** A datetime-local input's value ("2026-11-23T14:05") for an instant, in the viewer's zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An exact amount in the organisation's currency ("€12,500.00"); an unknown currency code is written after the number. */
export function formatAmount(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
  } catch {
    return `${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}
