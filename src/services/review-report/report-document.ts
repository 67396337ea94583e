import { CATEGORY_LABELS, SEVERITY_LABELS, type BuiltinCategory, type Severity } from '../../domain/incident.js';
import { LOSS_FORMS } from '../../domain/review.js';
import type { ReviewReportData } from './load-review-report.js';

/**
 * The neutral document a review report is: headings, paragraphs, label–value facts, lists and tables
 * of plain text. One builder makes it; the Markdown, HTML and PDF renderers each only lay it out, so
 * the three formats always say the same thing.
 */
export type ReportBlock =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; items: Array<{ label: string; value: string }> }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; columns: string[]; rows: string[][] };

export interface ReportDocument {
  title: string;
  subtitle: string;
  /** The PDF's Subject metadata; default "Post-incident review". */
  subject?: string;
  blocks: ReportBlock[];
}

const NONE = '-';

/** "2 h 15 min", "3 d 4 h", "45 s": the two largest units. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return NONE;
  let seconds = Math.round(Math.abs(ms) / 1000);
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const parts = [days && `${days} d`, hours && `${hours} h`, minutes && `${minutes} min`, seconds && !days && !hours && `${seconds} s`].filter((p): p is string => !!p);
  return (ms < 0 ? '-' : '') + (parts.length ? parts.slice(0, 2).join(' ') : '0 s');
}

/** "2026-11-23 08:15 UTC". */
export const formatInstant = (at: string | null | undefined): string => (at ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : NONE);
const formatDay = (at: string | null | undefined): string => (at ? at.slice(0, 10) : NONE);
const formatNumber = (n: number | null | undefined): string => (n === null || n === undefined ? NONE : n.toLocaleString('en'));
const words = (key: string): string => key.replace(/_/g, ' ');
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function listOrNone(blocks: ReportBlock[], heading: string, items: string[], ordered = false): void {
  blocks.push({ kind: 'heading', level: 2, text: heading });
  blocks.push(items.length ? { kind: 'list', ordered, items } : { kind: 'paragraph', text: 'None recorded.' });
}

function tableOrNone(blocks: ReportBlock[], heading: string, columns: string[], rows: string[][]): void {
  blocks.push({ kind: 'heading', level: 2, text: heading });
  blocks.push(rows.length ? { kind: 'table', columns, rows } : { kind: 'paragraph', text: 'None recorded.' });
}

export function buildReportDocument(data: ReviewReportData): ReportDocument {
  const { incident, review } = data;
  const blocks: ReportBlock[] = [];
  const category = CATEGORY_LABELS[incident.category as BuiltinCategory] ?? words(incident.category);

  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Incident', value: `${incident.number} ${incident.title}` },
      { label: 'Category', value: category },
      { label: 'Severity', value: `${incident.severity} (${SEVERITY_LABELS[incident.severity as Severity] ?? incident.severity})` },
      { label: 'Phase', value: words(incident.phase) },
      { label: 'Detected', value: formatInstant(incident.detected_at) },
      { label: 'Closed', value: formatInstant(incident.closed_at) },
      { label: 'Review status', value: review.status === 'completed' ? `Completed ${formatInstant(review.completed_at)}${review.completed_by ? ` by ${review.completed_by}` : ''}` : `Draft (last changed ${formatInstant(review.updated_at)})` },
      { label: 'Review meeting', value: formatInstant(review.meeting_at) },
    ],
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Summary' });
  blocks.push({ kind: 'paragraph', text: review.summary.trim() || 'No summary written.' });

  const impact = review.impact ?? {};
  const loss = impact.realised_loss ?? null;
  const lossRows = LOSS_FORMS.map((form) => [capital(words(form)), loss && loss[form] !== null && loss[form] !== undefined ? `${formatNumber(loss[form])} ${data.currency}` : NONE]);
  const total = LOSS_FORMS.reduce((sum, form) => sum + (loss?.[form] ?? 0), 0);
  blocks.push({ kind: 'heading', level: 2, text: 'Impact' });
  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Records affected', value: formatNumber(impact.records_affected) },
      { label: 'People affected', value: formatNumber(impact.people_affected) },
      { label: 'Systems affected', value: formatNumber(impact.systems_affected) },
      { label: 'Downtime', value: impact.downtime_minutes === null || impact.downtime_minutes === undefined ? NONE : formatDuration(impact.downtime_minutes * 60_000) },
    ],
  });
  blocks.push({ kind: 'heading', level: 3, text: 'Realised loss' });
  blocks.push({ kind: 'table', columns: ['Form of loss', 'Amount'], rows: [...lossRows, ['Total', `${formatNumber(total)} ${data.currency}`]] });

  blocks.push({ kind: 'heading', level: 2, text: 'Response metrics' });
  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Time to detect', value: formatDuration(data.metrics.time_to_detect_ms) },
      { label: 'Time to acknowledge', value: formatDuration(data.metrics.time_to_acknowledge_ms) },
      { label: 'Time to contain', value: formatDuration(data.metrics.time_to_contain_ms) },
      { label: 'Time to eradicate', value: formatDuration(data.metrics.time_to_eradicate_ms) },
      { label: 'Time to recover', value: formatDuration(data.metrics.time_to_recover_ms) },
      { label: 'Time to close', value: formatDuration(data.metrics.time_to_close_ms) },
    ],
  });

  tableOrNone(blocks, 'Timeline', ['When', 'Who', 'What'], data.timeline.map((e) => [formatInstant(e.occurred_at), e.actor, e.body || words(e.kind)]));

  blocks.push({ kind: 'heading', level: 2, text: 'Root causes and contributing factors' });
  if (!review.root_causes.length) blocks.push({ kind: 'paragraph', text: 'None recorded.' });
  review.root_causes.forEach((cause, i) => {
    blocks.push({ kind: 'heading', level: 3, text: `${i + 1}. ${cause.kind === 'contributing' ? 'Contributing factor' : 'Root cause'}: ${cause.statement}` });
    if (cause.risk_label) blocks.push({ kind: 'paragraph', text: `Known risk: ${cause.risk_label}` });
    if (cause.whys.length) blocks.push({ kind: 'list', ordered: true, items: cause.whys.map((why) => `Why? ${why}`) });
  });

  listOrNone(blocks, 'What went well', review.went_well);
  listOrNone(blocks, 'What went badly', review.went_badly);
  listOrNone(blocks, 'Lessons learned', review.lessons);

  tableOrNone(blocks, 'Risks that materialised', ['Risk', 'Title', 'Note'], data.risks.map((r) => [r.number, r.title, r.note]));
  tableOrNone(blocks, 'What the controls did', ['Control', 'Title', 'Outcome', 'Note'], data.control_outcomes.map((o) => [o.ref, o.title, o.outcome, o.note]));
  tableOrNone(blocks, 'Action items', ['Action', 'Kind', 'Owner', 'Due', 'Status'], data.action_items.map((a) => [a.title, words(a.kind), a.owner ?? NONE, formatDay(a.due_at), words(a.status)]));
  tableOrNone(
    blocks,
    'Proposals to the register',
    ['Proposal', 'Target', 'Reasoning', 'Decision'],
    data.proposals.map((p) => [
      words(p.kind),
      p.target,
      p.reasoning,
      p.status === 'pending' ? 'pending' : `${p.status}${p.decided_by ? ` by ${p.decided_by}` : ''}${p.decided_at ? ` on ${formatDay(p.decided_at)}` : ''}${p.decision_note ? `: ${p.decision_note}` : ''}`,
    ]),
  );
  tableOrNone(blocks, 'Participants', ['Name', 'Role'], review.participants.map((p) => [p.name, p.role]));

  return {
    title: `Post-incident review: ${incident.number} ${incident.title}`,
    subtitle: `Generated ${formatInstant(data.generated_at)}`,
    blocks,
  };
}
