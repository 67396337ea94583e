import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { buildApp } from '../src/api/app.js';
import { newId } from '../src/domain/ids.js';
import { formatRiskNumber, RISK_STATUSES, SUGGESTED_RISK_CATEGORIES } from '../src/domain/risk.js';
import { DEFAULT_RISK_MATRIX, FIVE_LEVELS, riskLevel } from '../src/domain/risk-matrix.js';
import { systemActor, type ServiceContext } from '../src/services/context.js';
import { startRuntime } from '../src/services/runtime.js';
import { createApiToken } from '../src/services/tokens/create-api-token.js';
import { addUser } from '../src/services/users/add-user.js';
import type { DatabaseHandle } from '../src/store/database.js';
import type { Engine } from '../src/store/dialect.js';
import { insertRisks, type RiskInsert } from '../src/store/repositories/risks.js';
import { freshBenchDatabase, postgresAdminUrl } from './databases.js';
import { loopbackClient } from './http-client.js';
import { loadAverage, machine, writeBenchmarkSection } from './report.js';
import { ms, timeRepeatedly, type Summary } from './stats.js';

/** `npm run bench -- risks`: the heat map and the register list with 10,000 risks; target p99 under 30 ms over HTTP. */
const RISKS = Number(process.env.BENCH_RISKS ?? 10_000);
const ASSETS = 300;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 500);
const TARGET_MS = 30;
const log = (message: string) => console.log(`[bench:risks] ${message}`);

interface Scenario { name: string; path: string }
interface Measured { scenario: Scenario; rows: number; http: Summary }
interface Rescore { name: string; changed: number; ms: number }
interface EngineRun { engine: string; seedSeconds: number; results: Measured[]; rescores: Rescore[] }

const SCENARIOS: Scenario[] = [
  { name: 'heat map, residual', path: '/api/v1/risks/heat-map?basis=residual' },
  { name: 'heat map, inherent', path: '/api/v1/risks/heat-map?basis=inherent' },
  { name: 'register, default order (highest residual first)', path: '/api/v1/risks?limit=50' },
  { name: 'status=assessed,treating & level=high,very_high', path: '/api/v1/risks?status=assessed,treating&level=high,very_high&limit=50' },
  { name: 'over_appetite=true, by next review', path: '/api/v1/risks?over_appetite=true&sort=next_review_at&limit=50' },
  { name: 'one heat-map cell (residual high × high)', path: '/api/v1/risks?likelihood=high&impact=high&limit=50' },
  { name: 'category=data_breach & owner', path: '/api/v1/risks?category=data_breach&owner_id=OWNER&limit=50' },
  { name: 'asset_id, by annual loss', path: '/api/v1/risks?asset_id=ASSET&sort=annual_loss_mean&limit=50' },
  { name: 'review_due=true', path: '/api/v1/risks?review_due=true&limit=50' },
  { name: 'search q=ransomware', path: '/api/v1/risks?q=ransomware&limit=50' },
];

/** A deterministic pseudo-random sequence, so every run seeds the same register. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const THREATS = ['Ransomware', 'Phishing', 'Supplier outage', 'Insider data theft', 'DDoS', 'Payment fraud', 'Cloud misconfiguration', 'Lost laptop'];

/** Risks straight through the repository (scored with the default matrix), their assets, and one counter row. */
async function seedRisks(handle: DatabaseHandle, options: { organisationId: string; owners: string[]; createdBy: string; now: string }): Promise<{ assetIds: string[] }> {
  const random = prng(4);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const assetIds: string[] = [];
  const assets = Array.from({ length: ASSETS }, (_, n) => {
    const id = newId('asset');
    assetIds.push(id);
    return { id, organisation_id: options.organisationId, name: `Asset ${n}`, kind: pick(['business_service', 'system', 'data_store', 'person', 'supplier']), description: '', owner_id: null, criticality: pick(FIVE_LEVELS), data_classifications: '[]', jurisdictions: '[]', tags: '[]', retired_at: null, created_at: options.now, created_by: options.createdBy, updated_at: options.now, updated_by: options.createdBy, version: 1 };
  });
  for (let i = 0; i < assets.length; i += 200) await handle.db.insertInto('assets').values(assets.slice(i, i + 200)).execute();

  const rows: RiskInsert[] = [];
  const links: Array<{ organisation_id: string; risk_id: string; asset_id: string }> = [];
  const day = 86_400_000;
  const nowMs = Date.parse(options.now);
  for (let n = 1; n <= RISKS; n++) {
    const likelihood = pick(FIVE_LEVELS);
    const impact = pick(FIVE_LEVELS);
    const controlled = random() < 0.6;
    const residualLikelihood = controlled ? FIVE_LEVELS[Math.max(0, FIVE_LEVELS.indexOf(likelihood) - 1 - Math.floor(random() * 2))]! : likelihood;
    const residualLevel = riskLevel(DEFAULT_RISK_MATRIX, residualLikelihood, impact);
    const quantified = random() < 0.3;
    const status = pick(RISK_STATUSES);
    const createdAt = new Date(nowMs - Math.floor(random() * 700) * day).toISOString();
    const id = newId('risk');
    rows.push({
      id,
      organisation_id: options.organisationId,
      number: formatRiskNumber(n),
      title: `${pick(THREATS)} affecting asset ${n % ASSETS}`,
      description: 'Seeded for the benchmark.',
      threat: '',
      vulnerability: '',
      category: pick(SUGGESTED_RISK_CATEGORIES),
      status,
      owner_id: pick(options.owners),
      inherent_likelihood: likelihood,
      inherent_impact: impact,
      inherent_level: riskLevel(DEFAULT_RISK_MATRIX, likelihood, impact),
      // "Controlled" risks carry a residual assessed by hand (no controls are seeded), so re-scoring keeps it.
      residual_likelihood: controlled ? residualLikelihood : null,
      residual_impact: controlled ? impact : null,
      residual_level: residualLevel,
      scored_residual_likelihood: residualLikelihood,
      scored_residual_impact: impact,
      treatment: null,
      treatment_details: {},
      review_cadence_days: 90,
      next_review_at: new Date(nowMs + Math.floor((random() - 0.2) * 120) * day).toISOString(),
      last_reviewed_at: null,
      techniques: [],
      playbooks: [],
      tags: [],
      fair_inputs: null,
      annual_loss_mean: quantified ? Math.round(random() * 2_000_000) : null,
      annual_loss_p90: null,
      over_appetite: status !== 'closed' && FIVE_LEVELS.indexOf(residualLevel as (typeof FIVE_LEVELS)[number]) > 2,
      created_at: createdAt,
      created_by: options.createdBy,
      updated_at: createdAt,
      updated_by: options.createdBy,
      version: 1,
    });
    links.push({ organisation_id: options.organisationId, risk_id: id, asset_id: pick(assetIds) });
    if (random() < 0.5) links.push({ organisation_id: options.organisationId, risk_id: id, asset_id: assetIds[(n * 7) % ASSETS]! });
  }
  await handle.db.transaction().execute(async (trx) => {
    await insertRisks(trx, rows);
    const unique = [...new Map(links.map((l) => [`${l.risk_id} ${l.asset_id}`, l])).values()];
    for (let i = 0; i < unique.length; i += 500) await trx.insertInto('risk_assets').values(unique.slice(i, i + 500)).execute();
    await trx.insertInto('counters').values({ organisation_id: options.organisationId, name: 'risk', period: '', value: RISKS }).execute();
  });
  return { assetIds };
}

async function runEngine(engine: Engine): Promise<EngineRun> {
  const database = await freshBenchDatabase(engine);
  const runtime = await startRuntime({ sqliteFile: '', database: database.handle });
  const app = await buildApp({ deps: runtime.deps, logLevel: 'silent', webRoot: null });
  let client: ReturnType<typeof loopbackClient> | undefined;
  try {
    const system: ServiceContext = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
    const person = async (n: number) => {
      const { user } = await addUser(system, { email: `risk-owner-${n}@bench.invalid`, name: `Bench risk owner ${n}`, role: 'risk_owner', password: 'benchmark passphrase' });
      return { user, secret: (await createApiToken(system, { user: user.id, name: 'bench' })).secret };
    };
    const owners = await Promise.all(Array.from({ length: 20 }, (_, n) => person(n)));
    const now = runtime.deps.clock.now();
    log(`${engine}: seeding ${RISKS.toLocaleString('en')} risks…`);
    const started = performance.now();
    const { assetIds } = await seedRisks(database.handle, { organisationId: runtime.organisationId, owners: owners.map((o) => o.user.id), createdBy: owners[0]!.user.id, now });
    if (engine === 'postgres') await sql`VACUUM ANALYZE`.execute(database.handle.db);
    else await sql`ANALYZE`.execute(database.handle.db);
    const seedSeconds = (performance.now() - started) / 1000;
    log(`${engine}: seeded in ${seedSeconds.toFixed(1)} s`);

    await app.listen({ host: '127.0.0.1', port: 0 });
    client = loopbackClient((app.server.address() as AddressInfo).port, owners[0]!.secret, 1);
    const results: Measured[] = [];
    for (const scenario of SCENARIOS) {
      const path = scenario.path.replace('OWNER', owners[1]!.user.id).replace('ASSET', assetIds[5]!);
      const first = await client.send('GET', path);
      if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}: ${first.body}`);
      const parsed = JSON.parse(first.body) as { items?: unknown[]; cells?: Array<Array<{ count: number }>> };
      const rows = parsed.items ? parsed.items.length : parsed.cells!.flat().reduce((sum, c) => sum + c.count, 0);
      const http = await timeRepeatedly(ITERATIONS, 50, async () => {
        const answer = await client!.send('GET', path);
        if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
      });
      log(`${engine}: "${scenario.name}": ${rows} rows, HTTP p50 ${ms(http.p50)} p99 ${ms(http.p99)} ms`);
      results.push({ scenario, rows, http });
    }
    // Settings changes re-score the whole register in one transaction: timed once each, for scale.
    const rescores: Rescore[] = [];
    const timed = async (name: string, path: string, body: unknown) => {
      const entries = async () => Number((await database.handle.db.selectFrom('risk_history').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await entries();
      const started = performance.now();
      const answer = await client!.send('PUT', path, body);
      const elapsed = performance.now() - started;
      if (answer.status !== 200) throw new Error(`PUT ${path} answered ${answer.status}: ${answer.body}`);
      const result = { name, changed: (await entries()) - before, ms: elapsed };
      log(`${engine}: ${name}: ${result.changed} risks re-scored in ${ms(result.ms)} ms`);
      rescores.push(result);
    };
    const matrix = structuredClone(DEFAULT_RISK_MATRIX);
    matrix.table[2]![2] = 'high';
    await timed('PUT /risk-matrix (one cell moderate → high)', '/api/v1/risk-matrix', matrix);
    await timed('PUT /risk-matrix (back)', '/api/v1/risk-matrix', DEFAULT_RISK_MATRIX);
    await timed('PUT /risk-appetite (max level moderate → low)', '/api/v1/risk-appetite', { max_level: 'low', loss_tolerance: [], currency: 'EUR' });
    return { engine: engine === 'sqlite' ? 'SQLite' : 'PostgreSQL', seedSeconds, results, rescores };
  } finally {
    client?.close();
    await app.close();
    await runtime.close();
    await database.drop();
  }
}

function section(runs: EngineRun[], load: { before: string; after: string }): string {
  const verdict = (run: EngineRun) => {
    const worst = Math.max(...run.results.map((r) => r.http.p99));
    return `${run.engine}: ${worst < TARGET_MS ? 'met' : 'MISSED'} (worst p99 ${ms(worst)} ms)`;
  };
  return [
    '<!-- bench:risks -->',
    '## Risk register: heat map and list (`npm run bench -- risks`)',
    '',
    `\`GET /api/v1/risks/heat-map\` and \`GET /api/v1/risks\` (pages of 50) over HTTP with ${RISKS.toLocaleString('en')} risks (uniform inherent likelihood and impact, 60 % with a lower residual, 30 % with an annual loss), ${ASSETS} assets (one or two per risk), 20 owners. Target: p99 under ${TARGET_MS} ms for every row — ${runs.map(verdict).join('; ')}.`,
    `Date ${new Date().toISOString().slice(0, 10)}; ${machine()}; load average before ${load.before}, after ${load.after} (two cores shared with other work). ${ITERATIONS} timed requests per row after 50 untimed, one at a time, as a risk owner.`,
    '',
    ...runs.flatMap((run) => [
      `### ${run.engine} (seeded in ${run.seedSeconds.toFixed(1)} s)`,
      '',
      '| request | rows | HTTP p50 (ms) | HTTP p99 (ms) |',
      '|---|---:|---:|---:|',
      ...run.results.map((r) => `| ${r.scenario.name} | ${r.rows} | ${ms(r.http.p50)} | ${ms(r.http.p99)} |`),
      '',
      'Re-scoring the register when a setting changes (one request each, not a target):',
      '',
      '| request | risks changed | time (ms) |',
      '|---|---:|---:|',
      ...run.rescores.map((r) => `| ${r.name} | ${r.changed.toLocaleString('en')} | ${ms(r.ms)} |`),
      '',
    ]),
    '<!-- /bench:risks -->',
  ].join('\n');
}

export async function runRiskRegisterBench(): Promise<void> {
  const engines: Engine[] = ['sqlite'];
  if (postgresAdminUrl()) engines.push('postgres');
  const before = loadAverage();
  const runs: EngineRun[] = [];
  for (const engine of engines) runs.push(await runEngine(engine));
  log(`wrote its section of ${writeBenchmarkSection('risks', section(runs, { before, after: loadAverage() }))}`);
}
