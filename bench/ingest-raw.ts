import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../src/domain/ids.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { openSqlite } from '../src/store/database.js';

/** One benchmark alert as the HTTP API takes it: three observables, a tag, a small raw JSON. */
export function benchAlert(run: string, i: number) {
  return {
    source: 'bench-siem',
    source_ref: `${run}-${i}`,
    type: 'edr',
    title: `Suspicious process tree on WS-${i % 5000}`,
    severity: ((i % 4) + 1) as 1 | 2 | 3 | 4,
    tags: ['bench', i % 2 ? 'edr' : 'network'],
    observables: [
      { type: 'ip' as const, value: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
      { type: 'domain' as const, value: `host-${run}-${i}.example` },
      { type: 'sha256' as const, value: createHash('sha256').update(`${run}:${i}`).digest('hex') },
    ],
    raw: { rule: { id: i % 300, level: 7 }, agent: { name: `WS-${i % 5000}` } },
  };
}

/** What the raw floor writes for each observable of an alert: a full sighting row (as Bulwark does), or only a narrow link. */
export type RawObservableStore = 'sightings' | 'links';

/**
 * The floor to compare with: the same rows (alert, three observables, three sightings) written by
 * raw better-sqlite3 prepared statements, one transaction per batch, into a migrated database with
 * the same indexes and synchronous FULL. No validation, rules, audit or HTTP. With 'links' each
 * sighting is replaced by a two-column (observable, alert) row in a WITHOUT ROWID table with one
 * index: the leanest store that still answers "seen before" both ways, to show what a redesign could gain.
 */
export async function rawSqliteInsert(batches: number, perBatch: number, store: RawObservableStore = 'sightings'): Promise<{ alertsPerSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-bench-raw-'));
  const handle = openSqlite(join(dir, 'raw.db'));
  try {
    await migrateToLatest(handle);
    const sqlite = handle.sqlite!;
    if (store === 'links') {
      sqlite.exec(`CREATE TABLE bench_alert_links (observable_id TEXT NOT NULL, alert_id TEXT NOT NULL, PRIMARY KEY (observable_id, alert_id)) WITHOUT ROWID;
        CREATE INDEX bench_alert_links_alert ON bench_alert_links (alert_id)`);
    }
    const insertAlert = sqlite.prepare(`INSERT INTO alerts (id, organisation_id, source, source_ref, type, title, description, severity, occurred_at, tags, tlp, pap, status,
      fingerprint, correlation_key, group_id, incident_id, dismiss_reason, triaged_at, triaged_by, repeat_count, first_seen_at, last_seen_at, raw, created_at, updated_at, version)
      VALUES (?, 'org', ?, ?, ?, ?, '', ?, NULL, ?, 'amber', 'amber', 'new', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, ?, ?, ?, ?, ?, 1)`);
    const insertObservable = sqlite.prepare(`INSERT INTO observables (id, organisation_id, type, value, ignore_similarity, first_seen_at, last_seen_at, sighting_count, created_at, updated_at, version)
      VALUES (?, 'org', ?, ?, 0, ?, ?, 1, ?, ?, 1)`);
    const insertSighting = sqlite.prepare(`INSERT INTO sightings (id, organisation_id, observable_id, subject_type, subject_id, ioc, sighted, tlp, tags, note, count, first_seen_at, last_seen_at, created_at, created_by, updated_at, version)
      VALUES (?, 'org', ?, 'alert', ?, 0, 0, 'amber', '[]', '', 1, ?, ?, ?, 'bench', ?, 1)`);
    const insertLink = store === 'links' ? sqlite.prepare('INSERT INTO bench_alert_links (observable_id, alert_id) VALUES (?, ?)') : null;
    // Built before the clock starts, as the HTTP sender builds its batches.
    const batchesOfRows = Array.from({ length: batches }, (_, b) => Array.from({ length: perBatch }, (_, i) => benchAlert('raw', b * perBatch + i)));
    const started = performance.now();
    for (const rows of batchesOfRows) {
      const now = new Date().toISOString();
      sqlite.transaction(() => {
        for (const a of rows) {
          const id = newId('alert');
          insertAlert.run(id, a.source, a.source_ref, a.type, a.title, a.severity, JSON.stringify(a.tags), now, now, JSON.stringify(a.raw), now, now);
          for (const o of a.observables) {
            const observableId = newId('observable');
            insertObservable.run(observableId, o.type, o.value, now, now, now, now);
            if (insertLink) insertLink.run(observableId, id);
            else insertSighting.run(newId('sighting'), observableId, id, now, now, now, now);
          }
        }
      })();
    }
    return { alertsPerSecond: (batches * perBatch) / ((performance.now() - started) / 1000) };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
