import { newId } from '../../src/domain/ids.js';
import type { ObservableType } from '../../src/domain/observables.js';
import { writeJson } from '../../src/store/dialect.js';
import { upsertObservablesAndSightings } from '../../src/store/repositories/observable-upsert.js';
import type { AlertRow } from '../../src/store/schema.js';
import type { TestApp } from './test-app.js';

/**
 * Alerts for triage tests, written straight into the store as ingestion would leave them, so these
 * tests control status, group and timing exactly and do not depend on the ingestion rules.
 */
export interface AlertSeed {
  title?: string;
  source?: string;
  severity?: number;
  status?: string;
  tags?: string[];
  tlp?: string;
  group_id?: string | null;
  incident_id?: string | null;
  last_seen_at?: string;
  first_seen_at?: string;
  occurred_at?: string | null;
  raw?: unknown;
  observables?: Array<{ type: ObservableType; value: string; ioc?: boolean }>;
}

let sequence = 0;

export async function seedAlert(app: Pick<TestApp, 'runtime'>, seed: AlertSeed = {}): Promise<AlertRow> {
  const db = app.runtime.deps.database.db;
  sequence += 1;
  const lastSeen = seed.last_seen_at ?? new Date(Date.UTC(2026, 10, 23, 8, 0, 0) + sequence * 1000).toISOString();
  const row = {
    id: newId('alert'),
    organisation_id: app.runtime.organisationId,
    source: seed.source ?? 'splunk',
    source_ref: `ref-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
    type: 'external',
    title: seed.title ?? `Suspicious login ${sequence}`,
    description: 'Seen by the SIEM',
    severity: seed.severity ?? 3,
    occurred_at: seed.occurred_at ?? null,
    tags: writeJson(seed.tags ?? []),
    tlp: seed.tlp ?? 'amber',
    pap: 'amber',
    status: seed.status ?? 'new',
    fingerprint: null,
    group_id: seed.group_id ?? null,
    incident_id: seed.incident_id ?? null,
    dismiss_reason: null,
    triaged_at: null,
    triaged_by: null,
    repeat_count: 1,
    first_seen_at: seed.first_seen_at ?? lastSeen,
    last_seen_at: lastSeen,
    raw: writeJson(seed.raw ?? { rule: 'brute force', host: 'ws-042' }),
    created_at: lastSeen,
    updated_at: lastSeen,
    version: 1,
  };
  await db.insertInto('alerts').values(row as never).execute();
  if (seed.observables?.length) {
    await upsertObservablesAndSightings(
      db,
      row.organisation_id,
      'system',
      lastSeen,
      seed.observables.map((o) => ({ type: o.type, value: o.value, subject_type: 'alert', subject_id: row.id, ioc: o.ioc ?? false, sighted: false, tlp: 'amber', tags: [], note: '', seen_at: lastSeen })),
    );
  }
  return row as AlertRow;
}

export async function seedAlertGroup(app: TestApp, title = 'Shared IP 203.0.113.7'): Promise<string> {
  const id = newId('alertGroup');
  const at = '2026-11-23T08:00:00.000Z';
  await app.runtime.deps.database.db
    .insertInto('alert_groups')
    .values({ id, organisation_id: app.runtime.organisationId, title, reason: writeJson({ observables: [{ type: 'ip', value: '203.0.113.7' }] }), alert_count: 0, first_seen_at: at, last_seen_at: at, created_at: at, updated_at: at, version: 1 })
    .execute();
  return id;
}

/** The observables sighted on an incident, as the store holds them. */
export async function incidentSightings(app: TestApp, incidentId: string) {
  return app.runtime.deps.database.db
    .selectFrom('sightings')
    .innerJoin('observables', 'observables.id', 'sightings.observable_id')
    .select(['observables.id', 'observables.type', 'observables.value', 'observables.sighting_count', 'sightings.count', 'sightings.ioc'])
    .where('sightings.subject_type', '=', 'incident')
    .where('sightings.subject_id', '=', incidentId)
    .orderBy('observables.value')
    .execute();
}
