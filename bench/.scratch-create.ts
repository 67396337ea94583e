import { buildApp } from '../src/api/app.js';
import { startRuntime } from '../src/services/runtime.js';
import { createApiToken } from '../src/services/tokens/create-api-token.js';
import { systemActor } from '../src/services/context.js';
import { openSqlite } from '../src/store/database.js';
const handle = openSqlite(process.argv[2]!);
const runtime = await startRuntime({ sqliteFile: '', database: handle });
const system = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
const user = (await handle.db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow()).id;
const { secret } = await createApiToken(system, { user, name: 'x' });
const app = await buildApp({ deps: runtime.deps, logLevel: 'silent', webRoot: null });
await app.ready();
const N = Number(process.argv[3] ?? 300);
const t = performance.now();
for (let i = 0; i < N; i++) { const r = await app.inject({ method: 'POST', url: '/api/v1/incidents', payload: { title: 'Bench ' + i, category: 'phishing', severity: 3, tags: ['bench', 'vpn'] }, headers: { authorization: `Bearer ${secret}` } }); if (r.statusCode !== 201) throw new Error(r.body); }
console.log('avg create', ((performance.now() - t) / N).toFixed(2), 'ms');
await app.close(); await runtime.close();
