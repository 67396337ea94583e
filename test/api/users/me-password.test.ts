import { describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { signIn, TEST_PASSWORD } from '../session/sign-in.js';

describeApiOnEachEngine('changing your own password', (t) => {
  const change = (body: unknown, options: { token?: string | null; headers?: Record<string, string> } = {}) => t().call('POST', '/api/v1/me/password', { body, ...options });
  const canSignIn = async (email: string, password: string) => (await t().call('POST', '/api/v1/session', { token: null, body: { email, password } })).statusCode === 200;

  it('checks the current password, keeps this session and ends the others', async () => {
    const person = await t().user('stakeholder');
    const here = await signIn(t(), person.email);
    const elsewhere = await signIn(t(), person.email);
    const res = await change({ current_password: TEST_PASSWORD, new_password: 'a fresh passphrase' }, { token: null, headers: here.headers(true) });
    expect(res.statusCode).toBe(204);
    expect((await t().call('GET', '/api/v1/session', { token: null, headers: here.headers() })).statusCode).toBe(200);
    expect((await t().call('GET', '/api/v1/session', { token: null, headers: elsewhere.headers() })).statusCode).toBe(401);
    expect(await canSignIn(person.email, TEST_PASSWORD)).toBe(false);
    expect(await canSignIn(person.email, 'a fresh passphrase')).toBe(true);
  });

  it('works with an API token too, ending every session', async () => {
    const person = await t().user('auditor');
    const session = await signIn(t(), person.email);
    expect((await change({ current_password: TEST_PASSWORD, new_password: 'changed by a script' }, { token: person.token })).statusCode).toBe(204);
    expect((await t().call('GET', '/api/v1/session', { token: null, headers: session.headers() })).statusCode).toBe(401);
  });

  describe('refusals', () => {
    it('refuses a wrong current password naming current_password, and keeps the password', async () => {
      const person = await t().user('responder');
      const res = await change({ current_password: 'a wrong guess here', new_password: 'what I would like' }, { token: person.token });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('current_password');
      expect(await canSignIn(person.email, TEST_PASSWORD)).toBe(true);
      expect(await canSignIn(person.email, 'what I would like')).toBe(false);
    });

    it.each([
      ['a new password under 12 characters', { current_password: TEST_PASSWORD, new_password: 'too short' }, 'body.new_password'],
      ['a missing current password', { new_password: 'long enough password' }, 'body.current_password'],
      ['an unknown field', { current_password: TEST_PASSWORD, new_password: 'long enough password', user_id: 'usr_x' }, 'body'],
      ['the same password again', { current_password: TEST_PASSWORD, new_password: TEST_PASSWORD }, 'new_password'],
    ])('refuses %s with a problem naming the field, and keeps the password', async (_label, body, path) => {
      const person = await t().user('analyst');
      const res = await change(body, { token: person.token });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await canSignIn(person.email, TEST_PASSWORD)).toBe(true);
    });

    it('needs someone signed in (401), and a cookie write needs the CSRF token (403)', async () => {
      expect((await change({ current_password: TEST_PASSWORD, new_password: 'long enough password' }, { token: null })).statusCode).toBe(401);
      const person = await t().user('risk_owner');
      const session = await signIn(t(), person.email);
      const res = await change({ current_password: TEST_PASSWORD, new_password: 'long enough password' }, { token: null, headers: session.headers(false) });
      expect(res.statusCode).toBe(403);
      expect(await canSignIn(person.email, TEST_PASSWORD)).toBe(true);
    });

    it('throttles guessing: after 10 attempts a minute it answers 429', async () => {
      const person = await t().user('responder');
      for (let i = 0; i < 10; i += 1) expect((await change({ current_password: `guess number ${i}`, new_password: 'whatever I want' }, { token: person.token })).statusCode).toBe(400);
      const limited = await change({ current_password: TEST_PASSWORD, new_password: 'whatever I want' }, { token: person.token });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
      expect(await canSignIn(person.email, TEST_PASSWORD)).toBe(true);
    });
  });
});
