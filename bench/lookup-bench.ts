import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/api/app.js';
import type { Role } from '../src/domain/access.js';
import { systemActor, type ServiceContext } from '../src/services/context.js';
import { lookupObservable } from '../src/services/observables/lookup-observable.js';
import { startRuntime } from '../src/services/runtime.js';
import { createApiToken } from '../src/services/tokens/create-api-token.js';
import { addUser } from '../src/services/users/add-user.js';
import type { Engine } from '../src/store/dialect.js';
import { freshBenchDatabase, postgresAdminUrl } from './databases.js';
import { loopbackClient } from './http-client.js';
import { loadAverage, machine, writeBenchmarkSection } from './report.js';
import { seedAlerts } from './seed-alerts.js';
import { seedIncidents } from './seed-incidents.js';
import { HOT_OBSERVABLES, observableAt, seedObservables } from './seed-observables.js';
import { ms, timeRepeatedly, type Summary } from './stats.js';

/** `npm run bench -- lookup`: "seen before" over 5,000,000 observables; p99 under 2 ms in-process and 5 ms over HTTP. */
const OBSERVABLES = Number(process.env.BENCH_OBSERVABLES ?? 5_000_000);
const ALERTS = 200_000;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2_000);
const TARGET = { inProcess: 2, http: 5 };
const log = (message: string) => console.log(`[bench:lookup] ${message}`);

interface Scenario { name: string; pick: (i: number) => { type: string; value: string }; target: boolean }
interface Measured { scenario: Scenario; viewer: string; inProcess: Summary; http: Summary }
interface EngineRun { engine: string; seedSeconds: number; results: Measured[] }

// A fixed stride through the seeded values, so every run asks for different observables in the same order.
const spread = (i: number) => (i * 7_919_993) % OBSERVABLES;
const SCENARIOS: Scenario[] = [
  { name: 'a stored observable (1–2 sightings)', pick: (i) => observableAt(HOT_OBSERVABLES + (spread(i) % (OBSERVABLES - HOT_OBSERVABLES))), target: true },
  { name: 'a hot observable (300 sightings, first page of 50)', pick: (i) => observableAt(i % HOT_OBSERVABLES), target: false },
  { name: 'never seen', pick: (i) => ({ type: 'ip', value: `203.0.${(i >> 8) & 255}.${i & 255}` }), target: false },
];

async function runEngine(engine: Engine): Promise<EngineRun> {
  const database = await freshBenchDatabase(engine);
  const runtime = await startRuntime({ sqliteFile: '', database: database.handle });
  const app = await buildApp({ deps: runtime.deps, logLevel: 'silent', webRoot: null });
  const clients: Array<ReturnType<typeof loopbackClient>> = [];
  try {
    const system: ServiceContext = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
    const person = async (role: Role) => {
      const { user } = await addUser(system, { email: `${role}@bench.invalid`, name: `Bench ${role}`, role, password: 'benchmark passphrase' });
      return { user, secret: (await createApiToken(system, { user: user.id, name: 'bench' })).secret };
    };
    const admin = await person('admin');
    const analyst = await person('analyst');
    const now = runtime.deps.clock.now();
    const started = performance.now();
    await seedIncidents(database.handle, { organisationId: runtime.organisationId, createdBy: admin.user.id, commanders: [admin.user.id], count: 2_000, spanDays: 365, until: now });
    const incidentIds = (await database.handle.db.selectFrom('incidents').select('id').execute()).map((r) => r.id);
    await seedAlerts(database.handle, { organisationId: runtime.organisationId, count: ALERTS, incidentIds, groups: 100, until: now, spanDays: 365 });
    log(`${engine}: seeding ${OBSERVABLES.toLocaleString('en')} observables…`);
    await seedObservables(database.handle, { organisationId: runtime.organisationId, count: OBSERVABLES, alertIds: (n) => `alr_bench${String(n).padStart(21, '0')}`, alertCount: ALERTS, incidentIds, at: now });
    const seedSeconds = (performance.now() - started) / 1000;
    log(`${engine}: seeded in ${seedSeconds.toFixed(1)} s`);

    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const viewers = [
      { name: 'analyst', ctx: { ...runtime.deps, actor: { userId: analyst.user.id, organisationId: runtime.organisationId, role: 'analyst' as const, principal: analyst.user.id } }, client: loopbackClient(port, analyst.secret, 1) },
      { name: 'admin', ctx: { ...runtime.deps, actor: { userId: admin.user.id, organisationId: runtime.organisationId, role: 'admin' as const, principal: admin.user.id } }, client: loopbackClient(port, admin.secret, 1) },
    ];
    clients.push(...viewers.map((v) => v.client));
    const results: Measured[] = [];
    // One counter for every row: no row asks for values another row has just brought into the caches.
    let i = 0;
    for (const scenario of SCENARIOS) {
      for (const viewer of scenario.target ? viewers : viewers.slice(0, 1)) {
        const probe = scenario.pick(1);
        const first = await viewer.client.send('GET', `/api/v1/observables/lookup?type=${probe.type}&value=${encodeURIComponent(probe.value)}`);
        if (first.status !== 200) throw new Error(`lookup answered ${first.status}: ${first.body}`);
        const inProcess = await timeRepeatedly(ITERATIONS, 100, async () => {
          const { type, value } = scenario.pick((i += 1));
          await lookupObservable(viewer.ctx, { type: type as never, value, limit: 50 });
        });
        const http = await timeRepeatedly(ITERATIONS, 100, async () => {
          const { type, value } = scenario.pick((i += 1));
          const answer = await viewer.client.send('GET', `/api/v1/observables/lookup?type=${type}&value=${encodeURIComponent(value)}`);
          if (answer.status !== 200) throw new Error(`lookup answered ${answer.status}`);
        });
        log(`${engine}: "${scenario.name}" as ${viewer.name}: in-process p50 ${ms(inProcess.p50)} p99 ${ms(inProcess.p99)}, HTTP p50 ${ms(http.p50)} p99 ${ms(http.p99)} ms`);
        results.push({ scenario, viewer: viewer.name, inProcess, http });
      }
    }
    return { engine: engine === 'sqlite' ? 'SQLite' : 'PostgreSQL', seedSeconds, results };
  } finally {
    for (const client of clients) client.close();
    await app.close();
    await runtime.close();
    await database.drop();
  }
}

function section(runs: EngineRun[], load: { before: string; after: string }): string {
  const verdict = (run: EngineRun) => {
    const target = run.results.filter((r) => r.scenario.target);
    const inProcess = Math.max(...target.map((r) => r.inProcess.p99));
    const http = Math.max(...target.map((r) => r.http.p99));
    const met = inProcess < TARGET.inProcess && http < TARGET.http;
    return `${run.engine}: ${met ? 'met' : 'MISSED'} (p99 ${ms(inProcess)} ms in-process, ${ms(http)} ms over HTTP)`;
  };
  return [
    '<!-- bench:lookup -->',
    '## Observable lookup, "seen before" (`npm run bench -- lookup`)',
    '',
    `\`GET /api/v1/observables/lookup?type=&value=\` with ${OBSERVABLES.toLocaleString('en')} observables stored (IPs, domains, hashes, URLs, e-mail addresses, file names), each seen on one of ${ALERTS.toLocaleString('en')} alerts and one in ten also on one of 2,000 incidents (some restricted); ${HOT_OBSERVABLES} hot observables are seen 300 times each. Each lookup normalises the value, finds the observable, counts the sightings the caller may see and returns the first page of 50. Target: p99 under ${TARGET.inProcess} ms in-process and under ${TARGET.http} ms over HTTP for a stored observable — ${runs.map(verdict).join('; ')}.`,
    `Date ${new Date().toISOString().slice(0, 10)}; ${machine()}; load average before ${load.before}, after ${load.after}. ${ITERATIONS} timed lookups per row (a different value each time, and none asked for twice across rows) after 100 untimed, one request at a time; "analyst" is not an administrator, so restricted incidents are checked for its membership.`,
    '',
    ...runs.flatMap((run) => [
      `### ${run.engine} (seeded in ${run.seedSeconds.toFixed(1)} s)`,
      '',
      '| lookup | viewer | in-process p50 | in-process p99 | HTTP p50 | HTTP p99 |',
      '|---|---|---:|---:|---:|---:|',
      ...run.results.map((r) => `| ${r.scenario.target ? `**${r.scenario.name}**` : r.scenario.name} | ${r.viewer} | ${ms(r.inProcess.p50)} | ${ms(r.inProcess.p99)} | ${ms(r.http.p50)} | ${ms(r.http.p99)} |`),
      '',
    ]),
    '<!-- /bench:lookup -->',
  ].join('\n');
}

export async function runLookupBench(): Promise<void> {
  const engines: Engine[] = ['sqlite'];
  if (postgresAdminUrl()) engines.push('postgres');
  const before = loadAverage();
  const runs: EngineRun[] = [];
  for (const engine of engines) runs.push(await runEngine(engine));
  log(`wrote its section of ${writeBenchmarkSection('lookup', section(runs, { before, after: loadAverage() }))}`);
}
