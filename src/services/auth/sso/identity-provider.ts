import * as oidc from 'openid-client';
import { BulwarkError } from '../../../domain/errors.js';
import type { OidcSettings } from '../../context.js';

/** What the browser carries between leaving for the provider and coming back (in a short-lived HttpOnly cookie). */
export interface SsoFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go after signing in: a path inside Bulwark. */
  next: string;
}

/** The provider's answer about who signed in, as far as Bulwark needs it. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean | null;
  name: string | null;
}

const discovered = new Map<string, Promise<oidc.Configuration>>();

/** http:// is accepted for a provider on this machine only (tests, a local Keycloak); anything else must be https. */
const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** The provider's configuration, read once from its discovery document; a failed read is retried on the next sign-in. */
function configurationOf(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer}|${settings.clientId}`;
  let configuration = discovered.get(key);
  if (!configuration) {
    const issuer = new URL(settings.issuer);
    const options = issuer.protocol === 'http:' && isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined;
    configuration = oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, options).catch((error: unknown) => {
      discovered.delete(key);
      throw new BulwarkError('unavailable', `The identity provider at ${settings.issuer} could not be reached or answered something unexpected (${describe(error)}).`, { extra: { code: 'provider_unreachable' } });
    });
    discovered.set(key, configuration);
  }
  return configuration;
}

/** The address to send the browser to, and the flow to remember until it comes back. */
export async function authorizationRequest(settings: OidcSettings, redirectUri: string, next: string): Promise<{ url: string; flow: SsoFlow }> {
  const configuration = await configurationOf(settings);
  const flow: SsoFlow = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), next };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, flow };
}

/**
 * Redeems the code the provider sent back (checking state, nonce and PKCE) and reads who signed in from
 * the ID token, asking the UserInfo endpoint for e-mail and name when the token leaves them out (many
 * providers do).
 */
export async function redeemAuthorizationCode(settings: OidcSettings, callbackUrl: URL, flow: SsoFlow): Promise<SsoIdentity> {
  const configuration = await configurationOf(settings);
  let claims: Record<string, unknown> & { iss: string; sub: string };
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, { pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
    const idToken = tokens.claims();
    if (!idToken) throw new Error('no ID token came back');
    claims = { ...idToken };
    if (typeof claims.email !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
      claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...claims };
    }
  } catch (error) {
    throw new BulwarkError('unauthenticated', `The identity provider did not sign you in: ${describe(error)}.`, { extra: { code: 'provider_refused' } });
  }
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : null,
    emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : null,
    name: typeof claims.name === 'string' ? claims.name : null,
  };
}

function describe(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError) return error.error_description ?? error.error;
  if (error instanceof oidc.ResponseBodyError) return error.error_description ?? error.error;
  return error instanceof Error ? error.message : String(error);
}
