import type { Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

/**
 * Incident management (issue #6): the versioned response plan and its offline exports, escalations
 * with their acknowledgements, stakeholder communications, third-party engagements, signed decision
 * records, and the obligations (notification duties with clocks) computed from each incident's facts.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  /**
   * One row per plan version. The content (team, contacts, severity definitions, escalation matrix,
   * templates, third parties, playbooks) is one JSON document so a version is a true snapshot.
   * Status: draft → approved (the one in force) → superseded.
   */
  await db.schema
    .createTable('response_plans')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('plan_version', t.integer, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('content', t.json, (c) => c.notNull())
    .addColumn('change_note', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('review_due_at', t.instant)
    .addColumn('approved_at', t.instant)
    .addColumn('approved_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('response_plans_org_version', ['organisation_id', 'plan_version'])
    .execute();
  await db.schema.createIndex('response_plans_status').on('response_plans').columns(['organisation_id', 'status']).execute();

  /** Each offline export: which plan version, its content hash, who and when (the "changed since export" warning reads the last). */
  await db.schema
    .createTable('plan_exports')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('plan_id', t.id, (c) => c.notNull().references('response_plans.id'))
    .addColumn('plan_version', t.integer, (c) => c.notNull())
    .addColumn('format', t.text, (c) => c.notNull())
    .addColumn('sha256', t.text, (c) => c.notNull())
    .addColumn('exported_at', t.instant, (c) => c.notNull())
    .addColumn('exported_by', t.id, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_exports_recent').on('plan_exports').columns(['organisation_id', 'exported_at']).execute();

  /**
   * Who the escalation matrix called for an incident, why (opened / severity changed), through which
   * channel, and when they acknowledged. The acknowledgement link carries a secret stored only hashed.
   */
  await db.schema
    .createTable('escalations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('plan_id', t.id, (c) => c.references('response_plans.id'))
    .addColumn('rule_id', t.text, (c) => c.notNull())
    .addColumn('trigger', t.text, (c) => c.notNull())
    .addColumn('severity', t.integer, (c) => c.notNull())
    .addColumn('contact_id', t.text, (c) => c.notNull())
    .addColumn('contact_name', t.text, (c) => c.notNull())
    .addColumn('user_id', t.id)
    .addColumn('incident_role', t.text)
    .addColumn('email', t.text)
    .addColumn('respond_within_minutes', t.integer)
    .addColumn('ack_token_hash', t.text, (c) => c.notNull())
    .addColumn('notified_at', t.instant, (c) => c.notNull())
    .addColumn('acknowledged_at', t.instant)
    .addColumn('acknowledged_by', t.id)
    .addColumn('acknowledged_via', t.text)
    .execute();
  await db.schema.createIndex('escalations_incident').on('escalations').columns(['incident_id', 'notified_at']).execute();
  await db.schema.createIndex('escalations_ack_token').on('escalations').columns(['ack_token_hash']).unique().execute();

  /** A message to one audience: drafted (from a template or by hand), legally reviewed, approved, sent. */
  await db.schema
    .createTable('communications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('audience', t.text, (c) => c.notNull())
    .addColumn('channel', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('template_id', t.text)
    .addColumn('subject', t.text, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('recipients', t.json, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('legal_reviewed_at', t.instant)
    .addColumn('legal_reviewed_by', t.id)
    .addColumn('approved_at', t.instant)
    .addColumn('approved_by', t.id)
    .addColumn('sent_at', t.instant)
    .addColumn('sent_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('communications_incident').on('communications').columns(['incident_id', 'created_at']).execute();
  await db.schema.createIndex('communications_sent').on('communications').columns(['organisation_id', 'kind', 'sent_at']).execute();

  /** Outside help called in on an incident: who, when, under which contract or privilege, and how it stands. */
  await db.schema
    .createTable('third_party_engagements')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('party_id', t.text)
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('contact', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('contract_reference', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('privileged', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('engaged_at', t.instant, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('notes', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('engagements_incident').on('third_party_engagements').columns(['incident_id', 'engaged_at']).execute();

  /**
   * Signed decision records ("personal data breach: yes", "material: yes"): who decided, when, on which
   * facts. Never edited; a change of mind is a new record that supersedes the old one.
   */
  await db.schema
    .createTable('decisions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('outcome', t.boolean, (c) => c.notNull())
    .addColumn('decided_at', t.instant, (c) => c.notNull())
    .addColumn('facts', t.text, (c) => c.notNull())
    .addColumn('signed_by', t.id, (c) => c.notNull())
    .addColumn('signed_at', t.instant, (c) => c.notNull())
    .addColumn('signature', t.text, (c) => c.notNull())
    .addColumn('superseded_by', t.id)
    .execute();
  await db.schema.createIndex('decisions_incident').on('decisions').columns(['incident_id', 'signed_at']).execute();

  /** The facts the obligations engine reads for one incident (awareness, personal data, people affected…). */
  await db.schema
    .createTable('incident_facts')
    .addColumn('incident_id', t.id, (c) => c.primaryKey().references('incidents.id').onDelete('cascade'))
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('facts', t.json, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();

  /**
   * A duty to notify, with its clock. Recomputed when facts or decisions change; what people did with
   * it (status, reference, reasons for delay) stays. `reminder_level` is the last reminder sent.
   */
  await db.schema
    .createTable('obligations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('regime', t.text, (c) => c.notNull())
    .addColumn('stage', t.text, (c) => c.notNull())
    .addColumn('state', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('recipient', t.text, (c) => c.notNull())
    .addColumn('deadline', t.instant)
    .addColumn('deadline_kind', t.text, (c) => c.notNull())
    .addColumn('time_zone', t.text, (c) => c.notNull())
    .addColumn('basis', t.text, (c) => c.notNull())
    .addColumn('clock', t.json, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('status_reason', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('reference', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', t.instant)
    .addColumn('delay_reason', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('reminder_level', t.integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('obligations_incident_stage', ['incident_id', 'regime', 'stage', 'state'])
    .execute();
  await db.schema.createIndex('obligations_due').on('obligations').columns(['organisation_id', 'status', 'deadline']).execute();

  /** The status-update cadence reminder last sent per incident, so each due update is reminded once. */
  await db.schema
    .createTable('status_update_reminders')
    .addColumn('incident_id', t.id, (c) => c.primaryKey().references('incidents.id').onDelete('cascade'))
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('due_at', t.instant, (c) => c.notNull())
    .addColumn('reminded_at', t.instant, (c) => c.notNull())
    .execute();
}
