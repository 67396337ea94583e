import { describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('close policy API', (t) => {
  const read = async (token?: string) => (await t().call('GET', '/api/v1/settings/close-policy', token ? { token } : {})).json();
  const write = (body: unknown, token?: string) => t().call('PUT', '/api/v1/settings/close-policy', { body, ...(token ? { token } : {}) });
  const closeCritical = async () => {
    const incident = (await t().call('POST', '/api/v1/incidents', { body: { title: 'Domain controller encrypted', category: 'ransomware', severity: 1 } })).json();
    return t().call('POST', `/api/v1/incidents/${incident.id}/transitions`, { body: { to: 'closed', reason: 'handled offline', resolution: 'true_positive' } });
  };

  it('starts at "severity 1–2 need a review" and is readable by anyone signed in', async () => {
    const stakeholder = await t().user('stakeholder');
    expect(await read(stakeholder.token)).toEqual({ review_required_for_severities: [1, 2] });
    expect((await t().call('GET', '/api/v1/settings/close-policy', { token: null })).statusCode).toBe(401);
    const refused = await closeCritical();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().requirement).toBe('review_completed');
  });

  it('lets an administrator change it, normalised and audited, and closing follows the new policy', async () => {
    const res = await write({ review_required_for_severities: [3, 1, 3] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ review_required_for_severities: [1, 3] });
    expect(await read()).toEqual({ review_required_for_severities: [1, 3] });
    const audit = (await t().call('GET', '/api/v1/audit', { query: { target_type: 'setting', target_id: 'close_policy' } })).json().items[0];
    expect(audit).toMatchObject({ action: 'settings.update', actor: { id: t().admin.id, name: 'Ada Admin' } });
    expect(audit.details.after).toEqual({ reviewRequiredForSeverities: [1, 3] });

    expect((await write({ review_required_for_severities: [] })).json()).toEqual({ review_required_for_severities: [] });
    const closed = await closeCritical();
    expect(closed.statusCode).toBe(200);
    expect(closed.json().phase).toBe('closed');
    await write({ review_required_for_severities: [1, 2] });
  });

  describe('bad input', () => {
    it.each([
      ['a severity of 5', { review_required_for_severities: [1, 5] }, 'body.review_required_for_severities.1'],
      ['a severity of 0', { review_required_for_severities: [0] }, 'body.review_required_for_severities.0'],
      ['severities as strings', { review_required_for_severities: ['1'] }, 'body.review_required_for_severities.0'],
      ['a missing list', {}, 'body.review_required_for_severities'],
      ['an unknown field', { review_required_for_severities: [1], require_approval: true }, 'body'],
    ])('refuses %s with a problem naming the field, and changes nothing', async (_label, body, path) => {
      const before = await read();
      const res = await write(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await read()).toEqual(before);
    });
  });

  it('is changed by administrators only', async () => {
    const before = await read();
    for (const role of ['incident_manager', 'responder', 'analyst', 'risk_owner', 'stakeholder', 'auditor'] as const) {
      const caller = await t().user(role);
      expect((await write({ review_required_for_severities: [] }, caller.token)).statusCode, role).toBe(403);
    }
    expect((await t().call('PUT', '/api/v1/settings/close-policy', { token: null, body: { review_required_for_severities: [] } })).statusCode).toBe(401);
    expect(await read()).toEqual(before);
  });
});
