import { buildApp } from '../src/api/app.js';
import { startRuntime } from '../src/services/runtime.js';
import { createApiToken } from '../src/services/tokens/create-api-token.js';
import { listIncidents } from '../src/services/incidents/list-incidents.js';
import { systemActor } from '../src/services/context.js';
import { openSqlite } from '../src/store/database.js';
import { timeRepeatedly, ms } from './stats.js';
const handle = openSqlite(process.argv[2]!);
const runtime = await startRuntime({ sqliteFile: '', database: handle });
const system = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
const user = (await handle.db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow()).id;
const { secret } = await createApiToken(system, { user, name: 'x' });
const app = await buildApp({ deps: runtime.deps, logLevel: 'silent', webRoot: null });
await app.ready();
const ctx = { ...runtime.deps, actor: { userId: user, organisationId: runtime.organisationId, role: 'responder' as const, principal: user } };
const input = { phases: ['containment'], severities: [1, 2], limit: 50 };
for (let round = 0; round < 2; round++) {
  const svc = await timeRepeatedly(300, 30, async () => { await listIncidents(ctx, input); });
  const inj = await timeRepeatedly(300, 30, async () => { const r = await app.inject({ method: 'GET', url: '/api/v1/incidents?phase=containment&severity=1,2&limit=50', headers: { authorization: `Bearer ${secret}` } }); if (r.statusCode !== 200) throw new Error(r.body); });
  const me = await timeRepeatedly(300, 30, async () => { const r = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${secret}` } }); });
  console.log(`service p50 ${ms(svc.p50)} p99 ${ms(svc.p99)} | inject p50 ${ms(inj.p50)} p99 ${ms(inj.p99)} | session-only p50 ${ms(me.p50)} p99 ${ms(me.p99)}`);
}
await app.close(); await runtime.close();
