import { sql } from 'kysely';
import { DAY_MS } from '../src/domain/time.js';
import type { DatabaseHandle } from '../src/store/database.js';

/**
 * Bench-only bulk loader for the triage queue: alerts written straight into the store in large
 * batches, shaped like a year of a busy SOC (most alerts long since dismissed or merged, a tail of new ones).
 */
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

export const ALERT_SOURCES = ['splunk', 'sentinel', 'elastic', 'wazuh', 'crowdstrike', 'defender', 'proofpoint', 'zeek'] as const;
const STATUS_WEIGHTS: [string, number][] = [['new', 8], ['dismissed', 62], ['merged', 25], ['promoted', 5]];
const SEVERITY_WEIGHTS: [number, number][] = [[1, 3], [2, 12], [3, 45], [4, 40]];
export const ALERT_TAGS = ['phishing', 'malware', 'c2', 'brute-force', 'vpn', 'edr', 'dlp', 'cloud', 'impossible-travel', 'lateral-movement', 'exfiltration', 'scanner'];
const TITLES = ['Beacon to known C2 address', 'Brute force against VPN', 'Phishing link clicked', 'Impossible travel sign-in', 'Malware quarantined', 'Suspicious PowerShell', 'Large upload to personal cloud', 'New admin account created', 'Port scan from internal host', 'Ransom note file written'];

const COLUMNS = ['id', 'organisation_id', 'source', 'source_ref', 'type', 'title', 'description', 'severity', 'occurred_at', 'tags', 'tlp', 'pap', 'status', 'fingerprint', 'group_id', 'incident_id', 'dismiss_reason', 'triaged_at', 'triaged_by', 'repeat_count', 'first_seen_at', 'last_seen_at', 'raw', 'created_at', 'updated_at', 'version'] as const;
const BATCH = 5_000;

export interface AlertSeedOptions {
  organisationId: string;
  count: number;
  /** Incidents merged and promoted alerts point at (some restricted, so visibility is exercised). */
  incidentIds: string[];
  groups: number;
  until: string;
  spanDays: number;
}

/** Writes the alerts and their groups; returns the group ids. */
export async function seedAlerts(handle: DatabaseHandle, options: AlertSeedOptions): Promise<string[]> {
  const rnd = random(20261123);
  const end = Date.parse(options.until);
  const groupIds = Array.from({ length: options.groups }, (_, i) => `alg_bench${String(i).padStart(21, '0')}`);
  const groupRows = groupIds.map((id, i) => ({ id, organisation_id: options.organisationId, title: `Shared observable ${i}`, reason: JSON.stringify({ observables: [{ type: 'ip', value: `198.51.${i % 256}.${i % 200}` }] }), alert_count: 0, first_seen_at: options.until, last_seen_at: options.until, created_at: options.until, updated_at: options.until, version: 1 }));
  for (let i = 0; i < groupRows.length; i += 1000) await handle.db.insertInto('alert_groups').values(groupRows.slice(i, i + 1000)).execute();

  const row = (n: number): unknown[] => {
    // Evenly spread over the span, newest last, with a little jitter; ids sort with time like ULIDs.
    const at = new Date(end - options.spanDays * DAY_MS * (1 - n / options.count) - Math.floor(rnd.next() * 60_000)).toISOString();
    const status = rnd.weighted(STATUS_WEIGHTS);
    const linked = status === 'merged' || status === 'promoted';
    const tags = ALERT_TAGS.filter(() => rnd.next() < 0.12);
    const source = rnd.pick(ALERT_SOURCES);
    return [
      `alr_bench${String(n).padStart(21, '0')}`, options.organisationId, source, `${source}-${n}`, 'siem', `${rnd.pick(TITLES)} on host-${n % 5000}`, 'Raised by the bench loader.',
      rnd.weighted(SEVERITY_WEIGHTS), at, JSON.stringify(tags), 'amber', 'amber', status, null, rnd.next() < 0.1 ? rnd.pick(groupIds) : null,
      linked ? rnd.pick(options.incidentIds) : null, status === 'dismissed' ? 'False positive' : null, status === 'new' ? null : at, status === 'new' ? null : 'system',
      1, at, at, JSON.stringify({ event_id: n, host: `host-${n % 5000}` }), at, at, 1,
    ];
  };

  if (handle.sqlite) {
    const insert = handle.sqlite.prepare(`INSERT INTO alerts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
    const batch = handle.sqlite.transaction((from: number, to: number) => {
      for (let n = from; n < to; n += 1) insert.run(...row(n));
    });
    for (let from = 0; from < options.count; from += BATCH) batch(from, Math.min(options.count, from + BATCH));
    await sql`ANALYZE`.execute(handle.db);
    return groupIds;
  }

  const pool = handle.pool!;
  const types = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'timestamptz', 'jsonb', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'text', 'int', 'timestamptz', 'timestamptz', 'jsonb', 'timestamptz', 'timestamptz', 'int'];
  const text = `INSERT INTO alerts (${COLUMNS.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
  for (let from = 0; from < options.count; from += BATCH) {
    const columns: unknown[][] = COLUMNS.map(() => []);
    for (let n = from; n < Math.min(options.count, from + BATCH); n += 1) row(n).forEach((value, i) => columns[i]!.push(value));
    await pool.query(text, columns);
  }
  await sql`VACUUM ANALYZE alerts`.execute(handle.db);
  return groupIds;
}
