import { INCIDENT_ROLE_LABELS } from '../../domain/access.js';
import { CATEGORY_LABELS, type BuiltinCategory } from '../../domain/incident.js';
import { AUDIENCE_LABELS, THIRD_PARTY_KIND_LABELS, type PlanContent } from '../../domain/plan.js';
import type { ReportBlock } from '../review-report/report-document.js';
import type { PlanVersionRecord } from './plan-record.js';

/** One section of the offline plan: an anchor, a heading and plain-text blocks. */
export interface PlanDocumentSection {
  id: string;
  title: string;
  blocks: ReportBlock[];
}

/** The offline plan as a neutral document: the HTML and PDF renderers only lay it out, so both say the same. */
export interface PlanDocument {
  title: string;
  facts: Array<{ label: string; value: string }>;
  sections: PlanDocumentSection[];
}

export interface PlanDocumentInput {
  plan: PlanVersionRecord;
  organisationName: string;
  exportedAt: string;
  exportedBy: string;
}

const NONE = '-';
const utc = (at: string | null): string => (at ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : NONE);
const or = (text: string | null | undefined): string => (text && text.trim() ? text : NONE);
const minutes = (m: number): string => (m % 60 === 0 ? `${m / 60} h` : m > 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`);
const category = (c: string): string => CATEGORY_LABELS[c as BuiltinCategory] ?? c;

export function buildPlanDocument({ plan, organisationName, exportedAt, exportedBy }: PlanDocumentInput): PlanDocument {
  const c: PlanContent = plan.content;
  const contactName = new Map(c.team.map((p) => [p.id, p.name]));
  const severityName = new Map(c.severity_definitions.map((d) => [d.severity as number, d.name]));
  const severity = (s: number) => `${s} ${severityName.get(s) ?? ''}`.trim();
  const names = (ids: string[]) => (ids.length ? ids.map((id) => contactName.get(id) ?? id).join(', ') : NONE);

  const sections: PlanDocumentSection[] = [
    {
      id: 'out-of-band',
      title: 'When the network is down',
      blocks: [{ kind: 'facts', items: [{ label: 'Meeting place', value: or(c.meeting_place) }, { label: 'Out-of-band channel', value: or(c.out_of_band_channel) }] }],
    },
    { id: 'scope', title: 'Scope', blocks: [{ kind: 'paragraph', text: or(c.scope) }] },
    {
      id: 'team',
      title: 'Response team and contacts',
      blocks: c.team.length
        ? [{
            kind: 'table',
            columns: ['Name', 'Title', 'Incident role', 'Mobile phone (out of band)', 'Personal e-mail (out of band)', 'Work e-mail', 'Deputies', 'Notes'],
            rows: c.team.map((p) => [p.name, or(p.title), p.incident_role ? INCIDENT_ROLE_LABELS[p.incident_role] : NONE, or(p.mobile_phone), or(p.personal_email), or(p.work_email), names(p.deputies), or(p.notes)]),
          }]
        : [{ kind: 'paragraph', text: 'No contacts in this plan.' }],
    },
    {
      id: 'escalation',
      title: 'Escalation matrix',
      blocks: c.escalation_rules.length
        ? [{
            kind: 'table',
            columns: ['Severity', 'Categories', 'Call', 'Respond within'],
            rows: c.escalation_rules.map((r) => [r.severities.map(severity).join(', '), r.categories.length ? r.categories.map(category).join(', ') : 'Any', names(r.contact_ids), minutes(r.respond_within_minutes)]),
          }]
        : [{ kind: 'paragraph', text: 'No escalation rules in this plan.' }],
    },
    {
      id: 'severities',
      title: 'Severity definitions',
      blocks: [{
        kind: 'table',
        columns: ['Severity', 'Name', 'Description', 'Examples'],
        rows: [...c.severity_definitions].sort((a, b) => a.severity - b.severity).map((d) => [String(d.severity), d.name, or(d.description), d.examples.length ? d.examples.join('\n') : NONE]),
      }],
    },
    {
      id: 'status-updates',
      title: 'Status updates',
      blocks: c.status_update_cadence.length
        ? [{ kind: 'table', columns: ['Severity', 'Every', 'To'], rows: c.status_update_cadence.map((s) => [severity(s.severity), minutes(s.every_minutes), AUDIENCE_LABELS[s.audience]]) }]
        : [{ kind: 'paragraph', text: 'No status-update cadence in this plan.' }],
    },
    {
      id: 'third-parties',
      title: 'Third parties',
      blocks: c.third_parties.length
        ? [{
            kind: 'table',
            columns: ['Kind', 'Name', 'Contact', 'Phone', 'E-mail', 'Contract', 'Policy number', 'Claim hotline', 'Notes'],
            rows: c.third_parties.map((t) => [THIRD_PARTY_KIND_LABELS[t.kind], t.name, or(t.contact_name), or(t.phone), or(t.email), or(t.contract_reference), or(t.policy_number), or(t.hotline), or(t.notes)]),
          }]
        : [{ kind: 'paragraph', text: 'No third parties in this plan.' }],
    },
    {
      id: 'playbooks',
      title: 'Playbooks',
      blocks: c.playbooks.length
        ? [{ kind: 'table', columns: ['Playbook', 'Where to find it', 'For'], rows: c.playbooks.map((p) => [p.title, p.location, p.categories.length ? p.categories.map(category).join(', ') : 'Any incident']) }]
        : [{ kind: 'paragraph', text: 'No playbooks linked from this plan.' }],
    },
    {
      id: 'templates',
      title: 'Communication templates',
      blocks: c.templates.length
        ? c.templates.flatMap((t): ReportBlock[] => [
            { kind: 'heading', level: 3, text: `${t.name}${t.holding_statement ? ' (holding statement)' : ''}` },
            { kind: 'facts', items: [{ label: 'Audience', value: AUDIENCE_LABELS[t.audience] }, { label: 'Channel', value: t.channel.replace(/_/g, ' ') }, { label: 'Subject', value: or(t.subject) }] },
            { kind: 'paragraph', text: t.body },
          ])
        : [{ kind: 'paragraph', text: 'No communication templates in this plan.' }],
    },
  ];

  return {
    title: `${c.title} — ${organisationName}`,
    facts: [
      { label: 'Plan version', value: String(plan.plan_version) },
      { label: 'Approved', value: plan.approved_at ? `${utc(plan.approved_at)} by ${plan.approved_by_name ?? plan.approved_by}` : 'Not approved' },
      { label: 'Review due', value: utc(plan.review_due_at) },
      { label: 'Exported', value: `${utc(exportedAt)} by ${exportedBy}` },
      { label: 'Content SHA-256', value: plan.content_sha256 },
    ],
    sections,
  };
}
