import type { Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

/**
 * Evidence and chain of custody (issue #7): stored files content-addressed by SHA-256 (identical files
 * stored once), evidence items (files or physical objects) on incidents, and each item's append-only,
 * hash-chained custody log.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  /** One stored file per distinct content; items point at it. */
  await db.schema
    .createTable('evidence_blobs')
    .addColumn('sha256', t.text, (c) => c.primaryKey())
    .addColumn('sha1', t.text, (c) => c.notNull())
    .addColumn('md5', t.text, (c) => c.notNull())
    .addColumn('size_bytes', t.bigint, (c) => c.notNull())
    .addColumn('stored_at', t.instant, (c) => c.notNull())
    .addColumn('removed_at', t.instant)
    .execute();

  /**
   * An item of evidence. `kind` says what it is (disk_image, memory_image, log, email, screenshot,
   * malware_sample, document, physical, other); physical items have no blob. `status`: active,
   * released, destroyed. `holder_id` is who holds it now (custody); `pending_holder_id` is whom it is
   * being handed to, until they sign for it.
   */
  await db.schema
    .createTable('evidence_items')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id'))
    .addColumn('number', t.text, (c) => c.notNull())
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('description', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('blob_sha256', t.text, (c) => c.references('evidence_blobs.sha256'))
    .addColumn('file_name', t.text)
    .addColumn('media_type', t.text)
    .addColumn('size_bytes', t.bigint)
    .addColumn('serial_numbers', t.json, (c) => c.notNull())
    .addColumn('physical_location', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('source', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('asset_id', t.id)
    .addColumn('collected_by', t.text, (c) => c.notNull())
    .addColumn('collected_at', t.instant, (c) => c.notNull())
    .addColumn('acquisition_tool', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('acquisition_notes', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('tlp', t.text, (c) => c.notNull())
    .addColumn('tags', t.json, (c) => c.notNull())
    .addColumn('observable_ids', t.json, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('holder_id', t.id)
    .addColumn('pending_holder_id', t.id)
    .addColumn('legal_hold', t.boolean, (c) => c.notNull())
    .addColumn('legal_hold_reason', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('retain_until', t.instant)
    .addColumn('last_verified_at', t.instant)
    .addColumn('last_verification', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('evidence_items_org_number', ['organisation_id', 'number'])
    .execute();
  await db.schema.createIndex('evidence_items_incident').on('evidence_items').columns(['incident_id', 'created_at']).execute();
  await db.schema.createIndex('evidence_items_blob').on('evidence_items').columns(['blob_sha256']).execute();

  /**
   * Custody log of one item, chained: hash = sha256(prev_hash ‖ canonical content). Never updated or
   * deleted. `signature` is the receiving person's signature on a hand-over (see services/evidence).
   */
  await db.schema
    .createTable('custody_events')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('evidence_id', t.id, (c) => c.notNull().references('evidence_items.id'))
    .addColumn('seq', t.integer, (c) => c.notNull())
    .addColumn('action', t.text, (c) => c.notNull())
    .addColumn('actor_id', t.id, (c) => c.notNull())
    .addColumn('from_user_id', t.id)
    .addColumn('to_user_id', t.id)
    .addColumn('occurred_at', t.instant, (c) => c.notNull())
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .addColumn('location', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('purpose', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('details', t.json, (c) => c.notNull())
    .addColumn('signature', t.text)
    .addColumn('prev_hash', t.text, (c) => c.notNull())
    .addColumn('hash', t.text, (c) => c.notNull())
    .addUniqueConstraint('custody_events_item_seq', ['evidence_id', 'seq'])
    .execute();
}
