import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const oidcEnv = { BULWARK_OIDC_ISSUER: 'https://login.example.com/realms/staff', BULWARK_OIDC_CLIENT_ID: 'bulwark', BULWARK_OIDC_CLIENT_SECRET: 'from-the-provider' };

describe('single sign-on configuration', () => {
  it('is off without an issuer', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it('reads the issuer, client, button name and new-user role', () => {
    expect(loadConfig({ ...oidcEnv, BULWARK_OIDC_NAME: 'Contoso SSO', BULWARK_OIDC_NEW_USER_ROLE: 'stakeholder' }).oidc).toEqual({
      issuer: 'https://login.example.com/realms/staff',
      clientId: 'bulwark',
      clientSecret: 'from-the-provider',
      name: 'Contoso SSO',
      newUserRole: 'stakeholder',
    });
    expect(loadConfig(oidcEnv).oidc).toMatchObject({ name: 'single sign-on', newUserRole: null });
    expect(loadConfig({ ...oidcEnv, BULWARK_OIDC_ISSUER: 'http://127.0.0.1:8081/realms/dev' }).oidc?.issuer).toBe('http://127.0.0.1:8081/realms/dev');
  });

  it.each([
    ['an issuer that is not a URL', { BULWARK_OIDC_ISSUER: 'login.example.com' }, /issuer URL/],
    ['plain http to another host', { BULWARK_OIDC_ISSUER: 'http://login.example.com' }, /https:\/\//],
    ['no client id', { BULWARK_OIDC_CLIENT_ID: '' }, /BULWARK_OIDC_CLIENT_ID/],
    ['no client secret', { BULWARK_OIDC_CLIENT_SECRET: '' }, /BULWARK_OIDC_CLIENT_SECRET/],
    ['an unknown new-user role', { BULWARK_OIDC_NEW_USER_ROLE: 'superuser' }, /one of admin/],
  ])('refuses to start with %s, saying what to set', (_label, change, message) => {
    expect(() => loadConfig({ ...oidcEnv, ...change })).toThrow(message);
  });
});
