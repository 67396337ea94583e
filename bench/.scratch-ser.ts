import { startRuntime } from '../src/services/runtime.js';
import { listIncidents } from '../src/services/incidents/list-incidents.js';
import { openSqlite } from '../src/store/database.js';
import { presentIncident } from '../src/api/presenters/incident.js';
import { incidentPageSchema } from '../src/api/routes/incidents/schema.js';
import { timeRepeatedly, ms } from './stats.js';
const handle = openSqlite(process.argv[2]!);
const runtime = await startRuntime({ sqliteFile: '', database: handle });
const user = (await handle.db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow()).id;
const ctx = { ...runtime.deps, actor: { userId: user, organisationId: runtime.organisationId, role: 'responder' as const, principal: user } };
const page = await listIncidents(ctx, { phases: ['containment'], severities: [1, 2], limit: 50 });
const out = { items: page.items.map(presentIncident), next_cursor: page.next_cursor };
for (let i = 0; i < 2; i++) {
  const p = await timeRepeatedly(300, 30, async () => { incidentPageSchema.safeParse(out); });
  const s = await timeRepeatedly(300, 30, async () => { JSON.stringify(out); });
  const pr = await timeRepeatedly(300, 30, async () => { page.items.map(presentIncident); });
  console.log(`zod parse p50 ${ms(p.p50)} | stringify p50 ${ms(s.p50)} | present p50 ${ms(pr.p50)}`);
}
await runtime.close();
