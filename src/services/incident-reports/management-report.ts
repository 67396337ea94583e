import { isOpenEngagement, type EngagementStatus } from '../../domain/engagements.js';
import { formatDuration, formatInstant, type ReportBlock, type ReportDocument } from '../review-report/report-document.js';
import type { IncidentReportData } from './load-incident-report.js';
import {
  categoryText,
  elapsedMs,
  engagementStatusText,
  formatCount,
  instantWithZone,
  nextDeadlineText,
  nextUpdateText,
  openObligations,
  partyKindText,
  phaseText,
  severityText,
  words,
} from './report-parts.js';

const NONE = 'None recorded.';

function section(blocks: ReportBlock[], heading: string, columns: string[], rows: string[][], empty = NONE): void {
  blocks.push({ kind: 'heading', level: 2, text: heading });
  blocks.push(rows.length ? { kind: 'table', columns, rows } : { kind: 'paragraph', text: empty });
}

/** What should happen next, derived from what is open: deadlines, requested parties, overdue tasks, the next update. */
function nextSteps(data: IncidentReportData): string[] {
  const steps: string[] = [];
  for (const o of openObligations(data).slice(0, 5)) {
    steps.push(`${o.status === 'late' ? 'Overdue: notify' : 'Notify'} ${o.recipient} (${words(o.regime).toUpperCase()} ${words(o.stage)})${o.deadline ? ` by ${instantWithZone(o.deadline, data.organisation.timezone)}` : ''}`);
  }
  for (const e of data.engagements.filter((x) => x.status === 'requested')) steps.push(`Confirm the engagement of ${e.name} (${partyKindText(e.kind)})`);
  const overdue = data.open_tasks.filter((t) => t.due_at && t.due_at < data.generated_at);
  if (overdue.length) steps.push(`${overdue.length} open task${overdue.length === 1 ? ' is' : 's are'} past due: ${overdue.slice(0, 3).map((t) => t.title).join('; ')}`);
  if (data.next_update) steps.push(`Next status update to ${words(data.next_update.audience)} due ${instantWithZone(data.next_update.at, data.organisation.timezone)}`);
  return steps;
}

/** The management report: where the incident stands, what was decided, owed, said and bought in, and what is next. */
export function buildManagementReport(data: IncidentReportData): ReportDocument {
  const { incident, facts } = data;
  const tz = data.organisation.timezone;
  const blocks: ReportBlock[] = [];

  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Incident', value: `${incident.number} ${incident.title}` },
      { label: 'Category', value: categoryText(data) },
      { label: 'Severity', value: severityText(data) },
      { label: 'Phase', value: phaseText(data) },
      { label: 'Incident commander', value: data.commander ?? 'Not assigned' },
      { label: 'Handling', value: `TLP:${incident.tlp.toUpperCase()}${incident.restricted ? ', restricted to its members' : ''}` },
      { label: 'Detected', value: instantWithZone(incident.detected_at, tz) },
      { label: 'Elapsed since detection', value: formatDuration(elapsedMs(data)) },
      { label: 'Next deadline', value: nextDeadlineText(data) },
      { label: 'Next status update', value: nextUpdateText(data) },
    ],
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Summary' });
  blocks.push({ kind: 'paragraph', text: incident.summary.trim() || 'No summary written yet.' });

  blocks.push({ kind: 'heading', level: 2, text: 'Response times so far' });
  blocks.push({
    kind: 'table',
    columns: ['Milestone', 'When', 'Since detection'],
    rows: [
      ['Occurred', formatInstant(incident.occurred_at), data.metrics.time_to_detect_ms === null ? '-' : `detected after ${formatDuration(data.metrics.time_to_detect_ms)}`],
      ['Detected', formatInstant(incident.detected_at), '-'],
      ['Acknowledged', formatInstant(incident.acknowledged_at), formatDuration(data.metrics.time_to_acknowledge_ms)],
      ['Contained', formatInstant(incident.contained_at), formatDuration(data.metrics.time_to_contain_ms)],
      ['Eradicated', formatInstant(incident.eradicated_at), formatDuration(data.metrics.time_to_eradicate_ms)],
      ['Recovered', formatInstant(incident.recovered_at), formatDuration(data.metrics.time_to_recover_ms)],
      ['Closed', formatInstant(incident.closed_at), formatDuration(data.metrics.time_to_close_ms)],
    ],
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Impact' });
  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Functional impact', value: incident.functional_impact ? words(incident.functional_impact) : 'Not assessed' },
      { label: 'Information impact', value: incident.information_impact ? words(incident.information_impact) : 'Not assessed' },
      { label: 'Recoverability', value: incident.recoverability ? words(incident.recoverability) : 'Not assessed' },
      { label: 'Personal data involved', value: facts ? (facts.personal_data ? 'Yes' : 'No') : 'Not yet established' },
      { label: 'People affected', value: formatCount(facts?.affected_people) ?? 'Unknown' },
      { label: 'Records affected', value: formatCount(facts?.affected_records) ?? 'Unknown' },
      { label: 'Data categories', value: facts?.data_categories?.length ? facts.data_categories.join(', ') : 'Unknown' },
    ],
  });

  section(blocks, 'Timeline highlights', ['When', 'Who', 'What'], data.timeline.map((e) => [formatInstant(e.occurred_at), e.actor, e.body || words(e.kind)]));
  section(
    blocks,
    'Decisions (signed)',
    ['Decision', 'Outcome', 'Decided', 'Signed by', 'On the facts'],
    data.decisions.map((d) => [`${words(d.kind)}${d.superseded ? ' (superseded)' : ''}`, d.outcome ? 'Yes' : 'No', formatInstant(d.decided_at), `${d.signed_by}, ${formatInstant(d.signed_at)}`, d.facts]),
  );
  section(
    blocks,
    'Notification obligations',
    ['Regime', 'Stage', 'Recipient', 'Deadline', 'Status'],
    data.obligations.map((o) => [
      words(o.regime).toUpperCase(),
      `${words(o.stage)}${o.state ? ` (${o.state})` : ''}`,
      o.recipient,
      o.deadline ? instantWithZone(o.deadline, o.time_zone || tz) : '-',
      [words(o.status), o.reference && `ref. ${o.reference}`, o.status_reason, o.delay_reason && `delay: ${o.delay_reason}`].filter(Boolean).join('; '),
    ]),
    'No notification obligations computed yet.',
  );
  section(blocks, 'Communications sent', ['Sent', 'Audience', 'Channel', 'Subject', 'Approved by'], data.communications.map((c) => [formatInstant(c.sent_at), words(c.audience), words(c.channel), c.subject, c.approved_by ?? '-']));
  section(
    blocks,
    'Third parties engaged',
    ['Party', 'Kind', 'Engaged', 'Status', 'Contract / policy', 'Privilege'],
    data.engagements.map((e) => [e.name, partyKindText(e.kind), formatInstant(e.engaged_at), engagementStatusText(e.status), e.contract_reference || '-', e.privileged ? 'PRIVILEGED' : '-']),
  );
  const privileged = data.engagements.filter((e) => e.privileged && isOpenEngagement(e.status as EngagementStatus));
  if (privileged.length) blocks.push({ kind: 'paragraph', text: `Under legal privilege: ${privileged.map((e) => e.name).join(', ')}. Route their findings through counsel; do not forward them outside the privileged circle.` });
  section(blocks, 'Open tasks', ['Task', 'Assignee', 'Due', 'Status'], data.open_tasks.map((t) => [t.title, t.assignee ?? 'Unassigned', t.due_at ? formatInstant(t.due_at) : '-', words(t.status)]), 'No open tasks.');

  const steps = nextSteps(data);
  blocks.push({ kind: 'heading', level: 2, text: 'Next steps' });
  blocks.push(steps.length ? { kind: 'list', ordered: true, items: steps } : { kind: 'paragraph', text: 'Nothing open: no pending obligations, requested parties or overdue tasks.' });

  return {
    title: `Management report: ${incident.number} ${incident.title}`,
    subtitle: `${data.organisation.name ? `${data.organisation.name} · ` : ''}Generated ${instantWithZone(data.generated_at, tz)} · TLP:${incident.tlp.toUpperCase()}`,
    subject: 'Incident management report',
    blocks,
  };
}
