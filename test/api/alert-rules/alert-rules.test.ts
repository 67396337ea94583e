import { describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

const snooze = { kind: 'snooze', name: 'Quiet the scanner', conditions: { source: ['vuln-scanner'] }, until: '2030-01-01T00:00:00Z' };

describeApiOnEachEngine('alert rules API', (t) => {
  const ruleCount = async () => Number((await t().system.database.db.selectFrom('alert_rules').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('creates, lists, reads, edits with If-Match and deletes a rule, auditing each change', async () => {
    const created = await t().call('POST', '/api/v1/alert-rules', { body: snooze });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json();
    expect(rule).toMatchObject({ kind: 'snooze', enabled: true, matched_count: 0, version: 1, until: '2030-01-01T00:00:00.000Z', conditions: { source: ['vuln-scanner'] } });
    expect(created.headers.location).toBe(`/api/v1/alert-rules/${rule.id}`);
    const list = await t().call('GET', '/api/v1/alert-rules', { query: { kind: 'snooze' } });
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(rule.id);
    expect(list.json().next_cursor).toBeNull();
    expect((await t().call('GET', `/api/v1/alert-rules/${rule.id}`)).json().name).toBe('Quiet the scanner');

    const edited = await t().call('PATCH', `/api/v1/alert-rules/${rule.id}`, { body: { enabled: false }, headers: { 'if-match': '"1"' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ enabled: false, version: 2 });
    const stale = await t().call('PATCH', `/api/v1/alert-rules/${rule.id}`, { body: { name: 'x' }, headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect((await t().call('PATCH', `/api/v1/alert-rules/${rule.id}`, { body: { name: 'x' } })).statusCode).toBe(428);

    expect((await t().call('DELETE', `/api/v1/alert-rules/${rule.id}`)).statusCode).toBe(204);
    expect((await t().call('GET', `/api/v1/alert-rules/${rule.id}`)).statusCode).toBe(404);
    const actions = await t().system.database.db.selectFrom('audit_log').select('action').where('target_id', '=', rule.id).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['alert_rule.created', 'alert_rule.updated', 'alert_rule.deleted']);
  });

  describe('bad input: a problem naming the field, and no rule written', () => {
    it.each([
      ['an unknown kind', { ...snooze, kind: 'explode' }, 'body.kind'],
      ['a snooze without conditions', { kind: 'snooze', name: 'all', conditions: {} }, 'body.conditions'],
      ['a fingerprint rule without fields', { kind: 'fingerprint', name: 'fp', window_seconds: 60 }, 'body.fields'],
      ['a fingerprint rule on an unknown field', { kind: 'fingerprint', name: 'fp', fields: ['colour'], window_seconds: 60 }, 'body.fields.0'],
      ['a fingerprint rule without a window', { kind: 'fingerprint', name: 'fp', fields: ['title'] }, 'body.window_seconds'],
      ['a window over 90 days', { kind: 'correlate', name: 'c', fields: ['title'], window_seconds: 91 * 86400 }, 'body.window_seconds'],
      ['an attach rule without an incident', { kind: 'attach', name: 'a', conditions: { source: ['x'] } }, 'body.incident_id'],
      ['an until on a fingerprint rule', { kind: 'fingerprint', name: 'fp', fields: ['title'], window_seconds: 60, until: '2030-01-01T00:00:00Z' }, 'body.until'],
      ['an unknown condition', { ...snooze, conditions: { colour: ['red'] } }, 'body.conditions'],
      ['an unknown field', { ...snooze, bogus: true }, 'body'],
    ])('refuses %s', async (_label, body, path) => {
      const before = await ruleCount();
      const res = await t().call('POST', '/api/v1/alert-rules', { body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await ruleCount()).toBe(before);
    });

    it('refuses an attach rule to a closed incident, or a restricted one the author cannot see (404)', async () => {
      const restricted = (await t().call('POST', '/api/v1/incidents', { body: { title: 'HR case', category: 'insider', restricted: true } })).json();
      const manager = await t().user('incident_manager');
      const hidden = await t().call('POST', '/api/v1/alert-rules', { token: manager.token, body: { kind: 'attach', name: 'a', conditions: { source: ['x'] }, incident_id: restricted.id } });
      expect(hidden.statusCode).toBe(404);
      const before = await ruleCount();
      const closed = (await t().call('POST', '/api/v1/incidents', { body: { title: 'Done', category: 'malware' } })).json();
      await t().call('POST', `/api/v1/incidents/${closed.id}/transitions`, { body: { to: 'closed', reason: 'test', resolution: 'false_positive' } });
      const res = await t().call('POST', '/api/v1/alert-rules', { body: { kind: 'attach', name: 'a', conditions: { source: ['x'] }, incident_id: closed.id } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].path).toBe('body.incident_id');
      expect(await ruleCount()).toBe(before);
    });
  });

  it('lets only incident managers and administrators change rules; every role but stakeholders reads them', async () => {
    const rule = (await t().call('POST', '/api/v1/alert-rules', { body: snooze })).json();
    for (const role of ['responder', 'analyst', 'risk_owner', 'stakeholder', 'auditor'] as const) {
      const { token } = await t().user(role);
      expect((await t().call('POST', '/api/v1/alert-rules', { token, body: snooze })).statusCode, role).toBe(403);
      expect((await t().call('PATCH', `/api/v1/alert-rules/${rule.id}`, { token, body: { name: 'x' }, headers: { 'if-match': '"1"' } })).statusCode, role).toBe(403);
      expect((await t().call('DELETE', `/api/v1/alert-rules/${rule.id}`, { token })).statusCode, role).toBe(403);
      expect((await t().call('GET', '/api/v1/alert-rules', { token })).statusCode, role).toBe(role === 'stakeholder' ? 403 : 200);
    }
    const manager = await t().user('incident_manager');
    expect((await t().call('POST', '/api/v1/alert-rules', { token: manager.token, body: snooze })).statusCode).toBe(201);
    expect((await t().call('GET', '/api/v1/alert-rules', { token: null })).statusCode).toBe(401);
    expect((await t().call('POST', '/api/v1/alert-rules', { token: null, body: snooze })).statusCode).toBe(401);
  });
});
