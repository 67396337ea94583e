import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import type { Role } from '../../src/domain/access.js';
import type { Clock } from '../../src/domain/time.js';
import type { DatabaseHandle } from '../../src/store/database.js';
import type { Engine } from '../../src/store/dialect.js';
import { systemActor, type OidcSettings, type ServiceContext } from '../../src/services/context.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { createApiToken } from '../../src/services/tokens/create-api-token.js';
import { addUser } from '../../src/services/users/add-user.js';
import { describeEachEngine } from './engines.js';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  /** A service context acting as the built-in system administrator. */
  system: ServiceContext;
  admin: TestUser;
  /** A new user with the role and an API token carrying it. */
  user(role: Role, name?: string): Promise<TestUser>;
  call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options?: CallOptions): Promise<LightMyRequestResponse & { body: string; json<T = any>(): T }>;
}

let counter = 0;

export interface TestAppOptions {
  clock?: Clock;
  ingestRateLimit?: number;
  /** Largest evidence upload; default 64 MiB. Evidence files go to a fresh temporary folder per app. */
  evidenceMaxBytes?: number;
  /** Single sign-on against a test identity provider (test/support/oidc-provider.ts). */
  oidc?: OidcSettings;
}

export async function startTestApp(database: DatabaseHandle, options: TestAppOptions = {}): Promise<TestApp & { close(): Promise<void> }> {
  const evidence = { dir: mkdtempSync(join(tmpdir(), 'bulwark-evidence-')), maxBytes: options.evidenceMaxBytes ?? 64 * 1024 ** 2, malwareArchivePassword: 'infected' };
  const runtime = await startRuntime({ sqliteFile: '', database, evidence, ...(options.clock ? { clock: options.clock } : {}), ...(options.oidc ? { oidc: options.oidc } : {}) });
  const app = await buildApp({ deps: runtime.deps, logLevel: 'silent', webRoot: null, loginRateLimit: 1000, ...(options.ingestRateLimit !== undefined ? { ingestRateLimit: options.ingestRateLimit } : {}) });
  await app.ready();
  const system: ServiceContext = { ...runtime.deps, actor: systemActor(runtime.organisationId) };

  const user = async (role: Role, name?: string): Promise<TestUser> => {
    counter += 1;
    const email = `${role.replace(/_/g, '-')}-${counter}-${Math.random().toString(36).slice(2, 7)}@example.test`;
    const { user: created } = await addUser(system, { email, name: name ?? `${role} ${counter}`, role, password: 'correct horse battery staple' });
    const { secret } = await createApiToken(system, { user: created.id, name: 'tests' });
    return { id: created.id, email, role, token: secret };
  };

  const admin = await user('admin', 'Ada Admin');
  const call: TestApp['call'] = async (method, url, callOptions = {}) => {
    const headers: Record<string, string> = { ...(callOptions.headers ?? {}) };
    const token = callOptions.token === undefined ? admin.token : callOptions.token;
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await app.inject({
      method,
      url,
      headers,
      ...(callOptions.query ? { query: callOptions.query } : {}),
      ...(callOptions.body !== undefined ? { payload: typeof callOptions.body === 'string' ? callOptions.body : JSON.stringify(callOptions.body) } : {}),
      ...(callOptions.body !== undefined && !headers['content-type'] ? { headers: { ...headers, 'content-type': 'application/json' } } : {}),
    });
    return response as never;
  };

  return {
    app,
    runtime,
    system,
    admin,
    user,
    call,
    close: async () => {
      await app.close();
      rmSync(evidence.dir, { recursive: true, force: true });
      if (database.engine === 'postgres') await (runtime.deps.events as { stop?: () => Promise<void> }).stop?.();
    },
  };
}

/** An API suite run once per engine, each with its own database and server. */
export function describeApiOnEachEngine(name: string, suite: (t: () => TestApp, engine: Engine) => void, options: Omit<TestAppOptions, 'clock'> = {}): void {
  describeEachEngine(name, (database, engine) => {
    let current: Awaited<ReturnType<typeof startTestApp>> | undefined;
    beforeAll(async () => {
      current = await startTestApp(database(), options);
    });
    afterAll(async () => {
      await current?.close();
    });
    suite(() => {
      if (!current) throw new Error('app not started');
      return current;
    }, engine);
  });
}
