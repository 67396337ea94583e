import { describe, expect, it } from 'vitest';
import { ssoStartHref } from '../../web/src/pages/login/safeNext.js';

describe('ssoStartHref', () => {
  it('carries the page the person asked for on to the single sign-on start', () => {
    expect(ssoStartHref('/api/v1/session/oidc', '?next=%2Fincidents%2F123%3Ftab%3Dtimeline')).toBe('/api/v1/session/oidc?next=%2Fincidents%2F123%3Ftab%3Dtimeline');
    expect(ssoStartHref('/api/v1/session/oidc', '')).toBe('/api/v1/session/oidc?next=%2F');
  });

  it('never carries another site or the login page', () => {
    expect(ssoStartHref('/api/v1/session/oidc', '?next=%2F%2Fevil.example')).toBe('/api/v1/session/oidc?next=%2F');
    expect(ssoStartHref('/api/v1/session/oidc', '?next=%2Flogin%3Fsso_error%3Dx')).toBe('/api/v1/session/oidc?next=%2F');
  });

  it('adds to a start URL that already has a query', () => {
    expect(ssoStartHref('/sso/start?provider=1', '?next=%2Frisks')).toBe('/sso/start?provider=1&next=%2Frisks');
  });
});
