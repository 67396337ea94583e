import { beforeAll, describe, expect, it } from 'vitest';
import { describeApiOnEachEngine, type TestUser } from '../../support/test-app.js';
import { seedActionItem, seedReview, seedRiskLink } from '../review-report/seed-review.js';

const H = 3_600_000;
const D = 24 * H;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const WINDOW = { from: '2025-01-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };

describeApiOnEachEngine('incident metrics dashboard', (t) => {
  let manager: TestUser;
  let stakeholder: TestUser;
  const ids: Record<string, string> = {};

  const open = async (key: string, body: Record<string, unknown>, times: Record<string, string> = {}) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: `Metrics ${key}`, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
    if (Object.keys(times).length) {
      const patched = await t().call('PATCH', `/api/v1/incidents/${ids[key]}`, { body: times, headers: { 'if-match': '"1"' } });
      expect(patched.statusCode, patched.body).toBe(200);
    }
  };
  const metrics = async (query: Record<string, string> = WINDOW, token?: string) => {
    const res = await t().call('GET', '/api/v1/metrics/incidents', { query, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    manager = await t().user('incident_manager');
    stakeholder = await t().user('stakeholder');
    const jan = '2025-01-10T09:00:00.000Z';
    const feb = '2025-02-03T09:00:00.000Z';
    await open('phishing', { category: 'phishing', severity: 3, occurred_at: plus(jan, -2 * H), detected_at: jan }, { contained_at: plus(jan, 4 * H), recovered_at: plus(jan, 10 * H) });
    await open('phishing2', { category: 'phishing', severity: 2, occurred_at: plus(jan, D - 6 * H), detected_at: plus(jan, D) }, { contained_at: plus(jan, D + 8 * H) });
    await open('ransomware', { category: 'ransomware', severity: 1, detected_at: feb }, { contained_at: plus(feb, 2 * H) });
    // restricted, seen only by administrators and members: its 30 h containment would change the percentiles
    await open('insider', { category: 'insider', severity: 1, restricted: true, detected_at: plus(feb, D) }, { contained_at: plus(feb, D + 30 * H) });
    // outside the window
    await open('later', { category: 'malware', severity: 4, detected_at: '2025-06-01T00:00:00.000Z' });
  });

  it('counts incidents by category and severity per month, with response-time medians and p90s', async () => {
    const m = await metrics();
    expect(m.from).toBe('2025-01-01T00:00:00.000Z');
    expect(m.to).toBe('2025-04-01T00:00:00.000Z');
    expect(m.incidents).toBe(4);
    expect(m.by_category).toEqual({ phishing: 2, ransomware: 1, insider: 1 });
    expect(m.by_severity).toEqual({ '1': 2, '2': 1, '3': 1 });
    expect(m.months.map((x: { month: string; incidents: number }) => [x.month, x.incidents])).toEqual([['2025-01', 2], ['2025-02', 2], ['2025-03', 0]]);
    const [jan, feb] = m.months;
    expect(jan.by_category).toEqual({ phishing: 2 });
    expect(jan.time_to_detect).toEqual({ count: 2, median_ms: 4 * H, p90_ms: 5.6 * H }); // 2 h and 6 h
    expect(jan.time_to_contain).toEqual({ count: 2, median_ms: 6 * H, p90_ms: 7.6 * H }); // 4 h and 8 h
    expect(jan.time_to_recover).toEqual({ count: 1, median_ms: 10 * H, p90_ms: 10 * H });
    expect(feb.time_to_contain).toEqual({ count: 2, median_ms: 16 * H, p90_ms: 27.2 * H }); // 2 h and 30 h
    expect(feb.time_to_detect.count).toBe(0);
    // overall containment: 2, 4, 8, 30 h; p90 at h = 3 × 0.9 = 2.7 → 8 h + 0.7 × 22 h
    expect(m.response_times.time_to_contain).toEqual({ count: 4, median_ms: 6 * H, p90_ms: 23.4 * H, p50_ms: 6 * H, p75_ms: 13.5 * H, p95_ms: 26.7 * H, max_ms: 30 * H });
  });

  it('leaves restricted incidents out for viewers who are not their members, and counts them once they are', async () => {
    const m = await metrics(WINDOW, manager.token);
    expect(m.incidents).toBe(3);
    expect(m.by_category).toEqual({ phishing: 2, ransomware: 1 });
    expect(m.months[1].time_to_contain).toEqual({ count: 1, median_ms: 2 * H, p90_ms: 2 * H });
    expect(m.response_times.time_to_contain.max_ms).toBe(8 * H);

    const res = await t().call('POST', `/api/v1/incidents/${ids.insider}/members`, { body: { user_id: manager.id, role: 'observer' } });
    expect(res.statusCode, res.body).toBe(201);
    const member = await metrics(WINDOW, manager.token);
    expect(member.incidents).toBe(4);
    expect(member.by_category.insider).toBe(1);
  });

  it('gives the share of completed reviews whose root cause is a known risk (a root cause naming a risk, or a linked risk)', async () => {
    const risk = await t().call('POST', '/api/v1/risks', { body: { title: 'Phishing leads to account takeover', category: 'cyber_attack', inherent_likelihood: 'high', inherent_impact: 'moderate' } });
    expect(risk.statusCode, risk.body).toBe(201);
    const riskId = risk.json().id;
    await seedReview(t(), ids.phishing!, { status: 'completed', root_causes: [{ statement: 'No MFA', kind: 'root', whys: [], risk_id: riskId }] });
    await seedReview(t(), ids.phishing2!, { status: 'completed', root_causes: [{ statement: 'Training lapsed', kind: 'root', whys: [] }] });
    await seedReview(t(), ids.ransomware!, { status: 'completed', root_causes: [{ statement: 'Unpatched VPN', kind: 'root', whys: [] }] });
    await seedRiskLink(t(), ids.ransomware!, riskId);
    await seedReview(t(), ids.insider!, { status: 'completed', root_causes: [] });
    await seedReview(t(), ids.later!, { status: 'draft', root_causes: [{ statement: 'x', kind: 'root', whys: [], risk_id: riskId }] });

    expect((await metrics()).known_risk_root_causes).toEqual({ reviewed: 4, with_known_risk: 2, share: 0.5 });
    expect((await metrics(WINDOW, stakeholder.token)).known_risk_root_causes).toEqual({ reviewed: 3, with_known_risk: 2, share: 2 / 3 });
    // drafts do not count, nor do incidents outside the window
    expect((await metrics({ from: '2025-05-01T00:00:00Z', to: '2025-07-01T00:00:00Z' })).known_risk_root_causes).toEqual({ reviewed: 0, with_known_risk: 0, share: null });
  });

  it('buckets open action items by age, leaving out finished ones and those of incidents the viewer may not see', async () => {
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * D - H).toISOString();
    const item = (incident: string, days: number, status = 'open') => seedActionItem(t(), { incident_id: ids[incident]!, review_id: null, title: `${days} days`, status, created_at: ago(days) });
    await item('phishing', 0);
    await item('phishing', 7, 'in_progress');
    await item('phishing', 8);
    await item('phishing2', 30);
    await item('ransomware', 31);
    await item('ransomware', 91);
    await item('ransomware', 200, 'done');
    await item('ransomware', 5, 'cancelled');
    await item('insider', 3);
    await seedActionItem(t(), { incident_id: null, review_id: null, title: 'From an exercise', created_at: ago(100) });

    const counts = (m: any) => m.open_action_items.by_age.map((b: { bucket: string; count: number }) => [b.bucket, b.count]);
    const admin = await metrics();
    expect(admin.open_action_items.total).toBe(8);
    expect(counts(admin)).toEqual([['0-7', 3], ['8-30', 2], ['31-90', 1], ['>90', 2]]);
    const outsider = await metrics(WINDOW, stakeholder.token);
    expect(counts(outsider)).toEqual([['0-7', 2], ['8-30', 2], ['31-90', 1], ['>90', 2]]);
    expect(admin.open_action_items.by_age[3]).toEqual({ bucket: '>90', min_days: 91, max_days: null, count: 2 });
  });

  it('defaults to the twelve calendar months up to now', async () => {
    const m = await metrics({});
    expect(m.months).toHaveLength(12);
    expect(m.months[11].month).toBe(new Date().toISOString().slice(0, 7));
    expect(m.from).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000Z$/);
  });

  describe('bad input', () => {
    it.each([
      [{ from: '2025-03-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, 'from'],
      [{ from: '2025-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, 'from'],
      [{ from: 'last year' }, 'from'],
      [{ to: '2025-13-01' }, 'to'],
      [{ from: '2000-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, 'from'],
    ])('%o → 400 naming %s', async (query, field) => {
      const res = await t().call('GET', '/api/v1/metrics/incidents', { query: query as Record<string, string> });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(field);
    });

    it('without credentials: 401', async () => {
      expect((await t().call('GET', '/api/v1/metrics/incidents', { token: null })).statusCode).toBe(401);
    });
  });
});
