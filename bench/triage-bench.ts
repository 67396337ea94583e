import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/api/app.js';
import type { Role } from '../src/domain/access.js';
import { DAY_MS } from '../src/domain/time.js';
import { systemActor, type ServiceContext } from '../src/services/context.js';
import { startRuntime } from '../src/services/runtime.js';
import { createApiToken } from '../src/services/tokens/create-api-token.js';
import { listAlerts, type AlertListInput } from '../src/services/triage/list-alerts.js';
import { addUser } from '../src/services/users/add-user.js';
import type { Engine } from '../src/store/dialect.js';
import { freshBenchDatabase, postgresAdminUrl } from './databases.js';
import { loopbackClient } from './http-client.js';
import { loadAverage, machine, writeBenchmarkSection } from './report.js';
import { seedAlerts } from './seed-alerts.js';
import { seedIncidents } from './seed-incidents.js';
import { ms, timeRepeatedly, type Summary } from './stats.js';

/** `npm run bench -- triage`: a page of 50 of the triage queue over 1,000,000 alerts, target p99 < 30 ms. */
const ALERTS = Number(process.env.BENCH_ALERTS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const TARGET_P99_MS = 30;
const log = (message: string) => console.log(`[bench:triage] ${message}`);

interface Scenario { name: string; query: string; input: AlertListInput; target?: boolean; iterations?: number }
interface Measured { scenario: Scenario; viewer: string; rows: number; inProcess: Summary; http: Summary }
interface EngineRun { engine: string; seedSeconds: number; results: Measured[] }

function scenarios(now: string, groupId: string): Scenario[] {
  const dayAgo = new Date(Date.parse(now) - DAY_MS).toISOString();
  return [
    { name: 'status=new (the queue)', query: 'status=new&limit=50', input: { statuses: ['new'], limit: 50 }, target: true },
    { name: 'newest first, no filter', query: 'limit=50', input: { limit: 50 } },
    { name: 'status=new & severity=1,2', query: 'status=new&severity=1,2&limit=50', input: { statuses: ['new'], severities: [1, 2], limit: 50 } },
    { name: 'status=new & source=wazuh', query: 'status=new&source=wazuh&limit=50', input: { statuses: ['new'], sources: ['wazuh'], limit: 50 } },
    { name: 'status=new & tag=phishing', query: 'status=new&tag=phishing&limit=50', input: { statuses: ['new'], tags: ['phishing'], limit: 50 } },
    { name: 'status=merged (visibility checked per row)', query: 'status=merged&limit=50', input: { statuses: ['merged'], limit: 50 } },
    { name: 'one group', query: `group=${groupId}&limit=50`, input: { group_id: groupId, limit: 50 } },
    { name: 'since 24 h', query: `since=${encodeURIComponent(dayAgo)}&limit=50`, input: { since: dayAgo, limit: 50 } },
    { name: 'q=powershell', query: 'q=powershell&limit=50', input: { q: 'powershell', limit: 50 } },
    { name: 'q=host-4999 (rare: scans the table)', query: 'q=host-4999&limit=50', input: { q: 'host-4999', limit: 50 }, iterations: 20 },
  ];
}

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
    const seedStarted = performance.now();
    await seedIncidents(database.handle, { organisationId: runtime.organisationId, createdBy: admin.user.id, commanders: [admin.user.id], count: 2_000, spanDays: 365, until: now });
    log(`${engine}: seeding ${ALERTS.toLocaleString('en')} alerts…`);
    const incidentIds = (await database.handle.db.selectFrom('incidents').select('id').execute()).map((r) => r.id);
    const groups = await seedAlerts(database.handle, { organisationId: runtime.organisationId, count: ALERTS, incidentIds, groups: 10_000, until: now, spanDays: 365 });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`${engine}: seeded in ${seedSeconds.toFixed(1)} s`);

    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const viewers = [
      { name: 'analyst', ctx: { ...runtime.deps, actor: { userId: analyst.user.id, organisationId: runtime.organisationId, role: 'analyst' as const, principal: analyst.user.id } }, client: loopbackClient(port, analyst.secret, 1) },
      { name: 'admin', ctx: { ...runtime.deps, actor: { userId: admin.user.id, organisationId: runtime.organisationId, role: 'admin' as const, principal: admin.user.id } }, client: loopbackClient(port, admin.secret, 1) },
    ];
    clients.push(...viewers.map((v) => v.client));
    const results: Measured[] = [];
    for (const scenario of scenarios(now, groups[7]!)) {
      for (const viewer of scenario.target ? viewers : viewers.slice(0, 1)) {
        const path = `/api/v1/alerts?${scenario.query}`;
        const first = await viewer.client.send('GET', path);
        if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}: ${first.body}`);
        const rows = (JSON.parse(first.body) as { items: unknown[] }).items.length;
        const iterations = Math.min(ITERATIONS, scenario.iterations ?? ITERATIONS);
        const warmUp = Math.min(30, iterations);
        const inProcess = await timeRepeatedly(iterations, warmUp, async () => void (await listAlerts(viewer.ctx, scenario.input)));
        const http = await timeRepeatedly(iterations, warmUp, async () => {
          if ((await viewer.client.send('GET', path)).status !== 200) throw new Error(`GET ${path} failed`);
        });
        log(`${engine}: "${scenario.name}" as ${viewer.name}: ${rows} rows, in-process p50 ${ms(inProcess.p50)} p99 ${ms(inProcess.p99)}, HTTP p50 ${ms(http.p50)} p99 ${ms(http.p99)} ms`);
        results.push({ scenario, viewer: viewer.name, rows, inProcess, http });
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
    const worst = Math.max(...run.results.filter((r) => r.scenario.target).map((r) => r.http.p99));
    return `${run.engine}: ${worst < TARGET_P99_MS ? 'met' : 'MISSED'} (HTTP p99 ${ms(worst)} ms)`;
  };
  return [
    '<!-- bench:triage -->',
    '## Triage queue (`npm run bench -- triage`)',
    '',
    `A page of 50 of \`GET /api/v1/alerts\` over ${ALERTS.toLocaleString('en')} alerts (a year of a busy SOC: 8 % new, 62 % dismissed, 25 % merged, 5 % promoted; 2,000 incidents; 10,000 groups). Target: p99 under ${TARGET_P99_MS} ms for the queue (status=new) — ${runs.map(verdict).join('; ')}.`,
    `Date ${new Date().toISOString().slice(0, 10)}; ${machine()}; load average before ${load.before}, after ${load.after}. ${ITERATIONS} timed runs per row after 30 untimed, one request at a time; "analyst" is not an administrator, so alerts merged into restricted incidents are checked per row.`,
    '',
    ...runs.flatMap((run) => [
      `### ${run.engine} (seeded in ${run.seedSeconds.toFixed(1)} s)`,
      '',
      '| filter | viewer | rows | in-process p50 | in-process p99 | HTTP p50 | HTTP p99 |',
      '|---|---|---:|---:|---:|---:|---:|',
      ...run.results.map((r) => `| ${r.scenario.target ? `**${r.scenario.name}**` : r.scenario.name} | ${r.viewer} | ${r.rows} | ${ms(r.inProcess.p50)} | ${ms(r.inProcess.p99)} | ${ms(r.http.p50)} | ${ms(r.http.p99)} |`),
      '',
    ]),
    'Findings (EXPLAIN on the seeded data, 2026-11-23):',
    '',
    '- The queue (status=new) walks `alerts_triage` (organisation_id, status, last_seen_at, id) backwards and stops after 51 rows: 0.1 ms of execution on PostgreSQL (EXPLAIN ANALYZE, 200,000 alerts), with the same plan on SQLite. The rest of the time is the round trip, decoding, the group and incident labels of the page (two small lookups by id), authentication and serialisation.',
    '- For non-administrators, alerts merged into restricted incidents are hidden by an EXISTS on the incident; `OFFSET 0` keeps PostgreSQL probing it per row (51 probes) instead of hashing every visible incident first (1.0 ms → 0.3 ms for status=merged with 2,000 incidents; the hash grows with their number, the probes do not).',
    '- A text search for a rare term (`q=host-4999`) has no index to use and reads rows until 51 match (here about a quarter of the table); common terms stop early. The tag filter reads each row\'s tag list (tags are kept as the sender sent them and matched case-insensitively).',
    '- The p99 columns are dominated by scheduling when other work shares the 2 cores (see the load average above); the p50 columns show the cost of the queries.',
    '',
    '<!-- /bench:triage -->',
  ].join('\n');
}

export async function runTriageBench(): Promise<void> {
  const engines: Engine[] = ['sqlite'];
  if (postgresAdminUrl()) engines.push('postgres');
  const before = loadAverage();
  const runs: EngineRun[] = [];
  for (const engine of engines) runs.push(await runEngine(engine));
  log(`wrote its section of ${writeBenchmarkSection('triage', section(runs, { before, after: loadAverage() }))}`);
}
