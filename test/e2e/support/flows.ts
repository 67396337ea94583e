import type { Page } from 'playwright-core';

/**
 * Steps people take in the app, written once so each test reads as the story it checks. Elements are
 * found by role and accessible name, as a person (or a screen reader) finds them.
 */

/** Opens an incident through the API with the page's own session, as a second tab would. */
export async function openIncidentThroughApi(page: Page, body: Record<string, unknown>): Promise<{ id: string; number: string }> {
  return page.evaluate(async (incident) => {
    const session = (await (await fetch('/api/v1/session')).json()) as { csrf_token: string };
    const response = await fetch('/api/v1/incidents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token },
      body: JSON.stringify(incident),
    });
    if (response.status !== 201) throw new Error(`creating the incident answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { id: string; number: string };
  }, body);
}

/** Any API call with the page's session (GET, or a write with the CSRF token). */
export async function callApi<T>(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrf_token: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token, ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    { method, path, body, headers },
  );
}

export function phaseStep(page: Page, label: string) {
  return page.getByRole('button', { name: label, exact: true });
}

/** Waits until the stepper marks `label` as the current phase. */
export async function currentPhaseIs(page: Page, label: string): Promise<void> {
  await page.locator('[aria-current="step"]', { hasText: label }).waitFor();
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** Presses `n` on the page, writes the note, and waits until the timeline shows `expectText`. */
export async function addNoteWithKeyboard(page: Page, text: string, expectText: string): Promise<void> {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: 'Note', exact: true });
  await note.waitFor();
  await note.fill(text);
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('list', { name: 'Timeline' }).getByText(expectText, { exact: false }).first().waitFor();
}

/** Signs out through the user menu and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^User menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
}
