import { PHASE_LABELS } from '../../domain/lifecycle.js';
import { formatDuration, type ReportBlock, type ReportDocument } from '../review-report/report-document.js';
import type { IncidentReportData } from './load-incident-report.js';
import { clip, elapsedMs, instantWithZone, nextDeadlineText, nextUpdateText, openObligations, partyKindText, phaseText, severityText, words } from './report-parts.js';

/** Limits that keep the one-pager on one A4 page whatever people typed (tested: the PDF has one page). */
const PARAGRAPH = 600;
const ITEM = 150;
const ITEMS = 4;

const list = (items: string[], empty: string): ReportBlock =>
  items.length ? { kind: 'list', ordered: false, items: items.slice(0, ITEMS).map((i) => clip(i, ITEM)) } : { kind: 'paragraph', text: empty };

/** What the response is busy with: the phase's aim, tasks in progress and parties working. */
function doing(data: IncidentReportData): string[] {
  const items: string[] = [`${PHASE_LABELS[data.incident.phase] ?? data.incident.phase}${data.incident.contained_at ? '' : ' (not yet contained)'}`];
  const active = data.engagements.filter((e) => e.status === 'engaged' || e.status === 'active');
  if (active.length) items.push(`Working with ${active.map((e) => `${e.name} (${partyKindText(e.kind)}${e.privileged ? ', privileged' : ''})`).join(', ')}`);
  const inProgress = data.open_tasks.filter((t) => t.status === 'in_progress');
  for (const t of inProgress) items.push(`${t.title}${t.assignee ? ` (${t.assignee})` : ''}`);
  return items;
}

/** What leadership must decide or sign off soon. */
function decisionsNeeded(data: IncidentReportData): string[] {
  const items: string[] = [];
  const decided = new Set(data.decisions.filter((d) => !d.superseded).map((d) => d.kind));
  if (data.facts?.personal_data && !decided.has('personal_data_breach')) items.push('Is this a personal data breach? (starts and frames the regulator notifications)');
  for (const o of openObligations(data)) items.push(`Approve the ${words(o.regime).toUpperCase()} ${words(o.stage)} notification to ${o.recipient}${o.deadline ? ` by ${instantWithZone(o.deadline, data.organisation.timezone)}` : ''}`);
  for (const e of data.engagements.filter((x) => x.status === 'requested')) items.push(`Confirm engaging ${e.name} (${partyKindText(e.kind)})`);
  return items;
}

/** The executive one-page status: title, severity, phase, commander, elapsed, what we know and do, what needs deciding, and when next. */
export function buildExecutiveStatus(data: IncidentReportData): ReportDocument {
  const { incident } = data;
  const tz = data.organisation.timezone;
  const know = [incident.summary.trim(), data.facts?.nature?.trim() ?? ''].filter(Boolean).join('\n');
  return {
    title: clip(`Status: ${incident.number} ${incident.title}`, 110),
    subtitle: `Executive one-page status · ${instantWithZone(data.generated_at, tz)} · TLP:${incident.tlp.toUpperCase()}`,
    subject: 'Executive status',
    blocks: [
      {
        kind: 'facts',
        items: [
          { label: 'Severity', value: severityText(data) },
          { label: 'Phase', value: phaseText(data) },
          { label: 'Incident commander', value: clip(data.commander ?? 'Not assigned', 80) },
          { label: 'Elapsed since detection', value: formatDuration(elapsedMs(data)) },
          { label: 'Next deadline', value: clip(nextDeadlineText(data), ITEM) },
          { label: 'Next update', value: clip(nextUpdateText(data), ITEM) },
        ],
      },
      { kind: 'heading', level: 2, text: 'What we know' },
      { kind: 'paragraph', text: know ? clip(know, PARAGRAPH) : 'No summary written yet.' },
      { kind: 'heading', level: 2, text: 'What we are doing' },
      list(doing(data), 'Nothing recorded yet.'),
      { kind: 'heading', level: 2, text: 'Decisions needed' },
      list(decisionsNeeded(data), 'None at the moment.'),
    ],
  };
}
