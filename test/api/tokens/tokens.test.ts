import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, HOUR_MS } from '../../../src/domain/time.js';
import { describeEachEngine } from '../../support/engines.js';
import { describeApiOnEachEngine, startTestApp } from '../../support/test-app.js';

describeApiOnEachEngine('API tokens API', (t) => {
  const create = (body: Record<string, unknown>, token?: string) => t().call('POST', '/api/v1/tokens', { body, ...(token ? { token } : {}) });
  const listIds = async (token?: string) => (await t().call('GET', '/api/v1/tokens', token ? { token } : {})).json().items.map((k: { id: string }) => k.id) as string[];

  describe('create', () => {
    it('shows the secret once, stores only its hash, and the secret works as a bearer token', async () => {
      const responder = await t().user('responder');
      const res = await create({ name: 'SIEM integration' }, responder.token);
      expect(res.statusCode).toBe(201);
      const { token, secret } = res.json();
      expect(secret).toMatch(/^bwk_[A-Za-z0-9_-]{40,}$/);
      expect(token).toMatchObject({ name: 'SIEM integration', role: 'responder', user_id: responder.id, token_prefix: secret.slice(0, 10), expires_at: null, revoked_at: null });
      const who = await t().call('GET', '/api/v1/session', { token: secret });
      expect(who.json().user).toMatchObject({ id: responder.id, role: 'responder' });
      const listing = await t().call('GET', '/api/v1/tokens', { token: responder.token });
      expect(listing.json().items.map((k: { id: string }) => k.id)).toContain(token.id);
      expect(listing.body).not.toContain(secret);
      expect(listing.body).not.toContain('token_hash');
    });

    it('may carry a narrower role than the owner’s, but never a wider one', async () => {
      const manager = await t().user('incident_manager');
      const narrow = await create({ name: 'read-only dashboard', role: 'stakeholder' }, manager.token);
      expect(narrow.json().token.role).toBe('stakeholder');
      const wide = await create({ name: 'sneaky', role: 'admin' }, manager.token);
      expect(wide.statusCode).toBe(400);
      expect(wide.json().errors[0].path).toBe('role');
      const sideways = await create({ name: 'sideways', role: 'auditor' }, manager.token);
      expect(sideways.statusCode).toBe(400);
      expect(sideways.json().errors[0].path).toBe('role');
    });

    it('does not let a narrow token mint a wider one, even for an administrator', async () => {
      const narrow = (await create({ name: 'analyst-level script', role: 'analyst' })).json().secret as string;
      const before = await listIds();
      const escalate = await create({ name: 'escalation', role: 'admin' }, narrow);
      expect(escalate.statusCode).toBe(400);
      expect(escalate.json().errors[0].path).toBe('role');
      expect(await listIds()).toEqual(before);
      const defaulted = await create({ name: 'same level' }, narrow);
      expect(defaulted.statusCode).toBe(201);
      expect(defaulted.json().token.role).toBe('analyst');
      const forOther = await create({ name: 'for someone else', user_id: (await t().user('responder')).id }, narrow);
      expect(forOther.statusCode).toBe(403);
    });

    it('lets an administrator create a token for someone else, within that person’s role', async () => {
      const analyst = await t().user('analyst');
      const res = await create({ name: 'for the analyst', user_id: analyst.id });
      expect(res.statusCode).toBe(201);
      expect(res.json().token).toMatchObject({ user_id: analyst.id, role: 'analyst' });
      expect((await create({ name: 'too much', user_id: analyst.id, role: 'responder' })).statusCode).toBe(400);
      expect((await create({ name: 'nobody', user_id: 'usr_01aaaaaaaaaaaaaaaaaaaaaaaa' })).statusCode).toBe(404);
    });

    it('refuses a non-administrator creating a token for someone else (403)', async () => {
      const responder = await t().user('responder');
      const other = await t().user('responder');
      const res = await create({ name: 'not mine', user_id: other.id }, responder.token);
      expect(res.statusCode).toBe(403);
      expect(await listIds(other.token)).toHaveLength(1);
    });

    it.each([
      ['an empty name', { name: '  ' }, 'body.name'],
      ['an unknown role', { name: 'x', role: 'god' }, 'body.role'],
      ['an expiry that is not a date-time', { name: 'x', expires_at: 'tomorrow' }, 'body.expires_at'],
      ['an expiry in the past', { name: 'x', expires_at: '2001-01-01T00:00:00Z' }, 'expires_at'],
      ['an unknown field', { name: 'x', secret: 'bwk_mine' }, 'body'],
    ])('refuses %s with a problem naming the field, and creates nothing', async (_label, body, path) => {
      const before = await listIds();
      const res = await create(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await listIds()).toEqual(before);
    });

    it('needs someone signed in', async () => {
      expect((await t().call('POST', '/api/v1/tokens', { token: null, body: { name: 'x' } })).statusCode).toBe(401);
      expect((await t().call('GET', '/api/v1/tokens', { token: null })).statusCode).toBe(401);
    });
  });

  describe('list and revoke', () => {
    it('shows people their own tokens and administrators everyone’s', async () => {
      const alice = await t().user('analyst');
      const bob = await t().user('analyst');
      const aliceIds = await listIds(alice.token);
      expect(aliceIds).toHaveLength(1);
      expect(aliceIds).not.toContain((await listIds(bob.token))[0]);
      const all = await listIds();
      expect(all).toEqual(expect.arrayContaining([...aliceIds, ...(await listIds(bob.token))]));
    });

    it('revokes your own token at once; revoking again changes nothing', async () => {
      const responder = await t().user('responder');
      const { token, secret } = (await create({ name: 'short-lived' }, responder.token)).json();
      const res = await t().call('DELETE', `/api/v1/tokens/${token.id}`, { token: responder.token });
      expect(res.statusCode).toBe(200);
      expect(res.json().revoked_at).toEqual(expect.any(String));
      expect((await t().call('GET', '/api/v1/incidents', { token: secret })).statusCode).toBe(401);
      const again = await t().call('DELETE', `/api/v1/tokens/${token.id}`, { token: responder.token });
      expect(again.json().revoked_at).toBe(res.json().revoked_at);
    });

    it('answers 404 when someone other than the owner or an administrator revokes, and the token keeps working', async () => {
      const owner = await t().user('responder');
      const stranger = await t().user('incident_manager');
      const { token, secret } = (await create({ name: 'mine' }, owner.token)).json();
      expect((await t().call('DELETE', `/api/v1/tokens/${token.id}`, { token: stranger.token })).statusCode).toBe(404);
      expect((await t().call('GET', '/api/v1/incidents', { token: secret })).statusCode).toBe(200);
      expect((await t().call('DELETE', `/api/v1/tokens/${token.id}`, { token: null })).statusCode).toBe(401);
      expect((await t().call('DELETE', '/api/v1/tokens/tok_01aaaaaaaaaaaaaaaaaaaaaaaa')).statusCode).toBe(404);
      const byAdmin = await t().call('DELETE', `/api/v1/tokens/${token.id}`);
      expect(byAdmin.statusCode).toBe(200);
      expect((await t().call('GET', '/api/v1/incidents', { token: secret })).statusCode).toBe(401);
    });
  });
});

describeEachEngine('API token expiry', (database) => {
  const clock = fixedClock('2026-11-23T08:00:00.000Z');
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp(database(), { clock });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a token once its expiry has passed (401)', async () => {
    const res = await app.call('POST', '/api/v1/tokens', { body: { name: 'one hour', expires_at: '2026-11-23T09:00:00+00:00' } });
    expect(res.json().token.expires_at).toBe('2026-11-23T09:00:00.000Z');
    const secret = res.json().secret as string;
    expect((await app.call('GET', '/api/v1/session', { token: secret })).statusCode).toBe(200);
    clock.advance(HOUR_MS + 1);
    const expired = await app.call('GET', '/api/v1/session', { token: secret });
    expect(expired.statusCode).toBe(401);
    expect(expired.headers['content-type']).toContain('application/problem+json');
  });
});
