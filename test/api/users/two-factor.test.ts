import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/domain/time.js';
import { totpCode } from '../../../src/domain/totp.js';
import { describeEachEngine } from '../../support/engines.js';
import { startTestApp, type TestUser } from '../../support/test-app.js';
import { signIn, TEST_PASSWORD } from '../session/sign-in.js';

describeEachEngine('two-factor sign-in', (database) => {
  const clock = fixedClock('2026-11-23T09:00:00.000Z');
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp(database(), { clock });
  });
  afterAll(async () => {
    await t.close();
  });

  const nextStep = () => clock.advance(30_000);
  const codeNow = (secret: string) => totpCode(secret, Date.parse(clock.now()));
  const signInWith = (email: string, extra: Record<string, unknown> = {}) => t.call('POST', '/api/v1/session', { token: null, body: { email, password: TEST_PASSWORD, ...extra } });
  const audited = async (action: string, userId: string) => {
    const res = await t.call('GET', `/api/v1/audit?target_type=user&target_id=${userId}&limit=100`);
    return (res.json().items as Array<{ action: string; target_id: string; details: Record<string, unknown> }>).filter((e) => e.action === action && e.target_id === userId);
  };

  /** A person who turned two-factor on through the API; answers their secret and recovery codes. */
  async function withTwoFactor(person: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await t.call('POST', '/api/v1/me/two-factor/setup', { token: person.token, body: { current_password: TEST_PASSWORD } });
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret } = setup.json();
    const confirmed = await t.call('POST', '/api/v1/me/two-factor/confirm', { token: person.token, body: { code: codeNow(secret) } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return { secret, recoveryCodes: confirmed.json().recovery_codes };
  }

  it('sets up with a secret and QR address, changes nothing until confirmed, then asks for a code at sign-in', async () => {
    const person = await t.user('responder');
    const setup = await t.call('POST', '/api/v1/me/two-factor/setup', { token: person.token, body: { current_password: TEST_PASSWORD } });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauth_uri } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauth_uri).toContain(`secret=${secret}`);
    expect(otpauth_uri).toContain(encodeURIComponent(person.email));
    expect((await t.call('GET', '/api/v1/me/two-factor', { token: person.token })).json()).toEqual({ enabled: false, enabled_at: null, pending: true, recovery_codes_left: 0 });
    expect((await signInWith(person.email)).statusCode).toBe(200);

    const wrong = await t.call('POST', '/api/v1/me/two-factor/confirm', { token: person.token, body: { code: totpCode(secret, Date.parse(clock.now()) + 5 * 60_000) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('code');
    const confirmed = await t.call('POST', '/api/v1/me/two-factor/confirm', { token: person.token, body: { code: codeNow(secret) } });
    expect(confirmed.statusCode).toBe(200);
    const codes: string[] = confirmed.json().recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect((await t.call('GET', '/api/v1/me/two-factor', { token: person.token })).json()).toMatchObject({ enabled: true, enabled_at: clock.now(), pending: false, recovery_codes_left: 10 });
    expect((await t.call('GET', '/api/v1/users')).json().items.find((u: { id: string }) => u.id === person.id).two_factor_enabled).toBe(true);

    const withoutCode = await signInWith(person.email);
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.headers['content-type']).toContain('application/problem+json');
    expect(withoutCode.json()).toMatchObject({ code: 'two_factor_required' });
    expect(withoutCode.cookies).toHaveLength(0);
    const wrongPassword = await t.call('POST', '/api/v1/session', { token: null, body: { email: person.email, password: 'not the password at all' } });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().code).toBeUndefined();

    nextStep();
    const ok = await signInWith(person.email, { code: codeNow(secret) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.cookies.some((c) => c.name === 'bulwark_session')).toBe(true);
    expect((await audited('session.login', person.id))[0]?.details.second_factor).toBe('totp');
  });

  it('accepts each code once, and a code of the step either side', async () => {
    const person = await t.user('analyst');
    const { secret } = await withTwoFactor(person);
    nextStep();
    const code = codeNow(secret);
    expect((await signInWith(person.email, { code })).statusCode).toBe(200);
    const replay = await signInWith(person.email, { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('two_factor_required');
    expect((await signInWith(person.email, { code: totpCode(secret, Date.parse(clock.now()) + 30_000) })).statusCode).toBe(200);
  });

  it('lets a recovery code in once, in any case and with or without the dash', async () => {
    const person = await t.user('stakeholder');
    const { recoveryCodes } = await withTwoFactor(person);
    const [first, second] = recoveryCodes as [string, string];
    expect((await signInWith(person.email, { code: first })).statusCode).toBe(200);
    expect((await signInWith(person.email, { code: first })).statusCode).toBe(401);
    expect((await signInWith(person.email, { code: ` ${second.replace('-', '').toUpperCase()} ` })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/me/two-factor', { token: person.token })).json().recovery_codes_left).toBe(8);
    expect((await audited('session.login', person.id))[0]?.details.second_factor).toBe('recovery_code');
  });

  it('renews recovery codes with the password: the old ones stop working', async () => {
    const person = await t.user('risk_owner');
    const { recoveryCodes } = await withTwoFactor(person);
    expect((await t.call('POST', '/api/v1/me/two-factor/recovery-codes', { token: person.token, body: { current_password: 'a wrong password' } })).statusCode).toBe(400);
    const renewed = await t.call('POST', '/api/v1/me/two-factor/recovery-codes', { token: person.token, body: { current_password: TEST_PASSWORD } });
    expect(renewed.statusCode).toBe(200);
    expect((await signInWith(person.email, { code: recoveryCodes[0] })).statusCode).toBe(401);
    expect((await signInWith(person.email, { code: renewed.json().recovery_codes[0] })).statusCode).toBe(200);
  });

  it('pauses sign-in for the account after ten wrong codes in a row, then lets it in again', async () => {
    const person = await t.user('responder');
    const { secret } = await withTwoFactor(person);
    for (let i = 0; i < 10; i += 1) expect((await signInWith(person.email, { code: '000000' })).statusCode).toBe(401);
    nextStep();
    const paused = await signInWith(person.email, { code: codeNow(secret) });
    expect(paused.statusCode).toBe(429);
    expect(paused.json()).toMatchObject({ code: 'two_factor_locked' });
    expect(await audited('session.two_factor_refused', person.id)).toHaveLength(10);
    clock.advance(15 * 60_000);
    expect((await signInWith(person.email, { code: codeNow(secret) })).statusCode).toBe(200);
  });

  it('turning it on ends the person’s other sessions; turning it off needs the password', async () => {
    const person = await t.user('incident_manager');
    const elsewhere = await signIn(t, person.email);
    const { secret } = await withTwoFactor(person);
    expect((await t.call('GET', '/api/v1/session', { token: null, headers: elsewhere.headers() })).statusCode).toBe(401);
    const refused = await t.call('POST', '/api/v1/me/two-factor/disable', { token: person.token, body: { current_password: 'not my password!' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('current_password');
    nextStep();
    expect((await signInWith(person.email)).statusCode).toBe(401);
    expect((await t.call('POST', '/api/v1/me/two-factor/disable', { token: person.token, body: { current_password: TEST_PASSWORD } })).statusCode).toBe(204);
    expect((await signInWith(person.email)).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/me/two-factor', { token: person.token })).json()).toEqual({ enabled: false, enabled_at: null, pending: false, recovery_codes_left: 0 });
    expect(secret).toBeTruthy();
  });

  it('an administrator resets it for someone who lost their phone: password alone, signed out everywhere', async () => {
    const person = await t.user('analyst');
    await withTwoFactor(person);
    nextStep();
    const session = await t.call('POST', '/api/v1/session', { token: null, body: { email: person.email, password: TEST_PASSWORD, code: '' } });
    expect(session.statusCode).toBe(401);
    const reset = await t.call('POST', `/api/v1/users/${person.id}/reset-two-factor`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ id: person.id, two_factor_enabled: false });
    expect((await signInWith(person.email)).statusCode).toBe(200);
    expect(await audited('user.two_factor_reset', person.id)).toHaveLength(1);
    expect((await t.call('POST', `/api/v1/users/${person.id}/reset-two-factor`)).statusCode).toBe(409);
  });

  describe('refusals', () => {
    it('refuses set-up with a wrong password, and a second set-up while on (409)', async () => {
      const person = await t.user('responder');
      const wrong = await t.call('POST', '/api/v1/me/two-factor/setup', { token: person.token, body: { current_password: 'not the password' } });
      expect(wrong.statusCode).toBe(400);
      expect((await t.call('GET', '/api/v1/me/two-factor', { token: person.token })).json().pending).toBe(false);
      await withTwoFactor(person);
      expect((await t.call('POST', '/api/v1/me/two-factor/setup', { token: person.token, body: { current_password: TEST_PASSWORD } })).statusCode).toBe(409);
    });

    it.each([
      ['letters', { code: 'abcdef' }, 'body.code'],
      ['five digits', { code: '12345' }, 'body.code'],
      ['no code', {}, 'body.code'],
      ['an unknown field', { code: '123456', secret: 'AAAA' }, 'body'],
    ])('refuses a confirmation with %s, naming the field', async (_label, body, path) => {
      const person = await t.user('analyst');
      await t.call('POST', '/api/v1/me/two-factor/setup', { token: person.token, body: { current_password: TEST_PASSWORD } });
      const res = await t.call('POST', '/api/v1/me/two-factor/confirm', { token: person.token, body });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect((await t.call('GET', '/api/v1/me/two-factor', { token: person.token })).json().enabled).toBe(false);
    });

    it('refuses confirming before set-up (409), a sign-in code over 64 characters (400), and reset by a non-administrator (403)', async () => {
      const person = await t.user('responder');
      expect((await t.call('POST', '/api/v1/me/two-factor/confirm', { token: person.token, body: { code: '123456' } })).statusCode).toBe(409);
      expect((await signInWith(person.email, { code: 'x'.repeat(65) })).statusCode).toBe(400);
      const manager = await t.user('incident_manager');
      await withTwoFactor(person);
      expect((await t.call('POST', `/api/v1/users/${person.id}/reset-two-factor`, { token: manager.token })).statusCode).toBe(403);
      expect((await t.call('GET', '/api/v1/me/two-factor', { token: person.token })).json().enabled).toBe(true);
    });

    it('needs someone signed in', async () => {
      expect((await t.call('GET', '/api/v1/me/two-factor', { token: null })).statusCode).toBe(401);
      expect((await t.call('POST', '/api/v1/me/two-factor/setup', { token: null, body: { current_password: TEST_PASSWORD } })).statusCode).toBe(401);
    });
  });
});
