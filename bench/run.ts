import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { buildApp } from '../src/api/app.js';
import type { Role } from '../src/domain/access.js';
import { DAY_MS } from '../src/domain/time.js';
import { systemActor, type ServiceContext } from '../src/services/context.js';
import { startRuntime } from '../src/services/runtime.js';
import { createApiToken } from '../src/services/tokens/create-api-token.js';
import { addUser } from '../src/services/users/add-user.js';
import type { Engine } from '../src/store/dialect.js';
import { benchCreate } from './create-bench.js';
import { freshBenchDatabase, postgresAdminUrl } from './databases.js';
import { loopbackClient } from './http-client.js';
import { benchList, listScenarios } from './list-bench.js';
import { loadAverage, machine, targetVerdict, writeReport, type EngineResults } from './report.js';
import { seedIncidents } from './seed-incidents.js';
import { ms } from './stats.js';

/** Benchmarks of their own, run by name: `npm run bench -- <name>`; each writes only its section of BENCHMARKS.md. */
const NAMED_BENCHES: Record<string, () => Promise<void>> = {
  triage: async () => (await import('./triage-bench.js')).runTriageBench(),
  lookup: async () => (await import('./lookup-bench.js')).runLookupBench(),
  ingest: async () => (await import('./ingest-bench.js')).runIngestBench(),
  risks: async () => (await import('./risk-register-bench.js')).runRiskRegisterBench(),
  fair: async () => (await import('./fair-bench.js')).runFairBench(),
  evidence: async () => (await import('./evidence-upload-bench.js')).runEvidenceBench(),
};
const named = process.argv[2];
if (named) {
  const bench = NAMED_BENCHES[named];
  if (!bench) throw new Error(`No benchmark named "${named}"; known: ${Object.keys(NAMED_BENCHES).join(', ')}.`);
  await bench();
  process.exit(0);
}

function setting(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}.`);
  return value;
}

const INCIDENTS = setting('BENCH_INCIDENTS', 100_000, 1_000_000);
const CREATE_REQUESTS = setting('BENCH_CREATE_REQUESTS', 2_000, 100_000);
const CONCURRENCY = setting('BENCH_CONCURRENCY', 16, 256);
const ITERATIONS = setting('BENCH_ITERATIONS', 300, 10_000);
const log = (message: string) => console.log(`[bench] ${message}`);

async function runEngine(engine: Engine): Promise<EngineResults> {
  const database = await freshBenchDatabase(engine);
  const runtime = await startRuntime({ sqliteFile: '', database: database.handle });
  const app = await buildApp({ deps: runtime.deps, logLevel: 'silent', webRoot: null });
  const clients: ReturnType<typeof loopbackClient>[] = [];
  try {
    const system: ServiceContext = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
    const person = async (role: Role, n: number) => {
      const { user } = await addUser(system, { email: `${role}-${n}@bench.invalid`, name: `Bench ${role} ${n}`, role, password: 'benchmark passphrase' });
      const { secret } = await createApiToken(system, { user: user.id, name: 'bench' });
      return { user, secret };
    };
    const admin = await person('admin', 0);
    const responders = await Promise.all(Array.from({ length: 8 }, (_, n) => person('responder', n)));
    const now = runtime.deps.clock.now();

    log(`${engine}: seeding ${INCIDENTS.toLocaleString('en')} incidents…`);
    const seedStarted = performance.now();
    await seedIncidents(database.handle, { organisationId: runtime.organisationId, createdBy: admin.user.id, commanders: responders.map((r) => r.user.id), count: INCIDENTS, spanDays: 3 * 365, until: now });
    // Bring the bulk-loaded database to the state one grown a row at a time would be in: on PostgreSQL
    // autovacuum would have vacuumed and analysed the new rows; on SQLite the full-text index, filled here
    // by triggers in large transactions, is merged as FTS5's automerge would have kept it.
    if (engine === 'postgres') await sql`VACUUM ANALYZE`.execute(database.handle.db);
    else await sql`INSERT INTO incidents_fts(incidents_fts) VALUES ('optimize')`.execute(database.handle.db);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const version = engine === 'sqlite' ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(database.handle.db)).rows[0]!.v}` : `PostgreSQL ${(await sql<{ server_version: string }>`show server_version`.execute(database.handle.db)).rows[0]!.server_version}`;

    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const viewers = [
      { name: 'responder', ctx: { ...runtime.deps, actor: { userId: responders[0]!.user.id, organisationId: runtime.organisationId, role: 'responder' as const, principal: responders[0]!.user.id } }, client: loopbackClient(port, responders[0]!.secret, 1) },
      { name: 'admin', ctx: { ...runtime.deps, actor: { userId: admin.user.id, organisationId: runtime.organisationId, role: 'admin' as const, principal: admin.user.id } }, client: loopbackClient(port, admin.secret, 1) },
    ];
    clients.push(...viewers.map((v) => v.client));

    const month = { from: new Date(Date.parse(now) - 400 * DAY_MS).toISOString(), to: new Date(Date.parse(now) - 370 * DAY_MS).toISOString() };
    const lists = [];
    for (const scenario of listScenarios(month)) {
      for (const viewer of scenario.target ? viewers : viewers.slice(0, 1)) {
        const result = await benchList(scenario, viewer, ITERATIONS);
        log(`${engine}: list "${scenario.name}" as ${viewer.name}: ${result.rows} rows, in-process p50 ${ms(result.inProcess.p50)} p99 ${ms(result.inProcess.p99)}, HTTP p50 ${ms(result.http.p50)} p99 ${ms(result.http.p99)} ms`);
        lists.push(result);
      }
    }

    const writer = loopbackClient(port, responders[1]!.secret, CONCURRENCY);
    clients.push(writer);
    await benchCreate(writer, Math.min(50, CREATE_REQUESTS), CONCURRENCY);
    const create = await benchCreate(writer, CREATE_REQUESTS, CONCURRENCY);
    log(`${engine}: create ${create.requests} × POST, ${create.concurrency} clients: ${create.perSecond.toFixed(0)}/s, p50 ${ms(create.latency.p50)} p99 ${ms(create.latency.p99)} ms`);
    return { engine: engine === 'sqlite' ? 'SQLite' : 'PostgreSQL', version, incidents: INCIDENTS, seedSeconds, create, lists };
  } finally {
    for (const client of clients) client.close();
    await app.close();
    await runtime.close();
    await database.drop();
  }
}

const engines: Engine[] = ['sqlite'];
const notes: string[] = [];
if (postgresAdminUrl()) engines.push('postgres');
else {
  const note = 'PostgreSQL was not measured: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a server to include it.';
  log(note);
  notes.push(note);
}
log(`machine: ${machine()}`);
const loadBefore = loadAverage();
const results: EngineResults[] = [];
for (const engine of engines) results.push(await runEngine(engine));
const file = join(import.meta.dirname, '..', 'BENCHMARKS.md');
writeReport(file, results, notes, { before: loadBefore, after: loadAverage() });
const sqliteResults = results.find((r) => r.engine === 'SQLite');
if (sqliteResults) log(`SQLite target: ${targetVerdict(sqliteResults)}`);
log(`wrote ${file}`);
