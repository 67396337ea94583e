import type { Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

/**
 * The closed loop (issue #5): the risks an incident materialised and what each control did, the
 * structured post-incident review with its action items, and the proposals a completed review makes
 * to the register, each decided by a risk owner.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  await db.schema
    .createTable('incident_risks')
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('risk_id', t.id, (c) => c.notNull().references('risks.id'))
    .addColumn('note', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('linked_at', t.instant, (c) => c.notNull())
    .addColumn('linked_by', t.id, (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_risks_pk', ['incident_id', 'risk_id'])
    .execute();
  await db.schema.createIndex('incident_risks_risk').on('incident_risks').columns(['risk_id', 'linked_at']).execute();

  /** What a control did in one incident: worked (prevented), detected, failed, bypassed, absent. */
  await db.schema
    .createTable('control_outcomes')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('control_id', t.id, (c) => c.notNull().references('controls.id'))
    .addColumn('outcome', t.text, (c) => c.notNull())
    .addColumn('note', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .addColumn('recorded_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('control_outcomes_incident_control', ['incident_id', 'control_id'])
    .execute();
  await db.schema.createIndex('control_outcomes_control').on('control_outcomes').columns(['control_id', 'recorded_at']).execute();

  /** One structured post-incident review per incident. */
  await db.schema
    .createTable('reviews')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().unique().references('incidents.id').onDelete('cascade'))
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('summary', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('impact', t.json, (c) => c.notNull())
    .addColumn('timeline_entry_ids', t.json, (c) => c.notNull())
    .addColumn('root_causes', t.json, (c) => c.notNull())
    .addColumn('went_well', t.json, (c) => c.notNull())
    .addColumn('went_badly', t.json, (c) => c.notNull())
    .addColumn('lessons', t.json, (c) => c.notNull())
    .addColumn('participants', t.json, (c) => c.notNull())
    .addColumn('meeting_at', t.instant)
    .addColumn('completed_at', t.instant)
    .addColumn('completed_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('reviews_completed').on('reviews').columns(['organisation_id', 'completed_at']).execute();

  /** Follow-up work from reviews (and later exercises), tracked to done. */
  await db.schema
    .createTable('action_items')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.references('incidents.id').onDelete('cascade'))
    .addColumn('review_id', t.id, (c) => c.references('reviews.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('description', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('owner_id', t.id)
    .addColumn('due_at', t.instant)
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('control_id', t.id, (c) => c.references('controls.id'))
    .addColumn('risk_id', t.id, (c) => c.references('risks.id'))
    .addColumn('done_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('action_items_owner').on('action_items').columns(['organisation_id', 'owner_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('action_items_review').on('action_items').columns(['review_id']).execute();

  /**
   * A change a completed review proposes to the register. `target_version` is the risk's or control's
   * version when proposed: deciding on a target changed since is refused as stale and re-proposed.
   */
  await db.schema
    .createTable('proposals')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('incident_id', t.id, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('review_id', t.id, (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('target_type', t.text, (c) => c.notNull())
    .addColumn('target_id', t.id, (c) => c.notNull())
    .addColumn('target_version', t.integer, (c) => c.notNull())
    .addColumn('action_item_id', t.id)
    .addColumn('reasoning', t.json, (c) => c.notNull())
    .addColumn('before', t.json, (c) => c.notNull())
    .addColumn('after', t.json, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('decided_at', t.instant)
    .addColumn('decided_by', t.id)
    .addColumn('decision_note', t.text)
    .addColumn('applied', t.json)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('proposals_review').on('proposals').columns(['review_id', 'status']).execute();
  await db.schema.createIndex('proposals_target').on('proposals').columns(['target_type', 'target_id', 'status']).execute();

  // The frequency estimate a review updates (gamma–Poisson): the annual rate the owner stated and how
  // many years of observation that estimate is worth. Null rate: read from the likelihood level's band.
  await db.schema.alterTable('risks').addColumn('annual_rate', t.real).execute();
  await db.schema.alterTable('risks').addColumn('rate_confidence_years', t.real, (c) => c.notNull().defaultTo(1)).execute();
}
