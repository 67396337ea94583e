import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep, TOTP_STEP_SECONDS } from '../../src/domain/totp.js';
import { launchBrowser, newPerson, signIn } from './support/browser.js';
import { callApi, signOut } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

const STEP_MS = TOTP_STEP_SECONDS * 1000;

/** The code an authenticator shows during `step`. */
const codeOfStep = (secret: string, step: number) => totpCode(secret, step * STEP_MS);

/** Six digits that match none of the steps the server could accept around `step`. */
function wrongCode(secret: string, step: number): string {
  const valid = new Set([-2, -1, 0, 1, 2, 3].map((d) => codeOfStep(secret, step + d)));
  for (let n = 0; ; n++) {
    const candidate = String((Number(codeOfStep(secret, step)) + 500_001 + n) % 1_000_000).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

/** The login form up to the point where the server answers; no waiting for the app behind it. */
async function submitPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The message a field is described by (its accessible description): for these fields, only an error names one. */
async function fieldMessage(field: Locator): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-describedby'), { timeout: 10_000 }).toMatch(/\S/);
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ').trim();
}

const codeInput = (page: Page) => page.getByRole('textbox', { name: 'Authentication code' });
const appLink = (page: Page) => page.getByRole('link', { name: 'Incidents' });

describe('two-factor sign-in', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is turned on in Profile with a QR code and a code from the app, then asks for a code or a recovery code at sign-in', async () => {
    const person = await server.addPerson('Tove Totp', 'analyst');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, person.email, PASSWORD);
    await page.goto('/profile');
    const section = page.getByRole('region', { name: 'Two-factor authentication' });
    await section.getByText('Off', { exact: true }).waitFor();

    // The current password is asked for first, and a wrong one is named on its field.
    await section.getByRole('button', { name: 'Turn on' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turn on two-factor authentication' });
    const currentPassword = dialog.getByLabel('Current password');
    await currentPassword.fill('not my password at all');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    expect(await fieldMessage(currentPassword)).not.toBe('');
    expect(await section.getByTestId('totp-secret').count()).toBe(0);
    await currentPassword.fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.waitFor({ state: 'detached' });

    const qr = section.getByRole('img', { name: 'QR code to scan with your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    // Drawn, not a broken image: the browser decoded the SVG.
    expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    const shownKey = await section.getByLabel('Secret key').innerText();
    expect(shownKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = shownKey.replace(/\s/g, '');

    // A wrong code leaves it off and empties the field; the app's current code turns it on.
    const confirmStep = totpStep(Date.now());
    const codeField = section.getByRole('textbox', { name: 'Code from the app' });
    await codeField.fill(wrongCode(secret, confirmStep));
    await section.getByRole('button', { name: 'Turn on' }).click();
    expect(await fieldMessage(codeField)).not.toBe('');
    expect(await codeField.inputValue()).toBe('');
    await codeField.fill(codeOfStep(secret, confirmStep));
    await section.getByRole('button', { name: 'Turn on' }).click();

    const codesBlock = section.getByLabel('Recovery codes');
    await codesBlock.waitFor();
    const recoveryCodes = (await codesBlock.innerText()).split('\n').map((c) => c.trim()).filter(Boolean);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await section.getByText(/Store these now/).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download .txt' }).click()]);
    expect(download.suggestedFilename()).toBe('bulwark-recovery-codes.txt');
    const file = readFileSync(await download.path(), 'utf8');
    for (const code of recoveryCodes) expect(file).toContain(code);
    await section.getByRole('button', { name: 'I have stored them' }).click();
    await section.getByText('10 recovery codes left', { exact: false }).waitFor();
    expect(await section.getByText('On', { exact: true }).count()).toBe(1);
    expect(await section.getByLabel('Recovery codes').count()).toBe(0);

    // After the password, the same card asks for the code; nothing is signed in yet.
    await signOut(page);
    await submitPassword(page, person.email, PASSWORD);
    await codeInput(page).waitFor();
    expect(await codeInput(page).getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeInput(page).evaluate((el) => (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement === el)).toBe(true);
    expect(await page.getByRole('textbox', { name: 'E-mail', exact: true }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await appLink(page).count()).toBe(0);

    // A wrong code: the server's words, an empty field, still outside.
    await codeInput(page).fill(wrongCode(secret, confirmStep + 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).toLowerCase()).toContain('code');
    expect(await codeInput(page).inputValue()).toBe('');
    expect(page.url()).toContain('/login');
    expect(await appLink(page).count()).toBe(0);

    // The next step's code (the confirmation used this one) lets them in.
    await codeInput(page).fill(codeOfStep(secret, confirmStep + 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await appLink(page).waitFor();

    // "Use a different account" goes back to an empty form; a recovery code then works in place of the app's.
    await signOut(page);
    await submitPassword(page, person.email, PASSWORD);
    await page.getByRole('button', { name: 'Use a different account' }).click();
    const email = page.getByRole('textbox', { name: 'E-mail', exact: true });
    await email.waitFor();
    expect(await email.inputValue()).toBe('');
    expect(await codeInput(page).count()).toBe(0);
    await submitPassword(page, person.email, PASSWORD);
    await page.getByRole('button', { name: 'Type a recovery code' }).click();
    expect(await codeInput(page).getAttribute('inputmode')).toBe('text');
    await codeInput(page).fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await appLink(page).waitFor();
    await page.goto('/profile');
    await section.getByText('9 recovery codes left', { exact: false }).waitFor();
    await context.close();
  });

  it('is reset by an administrator for someone who lost their phone, who then signs in with the password alone', async () => {
    const person = await server.addPerson('Lars Lostphone', 'analyst');
    const own = await newPerson(browser, server.url);
    await signIn(own.page, person.email, PASSWORD);
    const setup = await callApi<{ secret: string }>(own.page, 'POST', '/api/v1/me/two-factor/setup', { current_password: PASSWORD });
    expect(setup.status).toBe(200);
    const confirmed = await callApi(own.page, 'POST', '/api/v1/me/two-factor/confirm', { code: totpCode(setup.body.secret, Date.now()) });
    expect(confirmed.status).toBe(200);
    await signOut(own.page);
    await submitPassword(own.page, person.email, PASSWORD);
    await codeInput(own.page).waitFor();

    const admin = await newPerson(browser, server.url);
    await signIn(admin.page, ADMIN_EMAIL, PASSWORD);
    await admin.page.goto('/admin/users');
    const row = admin.page.getByRole('row').filter({ hasText: person.email });
    await row.getByText('On', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Reset two-factor of Lars Lostphone' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Reset two-factor' });
    expect(await dialog.innerText()).toMatch(/password alone/);
    await dialog.getByRole('button', { name: 'Reset two-factor' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Off', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: 'Reset two-factor of Lars Lostphone' }).count()).toBe(0);
    // Someone without a second factor has nothing to reset.
    const adminRow = admin.page.getByRole('row').filter({ hasText: ADMIN_EMAIL });
    expect(await adminRow.getByRole('button', { name: /Reset two-factor/ }).count()).toBe(0);

    await own.page.getByRole('button', { name: 'Use a different account' }).click();
    await signIn(own.page, person.email, PASSWORD);
    expect(await codeInput(own.page).count()).toBe(0);
    await own.context.close();
    await admin.context.close();
  });
});
