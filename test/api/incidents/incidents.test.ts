import { describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('incidents API', (t) => {
  const open = async (body: Record<string, unknown> = {}, token?: string) =>
    t().call('POST', '/api/v1/incidents', { body: { title: 'Ransomware on file server FS01', category: 'ransomware', severity: 1, ...body }, ...(token ? { token } : {}) });

  describe('create', () => {
    it('answers 201 with a numbered incident in detection and an ETag', async () => {
      const res = await open({ tags: ['Finance', 'finance ', 'ransom'] });
      expect(res.statusCode).toBe(201);
      const incident = res.json();
      expect(incident.id).toMatch(/^inc_[0-9a-z]{26}$/);
      expect(incident.number).toMatch(/^INC-\d{4}-\d{4}$/);
      expect(incident.phase).toBe('detection');
      expect(incident.version).toBe(1);
      expect(incident.tags).toEqual(['finance', 'ransom']);
      expect(res.headers.etag).toBe('"1"');
      const again = await open();
      expect(Number(again.json().number.slice(-4))).toBe(Number(incident.number.slice(-4)) + 1);
    });

    it('suggests the severity from the NIST impact ratings when none is given', async () => {
      const res = await open({ severity: undefined, functional_impact: 'medium', information_impact: 'none', recoverability: 'regular' });
      expect(res.json().severity).toBe(2);
    });

    it('replays a create with the same Idempotency-Key instead of creating twice', async () => {
      const headers = { 'idempotency-key': `key-${Math.random()}` };
      const first = await t().call('POST', '/api/v1/incidents', { body: { title: 'Phish', category: 'phishing' }, headers });
      const second = await t().call('POST', '/api/v1/incidents', { body: { title: 'Phish', category: 'phishing' }, headers });
      expect(second.statusCode).toBe(201);
      expect(second.json().id).toBe(first.json().id);
      expect(second.headers['idempotent-replayed']).toBe('true');
      const different = await t().call('POST', '/api/v1/incidents', { body: { title: 'Other', category: 'phishing' }, headers });
      expect(different.statusCode).toBe(409);
    });

    it.each([
      ['an unknown field', { bogus: true }, 'body'],
      ['a title over 300 characters', { title: 'x'.repeat(301) }, 'body.title'],
      ['an empty title', { title: '   ' }, 'body.title'],
      ['a severity of 5', { severity: 5 }, 'body.severity'],
      ['an unknown category', { category: 'alien_invasion' }, 'category'],
      ['a date without offset', { detected_at: '2026-11-23T10:00:00' }, 'body.detected_at'],
      ['occurred after detected', { occurred_at: '2026-11-23T10:00:00Z', detected_at: '2026-11-23T09:00:00Z' }, 'detected_at'],
      ['markdown over 1,000,000 characters', { summary: 'x'.repeat(1_000_001) }, 'body.summary'],
    ])('refuses %s with a problem naming the field, and creates nothing', async (_label, body, path) => {
      const before = (await t().call('GET', '/api/v1/incidents/count')).json().count;
      const res = await open(body);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.status).toBe(400);
      expect(problem.errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect((await t().call('GET', '/api/v1/incidents/count')).json().count).toBe(before);
    });

    it('refuses malformed JSON and oversized bodies with problems', async () => {
      const bad = await t().call('POST', '/api/v1/incidents', { body: '{"title": ', headers: { 'content-type': 'application/json' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      const huge = await t().call('POST', '/api/v1/incidents', { body: { title: 'x', category: 'other', summary: 'y'.repeat(5 * 1024 * 1024) } });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().title).toBe('Request too large');
    });

    it('refuses callers without a token or with a revoked one', async () => {
      expect((await t().call('GET', '/api/v1/incidents', { token: null })).statusCode).toBe(401);
      expect((await t().call('GET', '/api/v1/incidents', { token: 'bwk_nope' })).statusCode).toBe(401);
    });

    it('refuses roles that cannot open incidents', async () => {
      for (const role of ['stakeholder', 'auditor', 'risk_owner'] as const) {
        const user = await t().user(role);
        const res = await open({}, user.token);
        expect(res.statusCode, role).toBe(403);
      }
      const analyst = await t().user('analyst');
      expect((await open({}, analyst.token)).statusCode).toBe(201);
    });
  });

  describe('update with optimistic concurrency', () => {
    it('applies an edit at the current version and refuses a stale one with 412', async () => {
      const incident = (await open()).json();
      const first = await t().call('PATCH', `/api/v1/incidents/${incident.id}`, { body: { severity: 2 }, headers: { 'if-match': '"1"' } });
      expect(first.statusCode).toBe(200);
      expect(first.json().version).toBe(2);
      expect(first.headers.etag).toBe('"2"');
      const stale = await t().call('PATCH', `/api/v1/incidents/${incident.id}`, { body: { title: 'Lost update' }, headers: { 'if-match': '"1"' } });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current_version).toBe(2);
      const now = (await t().call('GET', `/api/v1/incidents/${incident.id}`)).json();
      expect(now.title).toBe(incident.title);
      expect(now.severity).toBe(2);
    });

    it('asks for a version when none is given (428)', async () => {
      const incident = (await open()).json();
      const res = await t().call('PATCH', `/api/v1/incidents/${incident.id}`, { body: { severity: 2 } });
      expect(res.statusCode).toBe(428);
    });

    it('answers 404 for unknown incidents', async () => {
      const res = await t().call('PATCH', '/api/v1/incidents/inc_01aaaaaaaaaaaaaaaaaaaaaaaa', { body: { severity: 2 }, headers: { 'if-match': '"1"' } });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('life cycle', () => {
    it('moves through the phases, stamps timestamps, writes the timeline, and computes metrics', async () => {
      const incident = (await open({ severity: 3 })).json();
      const move = (to: string, extra: Record<string, unknown> = {}) => t().call('POST', `/api/v1/incidents/${incident.id}/transitions`, { body: { to, ...extra } });
      expect((await move('containment')).json().acknowledged_at).not.toBeNull();
      const eradication = (await move('eradication')).json();
      expect(eradication.contained_at).not.toBeNull();
      expect(eradication.metrics.time_to_contain_ms).toBeGreaterThanOrEqual(0);
      expect((await move('recovery')).json().eradicated_at).not.toBeNull();
      expect((await move('post_incident')).json().recovered_at).not.toBeNull();
      const noResolution = await move('closed');
      expect(noResolution.statusCode).toBe(400);
      const closed = (await move('closed', { resolution: 'true_positive' })).json();
      expect(closed.phase).toBe('closed');
      expect(closed.closed_at).not.toBeNull();
      const reopened = (await move('containment')).json();
      expect(reopened.closed_at).toBeNull();
      expect(reopened.resolution).toBeNull();

      const detail = (await t().call('GET', `/api/v1/incidents/${incident.id}`)).json();
      expect(detail.phase_changes.map((c: { to_phase: string }) => c.to_phase)).toEqual(['containment', 'eradication', 'recovery', 'post_incident', 'closed', 'containment']);
    });

    it('needs a reason to skip phases and a completed review to close severity 1', async () => {
      const incident = (await open({ severity: 1 })).json();
      const skip = await t().call('POST', `/api/v1/incidents/${incident.id}/transitions`, { body: { to: 'recovery' } });
      expect(skip.statusCode).toBe(400);
      expect(skip.json().errors[0].path).toBe('reason');
      const skipped = await t().call('POST', `/api/v1/incidents/${incident.id}/transitions`, { body: { to: 'post_incident', reason: 'Contained by EDR before triage' } });
      expect(skipped.statusCode).toBe(200);
      const close = () => t().call('POST', `/api/v1/incidents/${incident.id}/transitions`, { body: { to: 'closed', resolution: 'true_positive' } });
      const refused = await close();
      expect(refused.statusCode).toBe(409);
      expect(refused.json().requirement).toBe('review_completed');
      expect((await t().call('PUT', `/api/v1/incidents/${incident.id}/review-completed`, { body: { completed: true } })).statusCode).toBe(200);
      expect((await close()).statusCode).toBe(200);
    });

    it('refuses an unknown phase and a move to the same phase', async () => {
      const incident = (await open()).json();
      expect((await t().call('POST', `/api/v1/incidents/${incident.id}/transitions`, { body: { to: 'party' } })).statusCode).toBe(400);
      expect((await t().call('POST', `/api/v1/incidents/${incident.id}/transitions`, { body: { to: 'detection' } })).statusCode).toBe(400);
    });
  });

  describe('restricted incidents', () => {
    it('are invisible to non-members in lists, counts and by id (404), and visible to members', async () => {
      const responder = await t().user('responder');
      const outsider = await t().user('responder');
      const secret = (await open({ title: 'Insider case Zebra', restricted: true }, responder.token)).json();
      expect(secret.restricted).toBe(true);

      const seenBy = async (token: string) => (await t().call('GET', '/api/v1/incidents', { token, query: { q: 'Zebra' } })).json().items.map((i: { id: string }) => i.id);
      expect(await seenBy(responder.token)).toContain(secret.id);
      expect(await seenBy(t().admin.token)).toContain(secret.id);
      expect(await seenBy(outsider.token)).not.toContain(secret.id);
      expect((await t().call('GET', `/api/v1/incidents/${secret.id}`, { token: outsider.token })).statusCode).toBe(404);
      expect((await t().call('PATCH', `/api/v1/incidents/${secret.id}`, { token: outsider.token, body: { severity: 4 }, headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
      const countOutsider = (await t().call('GET', '/api/v1/incidents/count', { token: outsider.token, query: { q: 'Zebra' } })).json().count;
      expect(countOutsider).toBe(0);
    });
  });

  describe('list', () => {
    it('filters, searches and pages with a cursor without repeating or skipping', async () => {
      const tag = `batch${Math.random().toString(36).slice(2, 8)}`;
      for (let i = 0; i < 7; i += 1) await open({ title: `Phishing wave ${i}`, category: 'phishing', severity: (i % 4) + 1, tags: [tag] });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { tag, limit: '3' };
        if (cursor) query.cursor = cursor;
        const page = (await t().call('GET', '/api/v1/incidents', { query })).json();
        seen.push(...page.items.map((i: { id: string }) => i.id));
        cursor = page.next_cursor;
      } while (cursor);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);

      const severe = (await t().call('GET', '/api/v1/incidents', { query: { tag, severity: '1,2' } })).json();
      expect(severe.items.every((i: { severity: number }) => i.severity <= 2)).toBe(true);
      expect(severe.items).toHaveLength(4);
      const bySeverity = (await t().call('GET', '/api/v1/incidents', { query: { tag, sort: 'severity' } })).json();
      const severities = bySeverity.items.map((i: { severity: number }) => i.severity);
      expect(severities).toEqual([...severities].sort());
      const searched = (await t().call('GET', '/api/v1/incidents', { query: { q: 'phish wave 3' } })).json();
      expect(searched.items.map((i: { title: string }) => i.title)).toContain('Phishing wave 3');
      const bad = await t().call('GET', '/api/v1/incidents', { query: { cursor: 'garbage!' } });
      expect(bad.statusCode).toBe(400);
      expect((await t().call('GET', '/api/v1/incidents', { query: { phase: 'nonsense' } })).statusCode).toBe(400);
    });
  });
});
