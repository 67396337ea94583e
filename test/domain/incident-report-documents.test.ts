import { describe, expect, it } from 'vitest';
import { buildExecutiveStatus } from '../../src/services/incident-reports/executive-status.js';
import { buildGdprArt33Draft } from '../../src/services/incident-reports/gdpr-art33-draft.js';
import type { IncidentReportData } from '../../src/services/incident-reports/load-incident-report.js';
import { buildManagementReport } from '../../src/services/incident-reports/management-report.js';
import type { ReportDocument } from '../../src/services/review-report/report-document.js';

/** All the text a document says, for looking things up regardless of layout. */
const textOf = (doc: ReportDocument): string =>
  [doc.title, doc.subtitle, ...doc.blocks.flatMap((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : b.kind === 'facts' ? b.items.map((i) => `${i.label}: ${i.value}`) : b.kind === 'list' ? b.items : [b.columns.join(' | '), ...b.rows.map((r) => r.join(' | '))]))].join('\n');

function data(overrides: Partial<IncidentReportData> = {}): IncidentReportData {
  return {
    generated_at: '2026-03-03T12:00:00.000Z',
    organisation: { name: 'Acme GmbH', timezone: 'Europe/Berlin' },
    incident: {
      id: 'inc_1', organisation_id: 'org_1', number: 'INC-2026-0007', title: 'Shop database copied', summary: 'SQL injection.', category: 'data_breach', severity: 1,
      functional_impact: null, information_impact: null, recoverability: null, tlp: 'amber', tags: [], restricted: false, phase: 'containment', resolution: null,
      occurred_at: null, detected_at: '2026-03-02T08:00:00.000Z', reported_at: null, acknowledged_at: null, contained_at: null, eradicated_at: null, recovered_at: null, closed_at: null,
      review_completed_at: null, review_completed_by: null, created_at: '2026-03-02T08:00:00.000Z', created_by: 'usr_1', updated_at: '2026-03-02T08:00:00.000Z', updated_by: 'usr_1', version: 1,
    },
    metrics: { time_to_detect_ms: null, time_to_acknowledge_ms: null, time_to_contain_ms: null, time_to_eradicate_ms: null, time_to_recover_ms: null, time_to_close_ms: null },
    commander: 'Carla Commander',
    facts: { aware_at: '2026-03-02T09:00:00.000Z', personal_data: true, affected_people: 120, subject_categories: ['customers'], data_categories: ['e-mail addresses'], affected_records: 300, nature: 'Copied.', likely_consequences: 'Phishing.', measures_taken: 'Patched.', measures_proposed: 'Tell customers.' },
    profile: { contact_point: 'DPO, dpo@acme.example', lead_supervisory_authority: 'BlnBDI' },
    decisions: [],
    obligations: [],
    communications: [],
    engagements: [],
    open_tasks: [],
    timeline: [],
    next_update: null,
    ...overrides,
  };
}

const gdpr = (status: string, extra: { submitted_at?: string | null; delay_reason?: string } = {}) => ({
  regime: 'gdpr', stage: 'authority', state: '', recipient: 'BlnBDI', deadline: '2026-03-05T09:00:00.000Z', time_zone: 'Europe/Berlin', status, status_reason: '', reference: '', submitted_at: extra.submitted_at ?? null, delay_reason: extra.delay_reason ?? '', basis: 'Art. 33',
});

describe('GDPR Art. 33 draft', () => {
  it('is complete when every fact is recorded, and not late before the deadline', () => {
    const base = data();
    const text = textOf(buildGdprArt33Draft({ ...base, incident: { ...base.incident, occurred_at: '2026-03-01T22:00:00.000Z' } }));
    expect(text).not.toContain('[To be completed');
    expect(text).toContain('Every item Art. 33(3) asks for is filled in.');
    expect(text).toContain('Deadline (72 h after awareness): 2026-03-05 09:00 UTC (2026-03-05 10:00 Europe/Berlin)');
    expect(text).not.toContain('Reasons for the delay');
  });

  it('asks for reasons when submitted after the deadline, and gives the recorded ones', () => {
    const late = textOf(buildGdprArt33Draft(data({ obligations: [gdpr('submitted', { submitted_at: '2026-03-05T15:00:00.000Z' })] })));
    expect(late).toContain('This notification is made after the 72-hour deadline (6 h late). Reasons for the delay (Art. 33(1)): [To be completed: the reasons for the delay]');
    const explained = textOf(buildGdprArt33Draft(data({ obligations: [gdpr('late', { delay_reason: 'Forensic scope unclear until day 4.' })], generated_at: '2026-03-06T09:00:00.000Z' })));
    expect(explained).toContain('(1 d late). Reasons for the delay (Art. 33(1)): Forensic scope unclear until day 4.');
  });

  it('takes the deadline from the computed obligation, and ignores one that is not required', () => {
    const text = textOf(buildGdprArt33Draft(data({ obligations: [{ ...gdpr('pending'), deadline: '2026-03-05T08:00:00.000Z' }] })));
    expect(text).toContain('Deadline (72 h after awareness): 2026-03-05 08:00 UTC');
    const ignored = textOf(buildGdprArt33Draft(data({ obligations: [{ ...gdpr('not_required'), deadline: '2026-03-01T00:00:00.000Z' }] })));
    expect(ignored).toContain('Deadline (72 h after awareness): 2026-03-05 09:00 UTC');
  });

  it('warns when the facts say no personal data is involved', () => {
    expect(textOf(buildGdprArt33Draft(data({ facts: { aware_at: '2026-03-02T09:00:00.000Z', personal_data: false } })))).toContain('Art. 33 may not apply');
  });

  it('marks a missing contact point and authority rather than guessing them', () => {
    const text = textOf(buildGdprArt33Draft(data({ profile: null })));
    expect(text).toContain('[To be completed: the name and contact details of the DPO or other contact point]');
    expect(text).toContain('Supervisory authority: [To be completed: the lead supervisory authority]');
  });
});

describe('executive status and management report', () => {
  it('asks for the personal data breach decision until it is signed', () => {
    expect(textOf(buildExecutiveStatus(data()))).toContain('Is this a personal data breach?');
    const decided = data({ decisions: [{ kind: 'personal_data_breach', outcome: true, decided_at: '2026-03-02T09:00:00.000Z', facts: 'x', signed_by: 'Ada', signed_at: '2026-03-02T09:00:00.000Z', signature: 's', superseded: false }] });
    expect(textOf(buildExecutiveStatus(decided))).not.toContain('Is this a personal data breach?');
  });

  it('names the nearest open deadline, skipping submitted ones', () => {
    const obligations = [{ ...gdpr('submitted'), deadline: '2026-03-04T00:00:00.000Z' }, { ...gdpr('pending'), stage: 'data_subjects', recipient: 'Data subjects', deadline: '2026-03-06T00:00:00.000Z' }];
    expect(textOf(buildExecutiveStatus(data({ obligations })))).toContain('Next deadline: GDPR data subjects to Data subjects: 2026-03-06 00:00 UTC');
    expect(textOf(buildExecutiveStatus(data()))).toContain('Next deadline: No open notification deadline');
  });

  it('lists next steps from what is open, and says so when nothing is', () => {
    const busy = textOf(buildManagementReport(data({
      obligations: [gdpr('pending')],
      engagements: [{ name: 'Aegis', kind: 'cyber_insurer', status: 'requested', engaged_at: '2026-03-02T09:00:00.000Z', contract_reference: '', contact: '', privileged: false, notes: '' }],
      open_tasks: [{ title: 'Rotate keys', assignee: null, due_at: '2026-03-03T00:00:00.000Z', status: 'todo' }],
    })));
    expect(busy).toContain('Notify BlnBDI (GDPR authority) by 2026-03-05 09:00 UTC');
    expect(busy).toContain('Confirm the engagement of Aegis (Cyber insurer)');
    expect(busy).toContain('1 open task is past due: Rotate keys');
    expect(textOf(buildManagementReport(data()))).toContain('Nothing open: no pending obligations, requested parties or overdue tasks.');
  });
});
