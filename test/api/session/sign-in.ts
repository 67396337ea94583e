import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface CookieSession {
  cookie: string;
  csrf: string;
  /** Headers for a call made with the cookie; writes also carry the CSRF token. */
  headers(write?: boolean): Record<string, string>;
}

/** Signs in through the API like the web app does and keeps the session cookie. */
export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<CookieSession> {
  const res = await t.call('POST', '/api/v1/session', { token: null, body: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  const session = res.cookies.find((c) => c.name === 'bulwark_session');
  if (!session) throw new Error('no session cookie');
  const cookie = `bulwark_session=${session.value}`;
  const csrf = res.json().csrf_token as string;
  return { cookie, csrf, headers: (write = false) => ({ cookie, ...(write ? { 'x-csrf-token': csrf } : {}) }) };
}
