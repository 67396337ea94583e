import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORIES, CATEGORY_LABELS } from '../../../src/domain/incident.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('incident categories API', (t) => {
  const list = async (token?: string) => (await t().call('GET', '/api/v1/incident-categories', token ? { token } : {})).json().items as Array<{ key: string; label: string; builtin: boolean }>;
  const add = (body: Record<string, unknown>, token?: string) => t().call('POST', '/api/v1/incident-categories', { body, ...(token ? { token } : {}) });

  it('lists the built-in categories with their labels for anyone signed in', async () => {
    const stakeholder = await t().user('stakeholder');
    const items = await list(stakeholder.token);
    expect(items.slice(0, BUILTIN_CATEGORIES.length)).toEqual(BUILTIN_CATEGORIES.map((key) => ({ key, label: CATEGORY_LABELS[key], builtin: true })));
    expect((await t().call('GET', '/api/v1/incident-categories', { token: null })).statusCode).toBe(401);
  });

  it('lets an incident manager add a category that then appears in the list and can be used on incidents', async () => {
    const manager = await t().user('incident_manager');
    const res = await add({ key: 'payment_fraud', label: '  Payment fraud ' }, manager.token);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ key: 'payment_fraud', label: 'Payment fraud', builtin: false });
    expect(await list()).toContainEqual({ key: 'payment_fraud', label: 'Payment fraud', builtin: false });
    const incident = await t().call('POST', '/api/v1/incidents', { body: { title: 'Fake invoice paid', category: 'payment_fraud' } });
    expect(incident.statusCode).toBe(201);
    expect(incident.json().category).toBe('payment_fraud');
    const audit = (await t().call('GET', '/api/v1/audit', { query: { target_type: 'incident_category' } })).json().items;
    expect(audit[0]).toMatchObject({ action: 'incident_category.create', actor: { id: manager.id }, details: { key: 'payment_fraud', label: 'Payment fraud' } });
  });

  it('refuses a key that clashes with a built-in or an existing category (409), adding nothing', async () => {
    expect((await add({ key: 'vishing', label: 'Voice phishing' })).statusCode).toBe(201);
    const before = await list();
    for (const key of ['ransomware', 'vishing']) {
      const res = await add({ key, label: 'Again' });
      expect(res.statusCode, key).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await list()).toEqual(before);
  });

  describe('bad input', () => {
    it.each([
      ['an upper-case key', { key: 'Payment_Fraud', label: 'x' }, 'body.key'],
      ['a key with a hyphen', { key: 'payment-fraud', label: 'x' }, 'body.key'],
      ['a one-letter key', { key: 'p', label: 'x' }, 'body.key'],
      ['a key starting with a digit', { key: '9lives', label: 'x' }, 'body.key'],
      ['an empty label', { key: 'empty_label', label: '   ' }, 'body.label'],
      ['a label over 100 characters', { key: 'long_label', label: 'x'.repeat(101) }, 'body.label'],
      ['an unknown field', { key: 'extra_field', label: 'x', builtin: true }, 'body'],
    ])('refuses %s with a problem naming the field, and adds nothing', async (_label, body, path) => {
      const before = await list();
      const res = await add(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await list()).toEqual(before);
    });
  });

  it('is for incident managers and administrators only', async () => {
    const before = await list();
    for (const role of ['responder', 'analyst', 'risk_owner', 'stakeholder', 'auditor'] as const) {
      const caller = await t().user(role);
      expect((await add({ key: `by_${role}`, label: role }, caller.token)).statusCode, role).toBe(403);
    }
    expect((await t().call('POST', '/api/v1/incident-categories', { token: null, body: { key: 'anonymous', label: 'x' } })).statusCode).toBe(401);
    expect(await list()).toEqual(before);
    expect((await add({ key: 'by_admin', label: 'By admin' })).statusCode).toBe(201);
  });
});
