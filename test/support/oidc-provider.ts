import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const OIDC_CLIENT = { clientId: 'bulwark', clientSecret: 'a-long-test-client-secret' };

export interface TestIdentityProvider {
  /** http://127.0.0.1:<port>, known before Bulwark starts so its configuration can name it. */
  issuer: string;
  /** Registers Bulwark as the one client, once Bulwark's redirect URI is known. */
  trust(redirectUri: string): void;
  /** Plays the browser at the provider without one: signs in as `login`, consents, and answers where the provider sends the browser back to. */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

/** `sam.sso` → "Sam Sso": the name the provider vouches for, in the form the e2e server's addPerson gives. */
const nameOf = (login: string) => login.split('.').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');

/**
 * A real OpenID provider (oidc-provider) on a free loopback port. Anyone may sign in with any
 * password: its development login and consent pages stand in for the organisation's own. The person
 * signed in as `sam.sso` is sam.sso@example.test, "Sam Sso", unless `claims` says otherwise. As OpenID
 * Connect Core (5.4) says, the code flow's ID token carries only `sub`: e-mail and name come from the
 * UserInfo endpoint.
 */
export async function startIdentityProvider(options: { claims?: (login: string) => Record<string, unknown> } = {}): Promise<TestIdentityProvider> {
  let handle: ((request: IncomingMessage, response: ServerResponse) => void) | null = null;
  const server = createServer((request, response) => {
    if (handle) return handle(request, response);
    response.writeHead(503).end('identity provider not configured yet');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const claimsOf = options.claims ?? ((login: string) => ({ email: `${login}@example.test`, email_verified: true, name: nameOf(login) }));
  // Own keys, so the provider does not fall back to (and warn about) its published development keys.
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), use: 'sig' };

  const trust = (redirectUri: string) => {
    const provider = new Provider(issuer, {
      clients: [{ client_id: OIDC_CLIENT.clientId, client_secret: OIDC_CLIENT.clientSecret, redirect_uris: [redirectUri] }],
      findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...claimsOf(id) }) }),
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      jwks: { keys: [signingKey] },
      // Explicit lifetimes: the defaults work but print a notice each time they are used.
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    });
    handle = provider.callback();
  };

  const signIn = async (authorizationUrl: string, login: string): Promise<URL> => {
    const jar = new Map<string, string>();
    const visit = async (url: URL, form?: Record<string, string>) => {
      const response = await fetch(url, {
        redirect: 'manual',
        method: form ? 'POST' : 'GET',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
      for (const cookie of response.headers.getSetCookie()) {
        const pair = cookie.split(';')[0]!;
        jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
      return response;
    };
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 12; hop += 1) {
      if (!url.href.startsWith(issuer)) return url;
      const response = await visit(url);
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location')!, url);
        continue;
      }
      const page = await response.text();
      const action = /action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`unexpected page at the provider: ${page.slice(0, 300)}`);
      const submitted = await visit(new URL(action, url), prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt });
      url = new URL(submitted.headers.get('location')!, url);
    }
    throw new Error('the provider never sent the browser back');
  };

  return {
    issuer,
    trust,
    signIn,
    close: async () => {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      // Browsers and Bulwark's own client keep connections open; they would hold close() up.
      server.closeAllConnections();
      await closed;
    },
  };
}
