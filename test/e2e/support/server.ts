import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/api/app.js';
import type { Role } from '../../../src/domain/access.js';
import type { DatabaseHandle } from '../../../src/store/database.js';
import { ensureFirstAdmin } from '../../../src/services/bootstrap.js';
import { systemActor, type OidcSettings, type ServiceContext } from '../../../src/services/context.js';
import { startRuntime, type Runtime } from '../../../src/services/runtime.js';
import { addUser } from '../../../src/services/users/add-user.js';

export const ADMIN_EMAIL = 'admin@example.test';
export const PASSWORD = 'correct horse battery staple';

// BULWARK_E2E_WEB_ROOT points at another build of the web app (e.g. one kept apart from a dev build).
const WEB_ROOT = process.env.BULWARK_E2E_WEB_ROOT ?? fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export interface E2eServer {
  url: string;
  app: FastifyInstance;
  runtime: Runtime;
  system: ServiceContext;
  /** A new user who signs in with PASSWORD. */
  addPerson(name: string, role: Role): Promise<{ id: string; email: string }>;
  close(): Promise<void>;
}

/**
 * The real server, in-process: runtime on a temporary SQLite file (or the given database), the first
 * administrator with a known password, and the built web app from web/dist, on a free loopback port.
 */
export async function startE2eServer(options: { database?: DatabaseHandle; oidc?: OidcSettings } = {}): Promise<E2eServer> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(`${WEB_ROOT} has no index.html: run \`npm run test:e2e\` (it builds the web app first) or \`npm run build:web\`.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-e2e-'));
  const evidence = { dir: join(dir, 'evidence'), maxBytes: 64 * 1024 ** 2, malwareArchivePassword: 'infected' };
  const runtime = await startRuntime({ sqliteFile: join(dir, 'bulwark.db'), evidence, ...(options.database ? { database: options.database } : {}), ...(options.oidc ? { oidc: options.oidc } : {}) });
  await ensureFirstAdmin(runtime.deps, runtime.organisationId, { email: ADMIN_EMAIL, password: PASSWORD });
  const app = await buildApp({ deps: runtime.deps, logLevel: 'silent', webRoot: WEB_ROOT, loginRateLimit: 1000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  // The single sign-on callback must be the address the browser reaches.
  if (options.oidc) runtime.deps.publicUrl = `http://127.0.0.1:${port}`;
  const system: ServiceContext = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    runtime,
    system,
    addPerson: async (name, role) => {
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.test`;
      const { user } = await addUser(system, { email, name, role, password: PASSWORD });
      return { id: user.id, email };
    },
    close: async () => {
      await app.close();
      // The caller owns a database it passed in; the runtime closes only its own SQLite file.
      if (options.database) {
        await (runtime.deps.events as { stop?: () => Promise<void> }).stop?.();
      } else {
        await runtime.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
