import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { signIn, TEST_PASSWORD } from '../session/sign-in.js';

describeApiOnEachEngine('resetting a password (administrators)', (t) => {
  it('sets the given password, signs the user out everywhere, and the old password stops working', async () => {
    const person = await t().user('responder');
    const session = await signIn(t(), person.email);
    const res = await t().call('POST', `/api/v1/users/${person.id}/reset-password`, { body: { password: 'brand new password 1' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().one_time_password).toBeNull();
    expect((await t().call('GET', '/api/v1/session', { token: null, headers: session.headers() })).statusCode).toBe(401);
    expect((await t().call('POST', '/api/v1/session', { token: null, body: { email: person.email, password: TEST_PASSWORD } })).statusCode).toBe(401);
    await signIn(t(), person.email, 'brand new password 1');
  });

  it('generates a one-time password when none is given', async () => {
    const person = await t().user('analyst');
    const res = await t().call('POST', `/api/v1/users/${person.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const otp = res.json().one_time_password;
    expect(otp).toMatch(/^[A-Za-z0-9]{20}$/);
    await signIn(t(), person.email, otp);
  });

  it('refuses a short password naming the field, non-administrators (403), unknown users (404) and anonymous callers (401)', async () => {
    const person = await t().user('analyst');
    const short = await t().call('POST', `/api/v1/users/${person.id}/reset-password`, { body: { password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.password');
    const manager = await t().user('incident_manager');
    expect((await t().call('POST', `/api/v1/users/${person.id}/reset-password`, { token: manager.token, body: { password: 'attacker chosen pw' } })).statusCode).toBe(403);
    expect((await t().call('POST', `/api/v1/users/${person.id}/reset-password`, { token: person.token, body: { password: 'my own new password' } })).statusCode).toBe(403);
    expect((await t().call('POST', '/api/v1/users/usr_01aaaaaaaaaaaaaaaaaaaaaaaa/reset-password', { body: {} })).statusCode).toBe(404);
    expect((await t().call('POST', `/api/v1/users/${person.id}/reset-password`, { token: null, body: {} })).statusCode).toBe(401);
    await signIn(t(), person.email, TEST_PASSWORD);
  });
});
