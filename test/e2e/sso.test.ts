import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/domain/totp.js';
import { findUserByEmail } from '../../src/store/repositories/people.js';
import { launchBrowser, newPerson, signIn } from './support/browser.js';
import { callApi, signOut } from './support/flows.js';
import { OIDC_CLIENT, startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { signInAtProvider } from './support/identity-provider.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

const PROVIDER_NAME = 'Contoso SSO';

const ssoButton = (page: Page) => page.getByRole('link', { name: `Sign in with ${PROVIDER_NAME}` });
const appLink = (page: Page) => page.getByRole('link', { name: 'Incidents' });
const userMenu = (page: Page, name: string) => page.getByRole('button', { name: `User menu: ${name}` });

describe('single sign-on through an OpenID provider', () => {
  let idp: TestIdentityProvider;
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    server = await startE2eServer({ oidc: { issuer: idp.issuer, clientId: OIDC_CLIENT.clientId, clientSecret: OIDC_CLIENT.clientSecret, name: PROVIDER_NAME } });
    idp.trust(`${server.url}/api/v1/session/oidc/callback`);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  /** A fresh browser; the provider's pages import a web font, which this machine (no network) cannot fetch anyway. */
  async function newVisitor() {
    const visitor = await newPerson(browser, server.url);
    await visitor.context.route('https://fonts.googleapis.com/**', (route) => route.abort());
    return visitor;
  }

  /** From Bulwark's sign-in page to the provider and through its login and consent. */
  async function signInThroughProvider(page: Page, login: string): Promise<void> {
    await ssoButton(page).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await signInAtProvider(page, login);
    await page.waitForURL((url) => url.origin === server.url);
  }

  it('brings someone with a Bulwark account in as themselves, on the page they asked for', async () => {
    const person = await server.addPerson('Sam Sso', 'responder');
    const { context, page } = await newVisitor();
    await page.goto('/incidents?severity=1');
    await page.waitForURL(/\/login/);
    // The provider comes first; the password form stays for break-glass accounts.
    await ssoButton(page).waitFor();
    expect(await page.getByRole('textbox', { name: 'E-mail', exact: true }).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);

    await signInThroughProvider(page, 'sam.sso');
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    const landed = new URL(page.url());
    expect(landed.pathname).toBe('/incidents');
    expect(landed.searchParams.get('severity')).toBe('1');
    await userMenu(page, 'Sam Sso').waitFor();
    const session = await callApi<{ user: { email: string }; csrf_token: string | null }>(page, 'GET', '/api/v1/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(person.email);
    // A cookie session like any other: writes carry its CSRF token.
    expect(session.body.csrf_token).toMatch(/\S/);
    await context.close();
  });

  it('does not ask for Bulwark’s own two-factor code: the provider’s sign-in stands', async () => {
    const person = await server.addPerson('Olga Otp', 'analyst');
    const own = await newVisitor();
    await signIn(own.page, person.email, PASSWORD);
    const setup = await callApi<{ secret: string }>(own.page, 'POST', '/api/v1/me/two-factor/setup', { current_password: PASSWORD });
    expect(setup.status).toBe(200);
    const confirmed = await callApi(own.page, 'POST', '/api/v1/me/two-factor/confirm', { code: totpCode(setup.body.secret, Date.now()) });
    expect(confirmed.status).toBe(200);
    await own.context.close();

    const { context, page } = await newVisitor();
    await page.goto('/login');
    await signInThroughProvider(page, 'olga.otp');
    await userMenu(page, 'Olga Otp').waitFor();
    expect(await page.getByRole('textbox', { name: 'Authentication code' }).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  it('sends someone without an account back to the sign-in page with the reason, and lets no one in', async () => {
    const { context, page } = await newVisitor();
    await page.goto('/incidents');
    await page.waitForURL(/\/login/);
    await signInThroughProvider(page, 'nora.nobody');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await alert.innerText()).toContain('Single sign-on did not work');
    expect(await alert.innerText()).toContain('There is no Bulwark account for the e-mail address your identity provider gave');
    // Where they were going is kept for the next try.
    expect(new URL(page.url()).searchParams.get('next')).toBe('/incidents');
    expect(await appLink(page).count()).toBe(0);
    expect((await callApi(page, 'GET', '/api/v1/session')).status).toBe(401);
    expect(await findUserByEmail(server.system.database.db, 'nora.nobody@example.test')).toBeUndefined();
    // Both ways in are still offered.
    expect(await ssoButton(page).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'E-mail', exact: true }).isEditable()).toBe(true);
    await context.close();
  });

  it('still lets the administrator in with the password, beside the provider', async () => {
    const { context, page } = await newVisitor();
    await page.goto('/login');
    await ssoButton(page).waitFor();
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const session = await callApi<{ user: { email: string; name: string } }>(page, 'GET', '/api/v1/session');
    expect(session.body.user.email).toBe(ADMIN_EMAIL);
    await userMenu(page, session.body.user.name || ADMIN_EMAIL).waitFor();
    await signOut(page);
    // Signed out, the provider is offered again.
    await ssoButton(page).waitFor();
    await context.close();
  });
});
