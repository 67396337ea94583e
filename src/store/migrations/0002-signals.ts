import { sql, type Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

/**
 * Signals (issue #3): alerts and their groups, observables with their sightings, ingestion rules,
 * ATT&CK techniques, and outbound webhooks with their delivery log.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  const no = engine === 'sqlite' ? sql`0` : sql`false`;

  await db.schema
    .createTable('alert_groups')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('reason', t.json, (c) => c.notNull())
    .addColumn('alert_count', t.integer, (c) => c.notNull().defaultTo(0))
    .addColumn('first_seen_at', t.instant, (c) => c.notNull())
    .addColumn('last_seen_at', t.instant, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('alert_groups_seen').on('alert_groups').columns(['organisation_id', 'last_seen_at', 'id']).execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('source', t.text, (c) => c.notNull())
    .addColumn('source_ref', t.text, (c) => c.notNull())
    .addColumn('type', t.text, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('description', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('severity', t.integer, (c) => c.notNull())
    .addColumn('occurred_at', t.instant)
    .addColumn('tags', t.json, (c) => c.notNull())
    .addColumn('tlp', t.text, (c) => c.notNull())
    .addColumn('pap', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('fingerprint', t.text)
    .addColumn('correlation_key', t.text)
    .addColumn('group_id', t.id)
    .addColumn('incident_id', t.id)
    .addColumn('dismiss_reason', t.text)
    .addColumn('triaged_at', t.instant)
    .addColumn('triaged_by', t.id)
    .addColumn('repeat_count', t.integer, (c) => c.notNull().defaultTo(1))
    .addColumn('first_seen_at', t.instant, (c) => c.notNull())
    .addColumn('last_seen_at', t.instant, (c) => c.notNull())
    .addColumn('raw', t.json)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('alerts_source_ref', ['organisation_id', 'source', 'source_ref'])
    .execute();
  await db.schema.createIndex('alerts_triage').on('alerts').columns(['organisation_id', 'status', 'last_seen_at', 'id']).execute();
  await db.schema.createIndex('alerts_seen').on('alerts').columns(['organisation_id', 'last_seen_at', 'id']).execute();
  await db.schema.createIndex('alerts_fingerprint').on('alerts').columns(['organisation_id', 'fingerprint', 'last_seen_at']).execute();
  await db.schema.createIndex('alerts_group').on('alerts').columns(['group_id']).execute();
  await db.schema.createIndex('alerts_correlation').on('alerts').columns(['organisation_id', 'correlation_key', 'last_seen_at']).execute();
  await db.schema.createIndex('alerts_incident').on('alerts').columns(['incident_id']).execute();

  await db.schema
    .createTable('observables')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('type', t.text, (c) => c.notNull())
    .addColumn('value', t.text, (c) => c.notNull())
    .addColumn('ignore_similarity', t.boolean, (c) => c.notNull().defaultTo(no))
    .addColumn('first_seen_at', t.instant, (c) => c.notNull())
    .addColumn('last_seen_at', t.instant, (c) => c.notNull())
    .addColumn('sighting_count', t.integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('observables_value', ['organisation_id', 'type', 'value'])
    .execute();

  /** An observable as it appears on one alert or incident, with that context's flags. */
  await db.schema
    .createTable('sightings')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('observable_id', t.id, (c) => c.notNull().references('observables.id'))
    .addColumn('subject_type', t.text, (c) => c.notNull())
    .addColumn('subject_id', t.id, (c) => c.notNull())
    .addColumn('ioc', t.boolean, (c) => c.notNull().defaultTo(no))
    .addColumn('sighted', t.boolean, (c) => c.notNull().defaultTo(no))
    .addColumn('tlp', t.text, (c) => c.notNull())
    .addColumn('tags', t.json, (c) => c.notNull())
    .addColumn('note', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('count', t.integer, (c) => c.notNull().defaultTo(1))
    .addColumn('first_seen_at', t.instant, (c) => c.notNull())
    .addColumn('last_seen_at', t.instant, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('sightings_subject', ['observable_id', 'subject_type', 'subject_id'])
    .execute();
  await db.schema.createIndex('sightings_by_subject').on('sightings').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('sightings_by_observable_seen').on('sightings').columns(['observable_id', 'last_seen_at']).execute();

  /** De-duplication, snooze, correlation and auto-attach rules applied at ingest. */
  await db.schema
    .createTable('alert_rules')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('enabled', t.boolean, (c) => c.notNull())
    .addColumn('conditions', t.json, (c) => c.notNull())
    .addColumn('fields', t.json, (c) => c.notNull())
    .addColumn('window_seconds', t.integer)
    .addColumn('until', t.instant)
    .addColumn('incident_id', t.id)
    .addColumn('matched_count', t.integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('alert_rules_kind').on('alert_rules').columns(['organisation_id', 'kind', 'enabled']).execute();

  await db.schema
    .createTable('attack_techniques')
    .addColumn('id', t.text, (c) => c.notNull())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('stix_id', t.text, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('description', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('tactics', t.json, (c) => c.notNull())
    .addColumn('platforms', t.json, (c) => c.notNull())
    .addColumn('parent_id', t.text)
    .addColumn('url', t.text)
    .addColumn('deprecated', t.boolean, (c) => c.notNull().defaultTo(no))
    .addColumn('revoked', t.boolean, (c) => c.notNull().defaultTo(no))
    .addColumn('revoked_by', t.text)
    .addColumn('attack_version', t.text)
    .addColumn('imported_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('attack_techniques_pk', ['organisation_id', 'id'])
    .execute();

  await db.schema
    .createTable('attack_tactics')
    .addColumn('id', t.text, (c) => c.notNull())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('shortname', t.text, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('position', t.integer, (c) => c.notNull())
    .addPrimaryKeyConstraint('attack_tactics_pk', ['organisation_id', 'id'])
    .execute();

  /** Techniques tagged on an incident or on one of its timeline entries (timeline_entry_id null = the incident). */
  await db.schema
    .createTable('incident_techniques')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('technique_id', t.text, (c) => c.notNull())
    .addColumn('timeline_entry_id', t.id)
    .addColumn('added_at', t.instant, (c) => c.notNull())
    .addColumn('added_by', t.id, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_techniques_incident').on('incident_techniques').columns(['incident_id', 'technique_id']).execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('url', t.text, (c) => c.notNull())
    .addColumn('secret', t.text, (c) => c.notNull())
    .addColumn('event_types', t.json, (c) => c.notNull())
    .addColumn('enabled', t.boolean, (c) => c.notNull())
    .addColumn('include_restricted', t.boolean, (c) => c.notNull().defaultTo(no))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('webhook_id', t.id, (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('outbox_id', t.id, (c) => c.notNull())
    .addColumn('event_type', t.text, (c) => c.notNull())
    .addColumn('attempt', t.integer, (c) => c.notNull())
    .addColumn('status_code', t.integer)
    .addColumn('error', t.text)
    .addColumn('duration_ms', t.integer, (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'at']).execute();
  // A message the dispatcher gave up on (retries exhausted): neither pending nor delivered.
  await db.schema.alterTable('outbox').addColumn('failed_at', t.instant).execute();
  await db.schema.createIndex('outbox_topic_pending').on('outbox').columns(['topic', 'delivered_at', 'available_at']).execute();
}
