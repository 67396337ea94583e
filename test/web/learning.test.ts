import { describe, expect, it } from 'vitest';
import { actionItemQuery, daysOverdue, isOverdue, overdueByOwner, readActionItemFilters, writeActionItemFilters } from '../../web/src/pages/action-items/actionItems.js';
import { changeRows, editableFields, editedAfter, formatValue, freshProposalOf, groupProposals, type Proposal } from '../../web/src/pages/learning/proposals.js';
import { ageRows, shareLabel, stackedRows, trendRows, windowOf, type MonthMetrics } from '../../web/src/pages/metrics/metrics.js';
import { calibrationPoints, calibrationRows, calibrationVerdict, extendToNow, incidentMarkers, scoreRows } from '../../web/src/pages/risks/riskLearning.js';

const proposal = (change: Partial<Proposal>): Proposal => ({
  id: 'prp_1',
  incident_id: 'inc_1',
  review_id: 'rev_1',
  kind: 'risk_frequency',
  target_type: 'risk',
  target_id: 'rsk_1',
  target_version: 3,
  reasoning: { text: 'why', steps: [] },
  before: {},
  after: {},
  status: 'pending',
  created_at: '2026-11-01T10:00:00.000Z',
  ...change,
});

describe('proposals in the web app', () => {
  it('groups pending proposals by review, the most recently proposed review first', () => {
    const groups = groupProposals([
      proposal({ id: 'a', review_id: 'rev_old', incident_id: 'inc_old', created_at: '2026-10-01T00:00:00.000Z' }),
      proposal({ id: 'b', review_id: 'rev_new', incident_id: 'inc_new', created_at: '2026-11-02T00:00:00.000Z', incident: { id: 'inc_new', number: 'INC-0002', title: 'Ransomware' } }),
      proposal({ id: 'c', review_id: 'rev_old', incident_id: 'inc_old', created_at: '2026-10-01T00:00:01.000Z' }),
    ]);
    expect(groups.map((g) => [g.reviewId, g.proposals.map((p) => p.id)])).toEqual([
      ['rev_new', ['b']],
      ['rev_old', ['a', 'c']],
    ]);
    expect(groups[0]!.incident?.number).toBe('INC-0002');
    expect(groups[1]!.incident).toBeNull();
    const named = groupProposals([proposal({ incident_id: 'inc_9', incident_number: 'INC-0009', incident_title: 'Lost laptop' })]);
    expect(named[0]!.incident).toEqual({ id: 'inc_9', number: 'INC-0009', title: 'Lost laptop' });
  });

  it('lists before → after field by field, nested inputs as dotted paths, marking what changes', () => {
    const rows = changeRows(
      { annual_rate: 0.5, rate_confidence_years: 1, fair_inputs: { threat_event_frequency: { min: 1, max: 4 } } },
      { annual_rate: 0.75, rate_confidence_years: 2, fair_inputs: { threat_event_frequency: { min: 1.5, max: 4 } }, residual_likelihood: 'high' },
    );
    expect(rows).toEqual([
      { field: 'annual_rate', before: 0.5, after: 0.75, changed: true },
      { field: 'rate_confidence_years', before: 1, after: 2, changed: true },
      { field: 'fair_inputs.threat_event_frequency.min', before: 1, after: 1.5, changed: true },
      { field: 'fair_inputs.threat_event_frequency.max', before: 4, after: 4, changed: false },
      { field: 'residual_likelihood', before: undefined, after: 'high', changed: true },
    ]);
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(null)).toBe('—');
    expect(formatValue('very_high')).toBe('very high');
  });

  it('offers only what the proposal changes for editing, and sends back the edited after merged whole', () => {
    const before = { annual_rate: 0.5, fair_inputs: { threat_event_frequency: { min: 1, max: 4 }, vulnerability: 0.3 } };
    const after = { annual_rate: 0.75, fair_inputs: { threat_event_frequency: { min: 1.5, max: 4 }, vulnerability: 0.3 } };
    expect(editableFields(after, before).map((f) => f.field)).toEqual(['annual_rate', 'fair_inputs.threat_event_frequency.min']);
    expect(editedAfter(after, { annual_rate: '0.75' })).toEqual({ after: undefined });
    expect(editedAfter(after, { annual_rate: '0.6' })).toEqual({ after: { annual_rate: 0.6 } });
    expect(editedAfter(after, { annual_rate: '0.6', 'fair_inputs.threat_event_frequency.min': '1.2' })).toEqual({
      after: { annual_rate: 0.6, fair_inputs: { threat_event_frequency: { min: 1.2, max: 4 }, vulnerability: 0.3 } },
    });
    expect(after.annual_rate).toBe(0.75);
    expect(editedAfter(after, { annual_rate: 'lots' })).toEqual({ errors: { annual_rate: 'must be a number' } });
    expect(editedAfter(after, { annual_rate: '-1' })).toEqual({ errors: { annual_rate: 'must not be negative' } });
    expect(editedAfter({ residual_likelihood: 'high' }, { residual_likelihood: 'moderate' })).toEqual({ after: { residual_likelihood: 'moderate' } });
  });

  it('finds the fresh proposal in a stale (412) answer', () => {
    const fresh = proposal({ id: 'prp_fresh' });
    expect(freshProposalOf({ title: 'Stale', extra: { fresh_proposal: fresh } })?.id).toBe('prp_fresh');
    expect(freshProposalOf({ title: 'Stale', fresh_proposal: fresh })?.id).toBe('prp_fresh');
    expect(freshProposalOf({ title: 'Stale' })).toBeNull();
  });
});

describe('action items in the web app', () => {
  const now = Date.parse('2026-11-20T12:00:00.000Z');
  it('keeps the view in the URL, "mine" by default, and asks the API for the viewer as owner', () => {
    const mine = readActionItemFilters(new URLSearchParams(''));
    expect(mine).toEqual({ scope: 'mine', owner: null, status: null, overdue: false });
    expect(actionItemQuery(mine, 'usr_me')).toEqual({ owner_id: 'usr_me', status: undefined, overdue: undefined });
    const all = readActionItemFilters(new URLSearchParams('scope=all&owner=usr_x&status=in_progress&overdue=true'));
    expect(actionItemQuery(all, 'usr_me')).toEqual({ owner_id: 'usr_x', status: 'in_progress', overdue: 'true' });
    expect(writeActionItemFilters(all).toString()).toBe('scope=all&owner=usr_x&status=in_progress&overdue=true');
    expect(readActionItemFilters(new URLSearchParams('status=bogus')).status).toBeNull();
  });

  it('counts overdue items per owner; done and cancelled items are never overdue', () => {
    const items = [
      { owner: { id: 'u1', name: 'Ann' }, due_at: '2026-11-01T00:00:00.000Z', status: 'open' },
      { owner: { id: 'u1', name: 'Ann' }, due_at: '2026-11-10T00:00:00.000Z', status: 'in_progress' },
      { owner: { id: 'u2', name: 'Bo' }, due_at: '2026-10-01T00:00:00.000Z', status: 'open' },
      { owner: { id: 'u2', name: 'Bo' }, due_at: '2026-10-01T00:00:00.000Z', status: 'done' },
      { owner: { id: 'u3', name: 'Cy' }, due_at: '2026-12-01T00:00:00.000Z', status: 'open' },
      { owner_id: null, due_at: null, status: 'open' },
    ];
    expect(overdueByOwner(items, now)).toEqual([
      { ownerId: 'u1', ownerName: 'Ann', count: 2, oldestDueAt: '2026-11-01T00:00:00.000Z' },
      { ownerId: 'u2', ownerName: 'Bo', count: 1, oldestDueAt: '2026-10-01T00:00:00.000Z' },
    ]);
    expect(isOverdue({ due_at: '2026-11-20T11:59:59.000Z', status: 'open' }, now)).toBe(true);
    expect(isOverdue({ due_at: '2026-11-20T11:59:59.000Z', status: 'cancelled' }, now)).toBe(false);
    expect(daysOverdue({ due_at: '2026-11-10T12:00:00.000Z', status: 'open' }, now)).toBe(10);
  });
});

describe('the metrics dashboard', () => {
  const stats = (median: number | null, p90: number | null, count = 1) => ({ count, median_ms: median, p90_ms: p90 });
  const month = (m: string, cats: Record<string, number>, sev: Record<string, number>, detect: number | null): MonthMetrics => ({
    month: m,
    incidents: Object.values(cats).reduce((a, b) => a + b, 0),
    by_category: cats,
    by_severity: sev,
    time_to_detect: stats(detect, detect === null ? null : detect * 2, detect === null ? 0 : 1),
    time_to_contain: stats(null, null, 0),
    time_to_recover: stats(null, null, 0),
  });
  const months = [month('2026-09', { phishing: 1 }, { '3': 1 }, 3_600_000), month('2026-10', {}, {}, null), month('2026-11', { malware: 3, phishing: 1 }, { '1': 1, '3': 3 }, 7_200_000)];

  it('stacks incidents per month: categories by their total, severities in order, zeros filled in', () => {
    const byCategory = stackedRows(months, 'by_category');
    expect(byCategory.series.map((s) => s.name)).toEqual(['malware', 'phishing']);
    expect(byCategory.rows).toEqual([
      { month: 'Sep 2026', malware: 0, phishing: 1 },
      { month: 'Oct 2026', malware: 0, phishing: 0 },
      { month: 'Nov 2026', malware: 3, phishing: 1 },
    ]);
    const bySeverity = stackedRows(months, 'by_severity', (k) => `S${k}`);
    expect(bySeverity.series.map((s) => [s.name, s.label, s.color])).toEqual([
      ['1', 'S1', 'red.7'],
      ['3', 'S3', 'yellow.5'],
    ]);
  });

  it('draws response-time trends in hours with gaps for months without data', () => {
    expect(trendRows(months, 'time_to_detect')).toEqual([
      { month: 'Sep 2026', median: 1, p90: 2, count: 1 },
      { month: 'Oct 2026', median: null, p90: null, count: 0 },
      { month: 'Nov 2026', median: 2, p90: 4, count: 1 },
    ]);
  });

  it('labels the action-item ages and the known-risk share, and picks the window', () => {
    expect(ageRows([{ bucket: '0-7', min_days: 0, max_days: 7, count: 2 }, { bucket: '>90', min_days: 91, max_days: null, count: 1 }])).toEqual([
      { age: '0–7 days', count: 2 },
      { age: 'over 90 days', count: 1 },
    ]);
    expect(shareLabel(0.4166)).toBe('42 %');
    expect(shareLabel(null)).toBe('—');
    expect(windowOf(12, new Date('2026-11-23T04:00:00.000Z')).from).toBe('2025-12-01T00:00:00.000Z');
  });
});

describe('register views of the closed loop', () => {
  const levels = [{ id: 'low' }, { id: 'moderate' }, { id: 'high' }];
  it('turns the score history into ranks over time and marks the incidents', () => {
    const rows = scoreRows(
      [
        { at: '2026-06-01T00:00:00.000Z', inherent_level: 'high', residual_level: 'moderate' },
        { at: '2026-03-01T00:00:00.000Z', inherent_level: 'high', residual_level: 'low' },
      ],
      levels,
    );
    expect(rows).toEqual([
      { t: Date.parse('2026-03-01T00:00:00.000Z'), inherent: 3, residual: 1 },
      { t: Date.parse('2026-06-01T00:00:00.000Z'), inherent: 3, residual: 2 },
    ]);
    const now = Date.parse('2026-11-01T00:00:00.000Z');
    expect(extendToNow(rows, now).at(-1)).toEqual({ t: now, inherent: 3, residual: 2 });
    expect(incidentMarkers([{ id: 'inc_1', number: 'INC-0001', at: '2026-05-01T00:00:00.000Z' }])).toEqual([{ x: Date.parse('2026-05-01T00:00:00.000Z'), label: 'INC-0001' }]);
  });

  it('places realised against estimated loss, one point per incident, and says how the estimate fared', () => {
    const point = (incident: string, estimated_mean: number | null, realised_loss: number | null, percentile: number | null) => ({
      incident_id: `inc_${incident}`,
      incident_number: incident,
      proposal_id: `prp_${incident}`,
      realised_loss,
      estimated_mean,
      estimated_p90: null,
      percentile,
      at: null,
    });
    const rows = calibrationRows([
      { risk_id: 'r1', number: 'RISK-0001', title: 'A', annual_loss_mean: 90, annual_loss_p90: 300, points: [point('INC-1', 100, 500, 0.95), point('INC-2', null, 50, 0.4)] },
      { risk_id: 'r2', number: 'RISK-0002', title: 'B', annual_loss_mean: null, annual_loss_p90: null, points: [point('INC-3', null, 20, null)] },
    ]);
    expect(rows.map((r) => [r.risk, r.incident, r.estimatedMean, r.estimatedP90, r.realised])).toEqual([
      ['RISK-0001 A', 'INC-1', 100, 300, 500],
      ['RISK-0001 A', 'INC-2', 90, 300, 50],
      ['RISK-0002 B', 'INC-3', null, null, 20],
    ]);
    const { points, max } = calibrationPoints(rows);
    expect(points).toEqual([
      { estimated: 100, realised: 500 },
      { estimated: 90, realised: 50 },
    ]);
    expect(max).toBeCloseTo(525);
    expect(calibrationVerdict(rows[0]!)).toMatch(/underestimated/);
    expect(calibrationVerdict({ percentile: 0.05 })).toMatch(/overestimated/);
    expect(calibrationVerdict({ percentile: 0.5 })).toBe('within the estimated range');
    expect(calibrationVerdict({ percentile: null })).toBe('no estimate to compare');
  });
});
