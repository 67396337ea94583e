import { beforeAll, describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { seedAlert, seedAlertGroup } from '../../support/triage-fixtures.js';

describeApiOnEachEngine('alert queue API', (t) => {
  const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((a) => a.id);
  let groupId = '';
  let grouped: string[] = [];
  let phishing = '';
  let critical = '';
  let dismissed = '';

  beforeAll(async () => {
    groupId = await seedAlertGroup(t());
    grouped = [
      (await seedAlert(t(), { group_id: groupId, title: 'Beacon to 203.0.113.7 from ws-1', observables: [{ type: 'ip', value: '203.0.113.7', ioc: true }, { type: 'hostname', value: 'ws-1.corp.example' }] })).id,
      (await seedAlert(t(), { group_id: groupId, title: 'Beacon to 203.0.113.7 from ws-2', observables: [{ type: 'ip', value: '203.0.113.7' }] })).id,
    ];
    phishing = (await seedAlert(t(), { source: 'mail-gateway', title: 'Phishing link clicked', tags: ['phishing', 'VIP'] })).id;
    critical = (await seedAlert(t(), { severity: 1, title: 'Ransomware note written on FS01', raw: { host: 'FS01', file: 'README.txt' } })).id;
    dismissed = (await seedAlert(t(), { status: 'dismissed', title: 'Scanner noise' })).id;
  });

  describe('GET /api/v1/alerts', () => {
    it('lists newest activity first with group and incident links', async () => {
      const res = await t().call('GET', '/api/v1/alerts');
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items.map((a: { id: string }) => a.id)).toEqual([dismissed, critical, phishing, ...grouped.slice().reverse()]);
      const inGroup = items.find((a: { id: string }) => a.id === grouped[0]);
      expect(inGroup.group).toMatchObject({ id: groupId, title: 'Shared IP 203.0.113.7' });
      expect(inGroup.incident).toBeNull();
      expect(inGroup).not.toHaveProperty('raw');
      expect(inGroup).not.toHaveProperty('organisation_id');
    });

    it.each([
      ['status', { status: 'new' }, () => [critical, phishing, ...grouped.slice().reverse()]],
      ['several statuses', { status: 'dismissed,promoted' }, () => [dismissed]],
      ['source', { source: 'mail-gateway' }, () => [phishing]],
      ['severity', { severity: '1,2' }, () => [critical]],
      ['tag (case-insensitive)', { tag: 'Vip' }, () => [phishing]],
      ['group', { group: 'GROUP' }, () => grouped.slice().reverse()],
      ['text in the title', { q: 'ransomware' }, () => [critical]],
      ['a literal % in the text is not a wildcard', { q: '%' }, () => []],
      ['since', { since: '2099-01-01T00:00:00Z' }, () => []],
    ])('filters by %s', async (_label, query, expected) => {
      const q = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === 'GROUP' ? groupId : v]));
      const res = await t().call('GET', '/api/v1/alerts', { query: q });
      expect(res.statusCode, res.body).toBe(200);
      expect(ids(res)).toEqual(expected());
    });

    it('pages with a cursor without repeats or gaps', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await t().call('GET', '/api/v1/alerts', { query: { limit: '2', ...(cursor ? { cursor } : {}) } });
        expect(res.statusCode).toBe(200);
        seen.push(...ids(res));
        cursor = res.json().next_cursor;
      } while (cursor);
      expect(seen).toEqual([dismissed, critical, phishing, ...grouped.slice().reverse()]);
    });

    it.each([
      ['an unknown status', { status: 'open' }, 'status'],
      ['a severity of 5', { severity: '5' }, 'severity'],
      ['a limit over 200', { limit: '201' }, 'limit'],
      ['a date without offset', { since: '2026-11-23T10:00:00' }, 'since'],
      ['a forged cursor', { cursor: 'bm9wZQ' }, 'cursor'],
      ['an unknown parameter', { colour: 'red' }, 'querystring'],
    ])('refuses %s with a problem naming it', async (_label, query, path) => {
      const res = await t().call('GET', '/api/v1/alerts', { query });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json().errors ?? [])).toContain(path);
    });

    it('is refused to stakeholders (403) and to callers without a token (401)', async () => {
      const stakeholder = await t().user('stakeholder');
      expect((await t().call('GET', '/api/v1/alerts', { token: stakeholder.token })).statusCode).toBe(403);
      expect((await t().call('GET', '/api/v1/alerts', { token: null })).statusCode).toBe(401);
      const auditor = await t().user('auditor');
      expect((await t().call('GET', '/api/v1/alerts', { token: auditor.token })).statusCode).toBe(200);
    });
  });

  describe('GET /api/v1/alerts/{id}', () => {
    it('answers the alert with its raw JSON, group, and observables with where they were seen before', async () => {
      const res = await t().call('GET', `/api/v1/alerts/${grouped[0]}`);
      expect(res.statusCode).toBe(200);
      const alert = res.json();
      expect(alert.raw).toEqual({ rule: 'brute force', host: 'ws-042' });
      expect(alert.description).toBe('Seen by the SIEM');
      expect(alert.group).toMatchObject({ id: groupId, reason: { observables: [{ type: 'ip', value: '203.0.113.7' }] } });
      expect(res.headers.etag).toBe('"1"');
      const ip = alert.observables.find((o: { type: string }) => o.type === 'ip');
      expect(ip).toMatchObject({ value: '203.0.113.7', ioc: true, count: 1 });
      expect(ip.seen.sighting_count).toBe(2);
      expect(ip.seen.incidents).toEqual([]);
      expect(alert.observables.map((o: { value: string }) => o.value)).toContain('ws-1.corp.example');
    });

    it('answers 404 for an unknown alert, 403 for a stakeholder and 401 without a token', async () => {
      expect((await t().call('GET', '/api/v1/alerts/alr_nope')).statusCode).toBe(404);
      const stakeholder = await t().user('stakeholder');
      expect((await t().call('GET', `/api/v1/alerts/${critical}`, { token: stakeholder.token })).statusCode).toBe(403);
      expect((await t().call('GET', `/api/v1/alerts/${critical}`, { token: null })).statusCode).toBe(401);
    });
  });

  describe('GET /api/v1/alert-groups/{id}', () => {
    it('answers the group, why it was formed, and its alerts', async () => {
      const res = await t().call('GET', `/api/v1/alert-groups/${groupId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: groupId, title: 'Shared IP 203.0.113.7', more_alerts: false });
      expect(res.json().alerts.map((a: { id: string }) => a.id)).toEqual(grouped.slice().reverse());
    });

    it('answers 404 for an unknown group, 403 for a stakeholder and 401 without a token', async () => {
      expect((await t().call('GET', '/api/v1/alert-groups/alg_nope')).statusCode).toBe(404);
      const stakeholder = await t().user('stakeholder');
      expect((await t().call('GET', `/api/v1/alert-groups/${groupId}`, { token: stakeholder.token })).statusCode).toBe(403);
      expect((await t().call('GET', `/api/v1/alert-groups/${groupId}`, { token: null })).statusCode).toBe(401);
    });
  });
});
