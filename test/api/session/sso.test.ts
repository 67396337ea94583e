import { afterAll, expect, it } from 'vitest';
import { describeApiOnEachEngine, type TestApp } from '../../support/test-app.js';
import { OIDC_CLIENT, startIdentityProvider } from '../../support/oidc-provider.js';

const CALLBACK = 'http://localhost:8080/api/v1/session/oidc/callback';
const provider = await startIdentityProvider({
  claims: (login) => (login === 'unverified' ? { email: 'unverified@example.test', email_verified: false } : login === 'no-email' ? {} : { email: `${login}@example.test`, email_verified: true, name: `SSO ${login}` }),
});
provider.trust(CALLBACK);
afterAll(() => provider.close());
const oidc = { issuer: provider.issuer, ...OIDC_CLIENT, name: 'Contoso SSO' };

/** The browser's round trip: Bulwark → provider (signing in as `login`) → Bulwark's callback, with the flow cookie. */
async function signInThroughProvider(t: TestApp, login: string, next?: string) {
  const start = await t.call('GET', `/api/v1/session/oidc${next ? `?next=${encodeURIComponent(next)}` : ''}`, { token: null });
  expect(start.statusCode, start.body).toBe(302);
  const flow = start.cookies.find((c) => c.name === 'bulwark_sso');
  expect(start.headers['set-cookie']).toContain('HttpOnly');
  const back = await provider.signIn(start.headers.location as string, login);
  expect(back.href.startsWith(CALLBACK)).toBe(true);
  return t.call('GET', `${back.pathname}${back.search}`, { token: null, headers: { cookie: `bulwark_sso=${flow!.value}` } });
}
const sessionCookie = (res: { cookies: Array<{ name: string; value: string }> }) => res.cookies.find((c) => c.name === 'bulwark_session' && c.value);
const ssoError = (location: string) => new URL(location, 'http://x').searchParams.get('sso_error');

describeApiOnEachEngine('single sign-on (OpenID Connect)', (t) => {
  it('tells the sign-in page it is there', async () => {
    const res = await t().call('GET', '/api/v1/session/providers', { token: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ oidc: { name: 'Contoso SSO', start_url: '/api/v1/session/oidc' } });
  });

  it('signs in a person with an account by their verified e-mail, sends them where they were going, and binds the identity', async () => {
    const person = await t().user('responder');
    const login = person.email.split('@')[0]!;
    const res = await signInThroughProvider(t(), login, '/incidents?phase=containment');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/incidents?phase=containment');
    const cookie = sessionCookie(res);
    expect([res.headers['set-cookie']].flat().find((c) => String(c).startsWith('bulwark_session='))).toContain('HttpOnly');
    const session = await t().call('GET', '/api/v1/session', { token: null, headers: { cookie: `bulwark_session=${cookie!.value}` } });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.id).toBe(person.id);
    expect(session.json().csrf_token).toBeTruthy();
    const audit = await t().call('GET', `/api/v1/audit?target_type=user&target_id=${person.id}`);
    expect(audit.json().items.find((e: { action: string }) => e.action === 'session.login').details).toMatchObject({ method: 'oidc', issuer: provider.issuer });
  });

  it('does not ask for Bulwark’s own second factor (the provider’s applies)', async () => {
    const person = await t().user('analyst');
    const { totpCode } = await import('../../../src/domain/totp.js');
    const setup = await t().call('POST', '/api/v1/me/two-factor/setup', { token: person.token, body: { current_password: 'correct horse battery staple' } });
    await t().call('POST', '/api/v1/me/two-factor/confirm', { token: person.token, body: { code: totpCode(setup.json().secret, Date.now()) } });
    const res = await signInThroughProvider(t(), person.email.split('@')[0]!);
    expect(res.statusCode).toBe(302);
    expect(sessionCookie(res)).toBeDefined();
  });

  it('refuses, back on the sign-in page with the reason: no account, an unverified or missing e-mail, a disabled account', async () => {
    const unknown = await signInThroughProvider(t(), 'nobody-here', '/risks');
    expect(unknown.statusCode).toBe(302);
    expect(new URL(unknown.headers.location as string, 'http://x').pathname).toBe('/login');
    expect(new URL(unknown.headers.location as string, 'http://x').searchParams.get('next')).toBe('/risks');
    expect(ssoError(unknown.headers.location as string)).toBe('no_account');
    expect(sessionCookie(unknown)).toBeUndefined();
    expect((await t().call('GET', '/api/v1/users')).json().items.some((u: { email: string }) => u.email === 'nobody-here@example.test')).toBe(false);

    expect(ssoError((await signInThroughProvider(t(), 'unverified')).headers.location as string)).toBe('email_unverified');
    expect(ssoError((await signInThroughProvider(t(), 'no-email')).headers.location as string)).toBe('email_missing');

    const person = await t().user('stakeholder');
    await t().call('PATCH', `/api/v1/users/${person.id}`, { body: { disabled: true, version: 1 } });
    const disabled = await signInThroughProvider(t(), person.email.split('@')[0]!);
    expect(ssoError(disabled.headers.location as string)).toBe('account_disabled');
    expect(sessionCookie(disabled)).toBeUndefined();
  });

  it('refuses a callback without the flow cookie, with a forged state, or with a provider error, and never redirects off-site', async () => {
    const person = await t().user('auditor');
    const noCookie = await t().call('GET', '/api/v1/session/oidc/callback?code=abc&state=xyz', { token: null });
    expect(noCookie.statusCode).toBe(302);
    expect(ssoError(noCookie.headers.location as string)).toBe('expired');

    const start = await t().call('GET', '/api/v1/session/oidc?next=//evil.example/steal', { token: null });
    const flow = start.cookies.find((c) => c.name === 'bulwark_sso')!;
    const back = await provider.signIn(start.headers.location as string, person.email.split('@')[0]!);
    back.searchParams.set('state', 'forged');
    const forged = await t().call('GET', `${back.pathname}${back.search}`, { token: null, headers: { cookie: `bulwark_sso=${flow.value}` } });
    expect(ssoError(forged.headers.location as string)).toBe('provider_refused');
    expect(sessionCookie(forged)).toBeUndefined();

    const denied = await t().call('GET', '/api/v1/session/oidc/callback?error=access_denied&error_description=User%20cancelled&state=x', { token: null, headers: { cookie: `bulwark_sso=${flow.value}` } });
    expect(ssoError(denied.headers.location as string)).toBe('provider_refused');

    const offSite = await signInThroughProvider(t(), person.email.split('@')[0]!, '//evil.example/steal');
    expect(offSite.headers.location).toBe('/');
  });

  it('refuses a second identity for an account already bound to another one', async () => {
    const person = await t().user('risk_owner');
    const login = person.email.split('@')[0]!;
    expect(sessionCookie(await signInThroughProvider(t(), login))).toBeDefined();
    await t().runtime.deps.database.db.updateTable('users').set({ sso_subject: `${provider.issuer}|someone-else` }).where('id', '=', person.id).execute();
    const res = await signInThroughProvider(t(), login);
    expect(ssoError(res.headers.location as string)).toBe('other_identity');
  });
}, { oidc });

describeApiOnEachEngine('single sign-on that creates accounts', (t) => {
  it('creates a password-less account with the configured role for a new person, once', async () => {
    const res = await signInThroughProvider(t(), 'new-hire');
    expect(res.statusCode).toBe(302);
    expect(sessionCookie(res)).toBeDefined();
    const created = (await t().call('GET', '/api/v1/users')).json().items.filter((u: { email: string }) => u.email === 'new-hire@example.test');
    expect(created).toMatchObject([{ role: 'analyst', name: 'SSO new-hire' }]);
    expect((await t().call('POST', '/api/v1/session', { token: null, body: { email: 'new-hire@example.test', password: 'any password at all' } })).statusCode).toBe(401);
    expect(sessionCookie(await signInThroughProvider(t(), 'new-hire'))).toBeDefined();
    expect((await t().call('GET', '/api/v1/users')).json().items.filter((u: { email: string }) => u.email === 'new-hire@example.test')).toHaveLength(1);
  });
}, { oidc: { ...oidc, newUserRole: 'analyst' } });

describeApiOnEachEngine('without single sign-on', (t) => {
  it('says so, and has no sign-in route for it', async () => {
    expect((await t().call('GET', '/api/v1/session/providers', { token: null })).json()).toEqual({ oidc: null });
    expect((await t().call('GET', '/api/v1/session/oidc', { token: null })).statusCode).toBe(404);
  });
});
