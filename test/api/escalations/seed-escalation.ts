import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../../src/domain/ids.js';
import type { TestApp } from '../../support/test-app.js';

/** A call recorded straight into the store (no plan needed), for tests of acknowledging; answers its id and link secret. */
export async function seedEscalation(t: TestApp, incidentId: string, options: { user_id?: string | null } = {}): Promise<{ id: string; token: string }> {
  const token = `ack_${randomBytes(24).toString('base64url')}`;
  const id = newId('escalation');
  await t.system.database.db
    .insertInto('escalations')
    .values({
      id,
      organisation_id: t.system.actor.organisationId,
      incident_id: incidentId,
      plan_id: null,
      rule_id: 'seeded',
      trigger: 'opened',
      severity: 3,
      contact_id: 'seeded-contact',
      contact_name: 'Seeded Contact',
      user_id: options.user_id ?? null,
      incident_role: null,
      email: null,
      respond_within_minutes: 30,
      ack_token_hash: createHash('sha256').update(token).digest('hex'),
      notified_at: new Date().toISOString(),
      acknowledged_at: null,
      acknowledged_by: null,
      acknowledged_via: null,
    })
    .execute();
  return { id, token };
}
