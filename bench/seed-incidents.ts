import { BUILTIN_CATEGORIES, formatIncidentNumber } from '../src/domain/incident.js';
import { newId } from '../src/domain/ids.js';
import { PHASES } from '../src/domain/lifecycle.js';
import { DAY_MS, HOUR_MS } from '../src/domain/time.js';
import type { DatabaseHandle } from '../src/store/database.js';
import { writeJson } from '../src/store/dialect.js';
import type { IncidentMemberRow, IncidentRow } from '../src/store/schema.js';

/**
 * Bench-only bulk loader: realistic incidents written straight into the store in large batches
 * (the services write one incident per transaction, far too slow for 100,000).
 */

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weighted = <T>(table: [T, number][]): T => {
    let r = next() * table.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of table) if ((r -= weight) < 0) return value;
    return table[table.length - 1]![0];
  };
  return { next, pick, weighted };
}

// Most incidents of a mature programme are closed; a few are being worked on.
const PHASE_WEIGHTS: [(typeof PHASES)[number], number][] = [['detection', 8], ['containment', 8], ['eradication', 5], ['recovery', 4], ['post_incident', 5], ['closed', 70]];
const SEVERITY_WEIGHTS: [number, number][] = [[1, 5], [2, 15], [3, 45], [4, 35]];
const TAGS = ['vpn', 'finance', 'hr', 'customer-data', 'cloud', 'aws', 'azure', 'm365', 'endpoint', 'edr', 'email', 'mfa', 'pci', 'gdpr', 'ot', 'supplier', 'executive', 'laptop', 'web', 'sql-injection', 'ddos', 'credential-stuffing', 'ransomware', 'insider', 'payroll', 'backup', 'domain-controller', 'github', 'crm', 'byod'];
const SUBJECTS = ['Phishing campaign targeting finance', 'Ransomware on file server', 'Credential stuffing against VPN', 'Malware beacon from laptop', 'Suspicious OAuth consent grant', 'Lost laptop with customer data', 'Web shell on public web server', 'Impossible travel sign-in', 'Data exfiltration to personal cloud', 'DDoS against customer portal', 'Business e-mail compromise of supplier', 'Cryptominer on build agent'];
const HOSTS = ['FS01', 'DC02', 'WEB03', 'LAPTOP-1187', 'BUILD-07', 'SQL02', 'VPN-GW1', 'MAIL01', 'CRM-APP', 'HR-SHARE'];
const CLOSED_RESOLUTIONS: [string, number][] = [['true_positive', 55], ['false_positive', 25], ['benign', 15], ['duplicate', 5]];

export interface SeedOptions {
  organisationId: string;
  createdBy: string;
  /** Users who take command of incidents, so the assignee and visibility filters have work to do. */
  commanders: string[];
  count: number;
  /** Incidents detected over this many days before `until`. */
  spanDays: number;
  until: string;
  batchSize?: number;
}

export async function seedIncidents(database: DatabaseHandle, options: SeedOptions): Promise<void> {
  const rng = random(20261123);
  const until = Date.parse(options.until);
  const perYear = new Map<number, number>();
  const batchSize = options.batchSize ?? 400;
  // Detection times in increasing order, like a real history, so numbers follow time within a year.
  const detected = Array.from({ length: options.count }, () => until - rng.next() * options.spanDays * DAY_MS).sort((a, b) => a - b);
  for (let start = 0; start < options.count; start += batchSize * 10) {
    await database.db.transaction().execute(async (trx) => {
      for (let batch = start; batch < Math.min(options.count, start + batchSize * 10); batch += batchSize) {
        const incidents: IncidentRow[] = [];
        const tags: { incident_id: string; organisation_id: string; tag: string }[] = [];
        const members: IncidentMemberRow[] = [];
        for (let i = batch; i < Math.min(options.count, batch + batchSize); i += 1) {
          const detectedAt = detected[i]!;
          const year = new Date(detectedAt).getUTCFullYear();
          const sequence = (perYear.get(year) ?? 0) + 1;
          perYear.set(year, sequence);
          const phase = rng.weighted(PHASE_WEIGHTS);
          const step = PHASES.indexOf(phase);
          const at = (offset: number) => new Date(Math.min(until, detectedAt + offset)).toISOString();
          const own = [...new Set(Array.from({ length: Math.floor(rng.next() * 4) }, () => rng.pick(TAGS)))];
          const id = newId('incident');
          const restricted = rng.next() < 0.02;
          const created = at(rng.next() * HOUR_MS);
          incidents.push({
            id,
            organisation_id: options.organisationId,
            number: formatIncidentNumber(year, sequence),
            title: `${rng.pick(SUBJECTS)} ${rng.pick(HOSTS)}`,
            summary: 'Seeded for the benchmark.',
            category: rng.pick(BUILTIN_CATEGORIES),
            severity: rng.weighted(SEVERITY_WEIGHTS),
            functional_impact: null,
            information_impact: null,
            recoverability: null,
            tlp: 'amber',
            tags: writeJson(own),
            restricted,
            phase,
            resolution: phase === 'closed' ? rng.weighted(CLOSED_RESOLUTIONS) : null,
            occurred_at: new Date(detectedAt - rng.next() * 3 * DAY_MS).toISOString(),
            detected_at: new Date(detectedAt).toISOString(),
            reported_at: at(10 * 60_000),
            acknowledged_at: at(30 * 60_000),
            contained_at: step >= 2 ? at(6 * HOUR_MS) : null,
            eradicated_at: step >= 3 ? at(2 * DAY_MS) : null,
            recovered_at: step >= 4 ? at(4 * DAY_MS) : null,
            closed_at: step >= 5 ? at(10 * DAY_MS) : null,
            review_completed_at: null,
            review_completed_by: null,
            created_at: created,
            created_by: options.createdBy,
            updated_at: at(step * DAY_MS + HOUR_MS),
            updated_by: options.createdBy,
            version: step + 1,
          });
          for (const tag of own) tags.push({ incident_id: id, organisation_id: options.organisationId, tag });
          if (rng.next() < 0.8) {
            const user_id = rng.pick(options.commanders);
            members.push({ id: newId('incidentMember'), organisation_id: options.organisationId, incident_id: id, user_id, role: 'incident_commander', assigned_at: created, assigned_by: options.createdBy, released_at: null, released_by: null });
          }
        }
        await trx.insertInto('incidents').values(incidents).execute();
        if (tags.length) await trx.insertInto('incident_tags').values(tags).execute();
        if (members.length) await trx.insertInto('incident_members').values(members).execute();
      }
    });
  }
  // Incidents opened through the API later continue the numbering instead of colliding with it.
  for (const [year, value] of perYear) {
    await database.db
      .insertInto('counters')
      .values({ organisation_id: options.organisationId, name: 'incident', period: String(year), value })
      .onConflict((oc) => oc.columns(['organisation_id', 'name', 'period']).doUpdateSet({ value }))
      .execute();
  }
}
