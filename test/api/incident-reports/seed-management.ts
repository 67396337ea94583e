import { newId } from '../../../src/domain/ids.js';
import type { StoredIncidentFacts, StoredOrganisationProfile } from '../../../src/domain/obligations/incident-facts.js';
import { writeJson } from '../../../src/store/dialect.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * Facts, the organisation profile, decisions, obligations and sent communications written straight
 * into the store (other services own their writing), so the reports are tested on exactly the rows they read.
 */
type App = Pick<TestApp, 'runtime' | 'admin'>;
const db = (app: App) => app.runtime.deps.database.db;
const NOW = '2026-03-02T12:00:00.000Z';

export async function seedFacts(app: App, incidentId: string, facts: Partial<StoredIncidentFacts>): Promise<void> {
  await db(app)
    .insertInto('incident_facts')
    .values({ incident_id: incidentId, organisation_id: app.runtime.organisationId, facts: writeJson(facts), updated_at: NOW, updated_by: app.admin.id, version: 1 })
    .execute();
}

export async function seedProfile(app: App, profile: Partial<StoredOrganisationProfile>): Promise<void> {
  await db(app)
    .insertInto('settings')
    .values({ organisation_id: app.runtime.organisationId, key: 'obligations.profile', value: writeJson(profile), updated_at: NOW, updated_by: app.admin.id })
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doUpdateSet({ value: writeJson(profile) }))
    .execute();
}

export async function seedDecision(app: App, incidentId: string, d: { kind: string; outcome: boolean; decided_at: string; facts: string }): Promise<void> {
  await db(app)
    .insertInto('decisions')
    .values({ id: newId('decision'), organisation_id: app.runtime.organisationId, incident_id: incidentId, ...d, signed_by: app.admin.id, signed_at: d.decided_at, signature: 'sha256:abc', superseded_by: null })
    .execute();
}

export async function seedObligation(app: App, incidentId: string, o: { regime: string; stage: string; recipient: string; deadline: string | null; status: string; reference?: string; delay_reason?: string; submitted_at?: string | null }): Promise<void> {
  await db(app)
    .insertInto('obligations')
    .values({
      id: newId('obligation'),
      organisation_id: app.runtime.organisationId,
      incident_id: incidentId,
      regime: o.regime,
      stage: o.stage,
      state: '',
      recipient: o.recipient,
      deadline: o.deadline,
      deadline_kind: 'fixed',
      time_zone: 'Europe/Berlin',
      basis: 'GDPR Art. 33(1)',
      clock: writeJson({}),
      status: o.status,
      status_reason: '',
      reference: o.reference ?? '',
      submitted_at: o.submitted_at ?? null,
      delay_reason: o.delay_reason ?? '',
      reminder_level: 0,
      created_at: NOW,
      updated_at: NOW,
      updated_by: app.admin.id,
      version: 1,
    })
    .execute();
}

export async function seedSentCommunication(app: App, incidentId: string, c: { audience: string; channel: string; subject: string; sent_at: string }): Promise<void> {
  await db(app)
    .insertInto('communications')
    .values({
      id: newId('communication'),
      organisation_id: app.runtime.organisationId,
      incident_id: incidentId,
      audience: c.audience,
      channel: c.channel,
      kind: 'status_update',
      template_id: null,
      subject: c.subject,
      body: 'Body',
      recipients: writeJson([]),
      status: 'sent',
      legal_reviewed_at: null,
      legal_reviewed_by: null,
      approved_at: c.sent_at,
      approved_by: app.admin.id,
      sent_at: c.sent_at,
      sent_by: app.admin.id,
      created_at: c.sent_at,
      created_by: app.admin.id,
      updated_at: c.sent_at,
      updated_by: app.admin.id,
      version: 1,
    })
    .execute();
}
