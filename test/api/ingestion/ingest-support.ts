import type { TestApp } from '../../support/test-app.js';

let sequence = 0;
/** A unique sender reference, so tests on one database never collide. */
export const ref = (prefix = 'ref') => `${prefix}-${Date.now().toString(36)}-${(sequence += 1)}`;

export function alert(overrides: Record<string, unknown> = {}) {
  return { source: 'splunk-prod', source_ref: ref(), type: 'edr', title: 'Suspicious PowerShell on WS-042', severity: 2, ...overrides };
}

/** Rows as stored, read straight from the database (the checks must not depend on the triage API). */
export async function storedAlert(t: TestApp, id: string) {
  return t.system.database.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function alertCount(t: TestApp): Promise<number> {
  const row = await t.system.database.db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function auditCount(t: TestApp, action: string): Promise<number> {
  const row = await t.system.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function sightingsOf(t: TestApp, subjectId: string) {
  return t.system.database.db
    .selectFrom('sightings')
    .innerJoin('observables', 'observables.id', 'sightings.observable_id')
    .select(['observables.type', 'observables.value', 'sightings.ioc', 'sightings.subject_type'])
    .where('sightings.subject_id', '=', subjectId)
    .orderBy('observables.value')
    .execute();
}
