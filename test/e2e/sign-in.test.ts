import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson } from './support/browser.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

describe('signing in', () => {
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

  it('refuses a wrong password with the server’s explanation and stays on the login page', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await page.goto('/incidents');
    await page.waitForURL(/\/login/);
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).toLowerCase()).toMatch(/password|e-mail|sign/);
    expect(page.url()).toContain('/login');
    expect(await page.getByRole('link', { name: 'Incidents' }).count()).toBe(0);
    await context.close();
  });

  it('lets the administrator in and back to the page they asked for', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await page.goto('/incidents');
    await page.waitForURL(/\/login/);
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/incidents');
    await context.close();
  });
});
