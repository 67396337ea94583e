import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/api/app.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { signIn, TEST_PASSWORD } from './sign-in.js';

describeApiOnEachEngine('session API', (t) => {
  describe('sign in', () => {
    it('answers the user, a CSRF token and an HttpOnly SameSite=Lax cookie for the right password', async () => {
      const responder = await t().user('responder', 'Rita Responder');
      const res = await t().call('POST', '/api/v1/session', { token: null, body: { email: responder.email.toUpperCase(), password: TEST_PASSWORD } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.user).toEqual({ id: responder.id, email: responder.email, name: 'Rita Responder', role: 'responder' });
      expect(body.csrf_token).toEqual(expect.any(String));
      expect(Date.parse(body.expires_at)).toBeGreaterThan(Date.now());
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/^bulwark_session=/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Lax');
      expect(setCookie).toContain('Path=/');
    });

    it('answers the same 401 problem for a wrong password and an unknown e-mail', async () => {
      const analyst = await t().user('analyst');
      const wrong = await t().call('POST', '/api/v1/session', { token: null, body: { email: analyst.email, password: 'not the password at all' } });
      const unknown = await t().call('POST', '/api/v1/session', { token: null, body: { email: 'nobody@example.test', password: TEST_PASSWORD } });
      for (const res of [wrong, unknown]) {
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      expect(unknown.json().detail).toBe(wrong.json().detail);
    });

    it('refuses a body without a password, naming the field', async () => {
      const res = await t().call('POST', '/api/v1/session', { token: null, body: { email: t().admin.email } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('body.password');
    });
  });

  describe('cookie session', () => {
    it('tells who is signed in, with the session’s CSRF token', async () => {
      const stakeholder = await t().user('stakeholder');
      const session = await signIn(t(), stakeholder.email);
      const res = await t().call('GET', '/api/v1/session', { token: null, headers: session.headers() });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.id).toBe(stakeholder.id);
      expect(res.json().csrf_token).toBe(session.csrf);
      expect((await t().call('GET', '/api/v1/session', { token: null })).statusCode).toBe(401);
    });

    it('refuses a write made with the cookie but without the CSRF token (403), and accepts it with the token', async () => {
      const responder = await t().user('responder');
      const session = await signIn(t(), responder.email);
      const body = { title: 'Suspicious login from abroad', category: 'account_compromise' };
      const before = (await t().call('GET', '/api/v1/incidents/count')).json().count;
      const without = await t().call('POST', '/api/v1/incidents', { token: null, headers: session.headers(), body });
      expect(without.statusCode).toBe(403);
      expect(without.json().code).toBe('csrf_token_missing');
      const wrong = await t().call('POST', '/api/v1/incidents', { token: null, headers: { ...session.headers(), 'x-csrf-token': 'guessed' }, body });
      expect(wrong.statusCode).toBe(403);
      expect((await t().call('GET', '/api/v1/incidents/count')).json().count).toBe(before);
      const withToken = await t().call('POST', '/api/v1/incidents', { token: null, headers: session.headers(true), body });
      expect(withToken.statusCode).toBe(201);
      expect(withToken.json().created_by).toBe(responder.id);
    });

    it('ends the session on sign-out', async () => {
      const analyst = await t().user('analyst');
      const session = await signIn(t(), analyst.email);
      const out = await t().call('DELETE', '/api/v1/session', { token: null, headers: session.headers(true) });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers['set-cookie'])).toMatch(/bulwark_session=;/);
      expect((await t().call('GET', '/api/v1/session', { token: null, headers: session.headers() })).statusCode).toBe(401);
    });

    it('stops a disabled user’s session and refuses their next sign-in', async () => {
      const responder = await t().user('responder');
      const session = await signIn(t(), responder.email);
      const version = (await t().call('GET', '/api/v1/users')).json().items.find((u: { id: string }) => u.id === responder.id).version;
      const disabled = await t().call('PATCH', `/api/v1/users/${responder.id}`, { body: { disabled: true }, headers: { 'if-match': `"${version}"` } });
      expect(disabled.statusCode).toBe(200);
      expect((await t().call('GET', '/api/v1/session', { token: null, headers: session.headers() })).statusCode).toBe(401);
      expect((await t().call('POST', '/api/v1/incidents', { token: null, headers: session.headers(true), body: { title: 'x', category: 'other' } })).statusCode).toBe(401);
      const again = await t().call('POST', '/api/v1/session', { token: null, body: { email: responder.email, password: TEST_PASSWORD } });
      expect(again.statusCode).toBe(401);
    });
  });

  describe('rate limit', () => {
    it('answers 429 problem+json once a client exceeds the sign-in limit', async () => {
      const app = await buildApp({ deps: t().runtime.deps, logLevel: 'silent', webRoot: null, loginRateLimit: 3 });
      try {
        const attempt = () => app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: t().admin.email, password: 'wrong password, again' } });
        for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
        const limited = await attempt();
        expect(limited.statusCode).toBe(429);
        expect(limited.headers['content-type']).toContain('application/problem+json');
        expect(limited.json()).toMatchObject({ status: 429, title: 'Too many requests' });
        const right = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: t().admin.email, password: TEST_PASSWORD } });
        expect(right.statusCode).toBe(429);
      } finally {
        await app.close();
      }
    });
  });
});
