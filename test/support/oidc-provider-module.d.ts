// oidc-provider ships no types (they live in @types/oidc-provider, not installed): only what the tests use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { JsonWebKey } from 'node:crypto';

  interface Account {
    accountId: string;
    claims(): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  interface Configuration {
    clients: Array<{ client_id: string; client_secret: string; redirect_uris: string[] }>;
    findAccount(ctx: unknown, id: string): Account | undefined | Promise<Account | undefined>;
    claims: Record<string, string[]>;
    cookies?: { keys: string[] };
    jwks?: { keys: JsonWebKey[] };
    ttl?: Record<string, number>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
