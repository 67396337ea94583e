import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALLER_CACHE_TTL_MS } from '../../../src/services/auth/caller-cache.js';
import { systemActor } from '../../../src/services/context.js';
import { startRuntime } from '../../../src/services/runtime.js';
import { revokeApiToken } from '../../../src/services/tokens/revoke-api-token.js';
import { openPostgres, openSqlite } from '../../../src/store/database.js';
import { describeApiOnEachEngine, type TestApp } from '../../support/test-app.js';

/** API tokens are resolved from a short-lived cache (src/services/auth/caller-cache.ts); every change that matters must reach it. */
describeApiOnEachEngine('API token cache', (t, engine) => {
  const whoAmI = async (token: string) => {
    const res = await t().call('GET', '/api/v1/session', { token });
    return { status: res.statusCode, role: res.statusCode === 200 ? (res.json().user.role as string) : null };
  };
  const tokenOf = async (app: TestApp, secret: string) => {
    const rows = await app.runtime.deps.database.db.selectFrom('api_tokens').select(['id', 'token_prefix']).execute();
    return rows.find((r) => secret.startsWith(r.token_prefix))!.id;
  };
  const versionOf = async (id: string) => (await t().call('GET', '/api/v1/users?include_disabled=true')).json().items.find((u: { id: string }) => u.id === id).version as number;

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('rejects a revoked token at once, though it was just used', async () => {
    const responder = await t().user('responder');
    expect((await whoAmI(responder.token)).status).toBe(200);
    expect((await whoAmI(responder.token)).status).toBe(200);
    const id = await tokenOf(t(), responder.token);
    expect((await t().call('DELETE', `/api/v1/tokens/${id}`, { token: responder.token })).statusCode).toBe(200);
    expect((await whoAmI(responder.token)).status).toBe(401);
  });

  it("rejects a disabled owner's token at once, and accepts it again once the owner is enabled", async () => {
    const analyst = await t().user('analyst');
    // Not /session: that answer reads the user itself.
    const incidents = async () => (await t().call('GET', '/api/v1/incidents', { token: analyst.token })).statusCode;
    expect(await incidents()).toBe(200);
    expect((await t().call('PATCH', `/api/v1/users/${analyst.id}`, { body: { disabled: true, version: await versionOf(analyst.id) } })).statusCode).toBe(200);
    expect(await incidents()).toBe(401);
    expect((await t().call('PATCH', `/api/v1/users/${analyst.id}`, { body: { disabled: false, version: await versionOf(analyst.id) } })).statusCode).toBe(200);
    expect(await incidents()).toBe(200);
  });

  it("narrows a token to its owner's new role at once when the owner is demoted", async () => {
    const manager = await t().user('incident_manager');
    expect(await whoAmI(manager.token)).toEqual({ status: 200, role: 'incident_manager' });
    expect((await t().call('PATCH', `/api/v1/users/${manager.id}`, { body: { role: 'stakeholder', version: await versionOf(manager.id) } })).statusCode).toBe(200);
    expect(await whoAmI(manager.token)).toEqual({ status: 200, role: 'stakeholder' });
    expect((await t().call('GET', '/api/v1/tokens', { token: manager.token })).statusCode).toBe(200);
  });

  it('notices a revocation made by another process or node on the same database', async () => {
    const responder = await t().user('responder');
    expect((await whoAmI(responder.token)).status).toBe(200);
    const id = await tokenOf(t(), responder.token);
    // Another node (or `bulwark token revoke`): its own connection, its own event bus.
    const location = t().runtime.deps.database.location;
    const other = await startRuntime({ sqliteFile: '', database: engine === 'sqlite' ? openSqlite(location) : openPostgres(location, 2) });
    try {
      await revokeApiToken({ ...other.deps, actor: systemActor(other.organisationId) }, id);
    } finally {
      await other.close();
    }
    if (engine === 'sqlite') {
      // The file's data_version moved: the very next request reads the database again.
      expect((await whoAmI(responder.token)).status).toBe(401);
    } else {
      // The revocation is announced on the event channel; it must arrive well within the cache's lifetime.
      const deadline = Date.now() + CALLER_CACHE_TTL_MS / 2;
      let status = (await whoAmI(responder.token)).status;
      while (status !== 401 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await whoAmI(responder.token)).status;
      }
      expect(status).toBe(401);
    }
  });

  describe('a change nobody announced (written straight into the database by this process)', () => {
    it(`is seen once the cached entry is older than ${CALLER_CACHE_TTL_MS} ms`, async () => {
      const responder = await t().user('responder');
      expect((await whoAmI(responder.token)).status).toBe(200);
      const id = await tokenOf(t(), responder.token);
      await t().runtime.deps.database.db.updateTable('api_tokens').set({ revoked_at: new Date().toISOString(), revoked_by: 'test' }).where('id', '=', id).execute();
      // Still served from the cache: proof that the tests above exercise it.
      expect((await whoAmI(responder.token)).status).toBe(200);
      const now = performance.now();
      vi.spyOn(performance, 'now').mockReturnValue(now + CALLER_CACHE_TTL_MS + 1);
      expect((await whoAmI(responder.token)).status).toBe(401);
    });
  });
});
