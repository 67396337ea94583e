import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../src/services/events.js';
import { createIncident } from '../../../src/services/incidents/create-incident.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('incident timeline API', (t) => {
  const openIncident = async (body: Record<string, unknown> = {}, token?: string) =>
    (await t().call('POST', '/api/v1/incidents', { body: { title: 'Suspicious OAuth grant', category: 'account_compromise', detected_at: '2026-11-20T10:00:00Z', ...body }, ...(token ? { token } : {}) })).json();
  const note = (incidentId: string, body: Record<string, unknown>, token?: string | null) =>
    t().call('POST', `/api/v1/incidents/${incidentId}/timeline`, { body, ...(token !== undefined ? { token } : {}) });
  const read = async (incidentId: string, query: Record<string, string> = {}, token?: string) =>
    t().call('GET', `/api/v1/incidents/${incidentId}/timeline`, { query, ...(token ? { token } : {}) });
  const bodies = async (incidentId: string) => (await read(incidentId)).json().items.map((e: { body: string }) => e.body);

  describe('notes', () => {
    it('writes a note with its author, hash, seq, and both when it happened and when it was written', async () => {
      const incident = await openIncident();
      const writer = await t().user('analyst', 'Ana Lyst');
      const events: DomainEvent[] = [];
      const stop = t().runtime.deps.events.subscribe((e) => events.push(e));
      const res = await note(incident.id, { body: 'User **confirmed** the MFA prompt was not theirs' }, writer.token);
      expect(res.statusCode).toBe(201);
      const entry = res.json();
      expect(entry).toMatchObject({ kind: 'note', seq: 2, body: 'User **confirmed** the MFA prompt was not theirs', details: {}, actor: { id: writer.id, name: 'Ana Lyst' } });
      expect(entry.id).toMatch(/^tle_/);
      expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.occurred_at).toBe(entry.recorded_at);
      const audit = await t().runtime.deps.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', entry.id).execute();
      expect(audit).toEqual([{ action: 'timeline.note', actor_id: writer.id }]);
      await expect.poll(() => events.find((e) => e.type === 'timeline.entry_added' && e.entity_id === entry.id)).toMatchObject({ incident_id: incident.id, restricted: false });
      stop();
    });

    it('orders by when things happened, even before detection, ties in the order written, and pages with a cursor', async () => {
      const incident = await openIncident();
      await note(incident.id, { body: 'Grant approved', occurred_at: '2026-11-19T08:00:00+01:00' });
      await note(incident.id, { body: 'Phishing mail delivered', occurred_at: '2026-11-18T09:00:00Z' });
      await note(incident.id, { body: 'Same instant, written later', occurred_at: '2026-11-18T09:00:00Z' });
      await note(incident.id, { body: 'Now' });
      const expected = ['Phishing mail delivered', 'Same instant, written later', 'Grant approved', 'Opened', 'Now'];
      expect((await bodies(incident.id)).map((b: string) => (b.startsWith('Opened') ? 'Opened' : b))).toEqual(expected);
      const first = (await read(incident.id)).json().items[0];
      expect(first.occurred_at).toBe('2026-11-18T09:00:00.000Z');
      expect(first.recorded_at > first.occurred_at).toBe(true);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { limit: '2' };
        if (cursor) query.cursor = cursor;
        const page: { items: Array<{ body: string }>; next_cursor: string | null } = (await read(incident.id, query)).json();
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((e) => (e.body.startsWith('Opened') ? 'Opened' : e.body)));
        cursor = page.next_cursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    });

    it.each([
      ['an unknown field', { body: 'x', bogus: 1 }, 'body'],
      ['no body', {}, 'body.body'],
      ['a blank body', { body: '  \n ' }, 'body.body'],
      ['a body over 1,000,000 characters', { body: 'x'.repeat(1_000_001) }, 'body.body'],
      ['an occurred_at without offset', { body: 'x', occurred_at: '2026-11-20T10:00:00' }, 'body.occurred_at'],
      ['an occurred_at in the future', { body: 'x', occurred_at: '2099-01-01T00:00:00Z' }, 'occurred_at'],
    ])('refuses %s, naming the field, and writes nothing', async (_label, body, path) => {
      const incident = await openIncident();
      const res = await note(incident.id, body);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await bodies(incident.id)).toHaveLength(1);
    });

    it('accepts an occurred_at within a minute of clock skew', async () => {
      const incident = await openIncident();
      const soon = new Date(Date.now() + 30_000).toISOString();
      expect((await note(incident.id, { body: 'Clock a little ahead', occurred_at: soon })).statusCode).toBe(201);
    });
  });

  describe('who may read and write', () => {
    it('needs a token, incident.note to write, and incident.read to read', async () => {
      const incident = await openIncident();
      expect((await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`, { token: null })).statusCode).toBe(401);
      expect((await note(incident.id, { body: 'x' }, null)).statusCode).toBe(401);
      for (const role of ['stakeholder', 'auditor', 'risk_owner'] as const) {
        const user = await t().user(role);
        expect((await note(incident.id, { body: 'x' }, user.token)).statusCode, role).toBe(403);
        expect((await read(incident.id, {}, user.token)).statusCode, role).toBe(200);
      }
      for (const role of ['analyst', 'responder', 'incident_manager'] as const) {
        const user = await t().user(role);
        expect((await note(incident.id, { body: `by ${role}` }, user.token)).statusCode, role).toBe(201);
      }
      expect(await bodies(incident.id)).toHaveLength(4);
    });

    it('hides the timeline of a restricted incident from non-members (404)', async () => {
      const member = await t().user('responder');
      const outsider = await t().user('responder');
      const secret = await openIncident({ restricted: true }, member.token);
      expect((await read(secret.id, {}, outsider.token)).statusCode).toBe(404);
      expect((await note(secret.id, { body: 'x' }, outsider.token)).statusCode).toBe(404);
      expect((await note(secret.id, { body: 'member note' }, member.token)).statusCode).toBe(201);
      expect((await read(secret.id, {}, member.token)).json().items).toHaveLength(2);
      expect((await read('inc_01aaaaaaaaaaaaaaaaaaaaaaaa')).statusCode).toBe(404);
    });

    it('refuses a malformed cursor and a limit over 200', async () => {
      const incident = await openIncident();
      const bad = await read(incident.id, { cursor: 'garbage!' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('cursor');
      expect((await read(incident.id, { limit: '201' })).statusCode).toBe(400);
    });
  });

  it('names the built-in system actor "System"', async () => {
    const { incident } = await createIncident(t().system, { title: 'Opened by the CLI', category: 'other' });
    const entries = (await read(incident.id)).json().items;
    expect(entries[0].actor).toEqual({ id: 'system', name: 'System' });
  });
});
