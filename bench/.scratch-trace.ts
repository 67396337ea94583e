import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, OperationNodeTransformer, ValueNode, PrimitiveValueListNode } from 'kysely';
import { startRuntime } from '../src/services/runtime.js';
import { systemActor } from '../src/services/context.js';
import { createIncident } from '../src/services/incidents/create-incident.js';
class B extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode { const o = super.transformValue(node); return typeof o.value === 'boolean' ? ValueNode.create(o.value ? 1 : 0) : o; }
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode { const o = super.transformPrimitiveValueList(node); return PrimitiveValueListNode.create(o.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v))); }
}
const sqlite = new SQLite(process.argv[2]!); sqlite.pragma('journal_mode = WAL'); sqlite.pragma('synchronous = FULL');
const times = new Map<string, number[]>();
const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [{ transformQuery: (a) => new B().transformNode(a.node), transformResult: async (a) => a.result }], log: (e) => { const k = e.query.sql.slice(0, 90); (times.get(k) ?? times.set(k, []).get(k)!).push(e.queryDurationMillis); } });
const runtime = await startRuntime({ sqliteFile: '', database: { db, engine: 'sqlite', location: process.argv[2]!, close: () => db.destroy() } as any });
const ctx = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
times.clear();
for (let i = 0; i < 100; i++) await createIncident(ctx, { title: 'Bench ' + i, category: 'phishing', severity: 3, tags: ['bench', 'vpn'] });
for (const [k, v] of [...times].sort((a, b) => b[1].reduce((x, y) => x + y) - a[1].reduce((x, y) => x + y))) console.log((v.reduce((x, y) => x + y) / 100).toFixed(3), v.length, k);
await runtime.close();
