import { describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../../../src/store/repositories/audit-log.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

interface Entry { id: string; seq: number; action: string; target_type: string; target_id: string; actor: { id: string; name: string } | null; details: Record<string, unknown>; hash: string; at: string }

describeApiOnEachEngine('audit log API', (t, engine) => {
  const page = (query: Record<string, string> = {}, token?: string) => t().call('GET', '/api/v1/audit', { query, ...(token ? { token } : {}) });

  it('answers entries newest first with the acting person and the chain hash', async () => {
    const person = await t().user('analyst');
    const renamed = await t().call('PATCH', `/api/v1/users/${person.id}`, { body: { name: 'Anna Analyst', version: 1 } });
    expect(renamed.statusCode).toBe(200);
    const res = await page({ target_type: 'user', target_id: person.id });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Entry[];
    expect(items.map((e) => e.action)).toEqual(['user.update', 'user.create']);
    expect(items[0]!.seq).toBeGreaterThan(items[1]!.seq);
    expect(items[0]).toMatchObject({ target_type: 'user', target_id: person.id, actor: { id: t().admin.id, name: 'Ada Admin' } });
    expect(items[0]!.details.changes).toEqual({ name: { from: expect.any(String), to: 'Anna Analyst' } });
    expect(items[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    // Test users are made by the built-in system actor.
    expect(items[1]!.actor).toEqual({ id: 'system', name: 'System' });
  });

  it('answers a null actor for entries Bulwark wrote itself', async () => {
    const deps = t().runtime.deps;
    await deps.database.db.transaction().execute((trx) =>
      appendAuditEntry(trx, engine, { organisation_id: t().runtime.organisationId, actor_id: null, action: 'user.create', target_type: 'user', target_id: 'usr_first_admin', details: { first_admin: true }, at: deps.clock.now() }),
    );
    const [entry] = (await page({ target_id: 'usr_first_admin' })).json().items as Entry[];
    expect(entry).toMatchObject({ actor: null, details: { first_admin: true } });
  });

  it('pages through the whole log with cursors, without gaps or repeats', async () => {
    for (let i = 0; i < 3; i += 1) await t().user('responder');
    const everything = (await page({ limit: '200' })).json().items as Entry[];
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await page({ limit: '2', ...(cursor ? { cursor } : {}) });
      const body = res.json() as { items: Entry[]; next_cursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((e) => e.seq));
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(everything.map((e) => e.seq));
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
  });

  describe('bad input', () => {
    it.each([
      ['a malformed cursor', { cursor: 'not-a-cursor' }, 'cursor'],
      ['a limit of 0', { limit: '0' }, 'querystring.limit'],
      ['a limit over 200', { limit: '201' }, 'querystring.limit'],
      ['an unknown filter', { actor: 'me' }, 'querystring'],
    ])('refuses %s with a problem naming the field', async (_label, query, path) => {
      const res = await page(query);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
    });
  });

  it('is for auditors and administrators only', async () => {
    const auditor = await t().user('auditor');
    expect((await page({}, auditor.token)).statusCode).toBe(200);
    for (const role of ['incident_manager', 'responder', 'analyst', 'risk_owner', 'stakeholder'] as const) {
      const caller = await t().user(role);
      expect((await page({}, caller.token)).statusCode, role).toBe(403);
    }
    expect((await t().call('GET', '/api/v1/audit', { token: null })).statusCode).toBe(401);
  });
});
