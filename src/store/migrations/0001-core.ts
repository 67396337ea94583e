import { sql, type Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

/** People, incidents, tasks, timelines, the audit log and the plumbing (outbox, idempotency, settings). */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  const falseDefault = engine === 'sqlite' ? sql`0` : sql`false`;

  await db.schema
    .createTable('organisations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('timezone', t.text, (c) => c.notNull().defaultTo('UTC'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('email', t.text, (c) => c.notNull().unique())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('password_hash', t.text)
    .addColumn('password_changed_at', t.instant)
    .addColumn('disabled_at', t.instant)
    .addColumn('last_login_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('role', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['organisation_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('csrf_token', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('last_seen_at', t.instant, (c) => c.notNull())
    .addColumn('ip', t.text)
    .addColumn('user_agent', t.text)
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('role', t.text, (c) => c.notNull())
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('token_prefix', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('expires_at', t.instant)
    .addColumn('last_used_at', t.instant)
    .addColumn('revoked_at', t.instant)
    .addColumn('revoked_by', t.id)
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').columns(['user_id']).execute();

  await db.schema
    .createTable('incident_categories')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisations.id'))
    .addColumn('key', t.text, (c) => c.notNull())
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addUniqueConstraint('incident_categories_key', ['organisation_id', 'key'])
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisations.id'))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('period', t.text, (c) => c.notNull())
    .addColumn('value', t.integer, (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['organisation_id', 'name', 'period'])
    .execute();

  let incidents = db.schema
    .createTable('incidents')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisations.id'))
    .addColumn('number', t.text, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('summary', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('category', t.text, (c) => c.notNull())
    .addColumn('severity', t.integer, (c) => c.notNull())
    .addColumn('functional_impact', t.text)
    .addColumn('information_impact', t.text)
    .addColumn('recoverability', t.text)
    .addColumn('tlp', t.text, (c) => c.notNull())
    .addColumn('tags', t.json, (c) => c.notNull())
    .addColumn('restricted', t.boolean, (c) => c.notNull().defaultTo(falseDefault))
    .addColumn('phase', t.text, (c) => c.notNull())
    .addColumn('resolution', t.text)
    .addColumn('occurred_at', t.instant)
    .addColumn('detected_at', t.instant, (c) => c.notNull())
    .addColumn('reported_at', t.instant)
    .addColumn('acknowledged_at', t.instant)
    .addColumn('contained_at', t.instant)
    .addColumn('eradicated_at', t.instant)
    .addColumn('recovered_at', t.instant)
    .addColumn('closed_at', t.instant)
    .addColumn('review_completed_at', t.instant)
    .addColumn('review_completed_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('incidents_number', ['organisation_id', 'number']);
  if (engine === 'postgres') {
    incidents = incidents.addColumn('search_vector', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`to_tsvector('simple', number || ' ' || title || ' ' || summary || ' ' || (tags::text))`).stored(),
    );
  }
  await incidents.execute();
  for (const [name, columns] of [
    ['incidents_created', ['organisation_id', 'created_at', 'id']],
    ['incidents_updated', ['organisation_id', 'updated_at', 'id']],
    ['incidents_phase_created', ['organisation_id', 'phase', 'created_at', 'id']],
    ['incidents_severity_created', ['organisation_id', 'severity', 'created_at', 'id']],
    ['incidents_severity_id', ['organisation_id', 'severity', 'id']],
    ['incidents_phase_severity', ['organisation_id', 'phase', 'severity']],
    ['incidents_detected', ['organisation_id', 'detected_at', 'id']],
  ] as const) {
    await db.schema.createIndex(name).on('incidents').columns([...columns]).execute();
  }
  if (engine === 'postgres') {
    await sql`CREATE INDEX incidents_search ON incidents USING gin (search_vector)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE incidents_fts USING fts5(number, title, summary, tags, content='incidents', content_rowid='rowid')`.execute(db);
    await sql`CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
      INSERT INTO incidents_fts(rowid, number, title, summary, tags) VALUES (new.rowid, new.number, new.title, new.summary, new.tags);
    END`.execute(db);
    await sql`CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents BEGIN
      INSERT INTO incidents_fts(incidents_fts, rowid, number, title, summary, tags) VALUES ('delete', old.rowid, old.number, old.title, old.summary, old.tags);
    END`.execute(db);
    await sql`CREATE TRIGGER incidents_fts_update AFTER UPDATE OF number, title, summary, tags ON incidents BEGIN
      INSERT INTO incidents_fts(incidents_fts, rowid, number, title, summary, tags) VALUES ('delete', old.rowid, old.number, old.title, old.summary, old.tags);
      INSERT INTO incidents_fts(rowid, number, title, summary, tags) VALUES (new.rowid, new.number, new.title, new.summary, new.tags);
    END`.execute(db);
  }

  await db.schema
    .createTable('incident_tags')
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('tag', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_tags_pk', ['incident_id', 'tag'])
    .execute();
  await db.schema.createIndex('incident_tags_tag').on('incident_tags').columns(['organisation_id', 'tag', 'incident_id']).execute();

  await db.schema
    .createTable('incident_members')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('role', t.text, (c) => c.notNull())
    .addColumn('assigned_at', t.instant, (c) => c.notNull())
    .addColumn('assigned_by', t.id, (c) => c.notNull())
    .addColumn('released_at', t.instant)
    .addColumn('released_by', t.id)
    .execute();
  await db.schema.createIndex('incident_members_incident').on('incident_members').columns(['incident_id', 'released_at']).execute();
  await db.schema.createIndex('incident_members_user').on('incident_members').columns(['user_id', 'released_at', 'incident_id']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('description', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('phase', t.text)
    .addColumn('assignee_id', t.id, (c) => c.references('users.id'))
    .addColumn('due_at', t.instant)
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('position', t.integer, (c) => c.notNull())
    .addColumn('completed_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('tasks_incident').on('tasks').columns(['incident_id', 'position']).execute();
  await db.schema.createIndex('tasks_assignee').on('tasks').columns(['assignee_id', 'status']).execute();

  await db.schema
    .createTable('timeline_entries')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('seq', t.integer, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('details', t.json, (c) => c.notNull())
    .addColumn('occurred_at', t.instant, (c) => c.notNull())
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .addColumn('actor_id', t.id, (c) => c.notNull())
    .addColumn('prev_hash', t.text, (c) => c.notNull())
    .addColumn('hash', t.text, (c) => c.notNull())
    .addUniqueConstraint('timeline_entries_seq', ['incident_id', 'seq'])
    .execute();
  await db.schema.createIndex('timeline_entries_occurred').on('timeline_entries').columns(['incident_id', 'occurred_at', 'seq']).execute();

  await db.schema
    .createTable('phase_changes')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('from_phase', t.text, (c) => c.notNull())
    .addColumn('to_phase', t.text, (c) => c.notNull())
    .addColumn('reason', t.text)
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('actor_id', t.id, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('phase_changes_incident').on('phase_changes').columns(['incident_id', 'at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('seq', t.integer, (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('actor_id', t.id)
    .addColumn('action', t.text, (c) => c.notNull())
    .addColumn('target_type', t.text, (c) => c.notNull())
    .addColumn('target_id', t.text, (c) => c.notNull())
    .addColumn('details', t.json, (c) => c.notNull())
    .addColumn('prev_hash', t.text, (c) => c.notNull())
    .addColumn('hash', t.text, (c) => c.notNull())
    .addUniqueConstraint('audit_log_seq', ['organisation_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('topic', t.text, (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('available_at', t.instant, (c) => c.notNull())
    .addColumn('attempts', t.integer, (c) => c.notNull().defaultTo(0))
    .addColumn('delivered_at', t.instant)
    .addColumn('last_error', t.text)
    .execute();
  await db.schema.createIndex('outbox_pending').on('outbox').columns(['delivered_at', 'available_at']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('principal', t.text, (c) => c.notNull())
    .addColumn('key', t.text, (c) => c.notNull())
    .addColumn('request_hash', t.text, (c) => c.notNull())
    .addColumn('status_code', t.integer, (c) => c.notNull())
    .addColumn('response', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['organisation_id', 'principal', 'key'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('key', t.text, (c) => c.notNull())
    .addColumn('value', t.json, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id)
    .addPrimaryKeyConstraint('settings_pk', ['organisation_id', 'key'])
    .execute();
}
