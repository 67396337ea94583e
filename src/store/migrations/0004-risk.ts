import type { CreateTableBuilder, Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

/**
 * The risk register (issue #4): assets and their dependencies, risks with their history, control
 * catalogs and the organisation's controls, the controls a risk relies on, and FAIR simulations.
 * The risk matrix and appetite are organisation settings (the settings table).
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  /** The columns every mutable register row carries. */
  const audited = (table: CreateTableBuilder<any, any>) =>
    table
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('created_by', t.id, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addColumn('updated_by', t.id, (c) => c.notNull())
      .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1));

  await audited(
    db.schema
      .createTable('assets')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('organisation_id', t.id, (c) => c.notNull())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('kind', t.text, (c) => c.notNull())
      .addColumn('description', t.text, (c) => c.notNull().defaultTo(''))
      .addColumn('owner_id', t.id)
      .addColumn('criticality', t.text, (c) => c.notNull())
      .addColumn('data_classifications', t.json, (c) => c.notNull())
      .addColumn('jurisdictions', t.json, (c) => c.notNull())
      .addColumn('tags', t.json, (c) => c.notNull())
      .addColumn('retired_at', t.instant),
  )
    .addUniqueConstraint('assets_name', ['organisation_id', 'name'])
    .execute();

  await db.schema
    .createTable('asset_dependencies')
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('asset_id', t.id, (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('depends_on_id', t.id, (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('note', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addPrimaryKeyConstraint('asset_dependencies_pk', ['asset_id', 'depends_on_id'])
    .execute();
  await db.schema.createIndex('asset_dependencies_reverse').on('asset_dependencies').columns(['depends_on_id']).execute();

  await audited(
    db.schema
      .createTable('risks')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('organisation_id', t.id, (c) => c.notNull())
      .addColumn('number', t.text, (c) => c.notNull())
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('description', t.text, (c) => c.notNull().defaultTo(''))
      .addColumn('threat', t.text, (c) => c.notNull().defaultTo(''))
      .addColumn('vulnerability', t.text, (c) => c.notNull().defaultTo(''))
      .addColumn('category', t.text, (c) => c.notNull())
      .addColumn('status', t.text, (c) => c.notNull())
      .addColumn('owner_id', t.id)
      .addColumn('inherent_likelihood', t.text, (c) => c.notNull())
      .addColumn('inherent_impact', t.text, (c) => c.notNull())
      .addColumn('inherent_level', t.text, (c) => c.notNull())
      // Set by hand, or null: then derived from the linked controls (src/domain/residual-risk.ts).
      .addColumn('residual_likelihood', t.text)
      .addColumn('residual_impact', t.text)
      .addColumn('residual_level', t.text, (c) => c.notNull())
      .addColumn('treatment', t.text)
      .addColumn('treatment_details', t.json, (c) => c.notNull())
      .addColumn('review_cadence_days', t.integer, (c) => c.notNull())
      .addColumn('next_review_at', t.instant, (c) => c.notNull())
      .addColumn('last_reviewed_at', t.instant)
      .addColumn('techniques', t.json, (c) => c.notNull())
      .addColumn('playbooks', t.json, (c) => c.notNull())
      .addColumn('tags', t.json, (c) => c.notNull())
      // FAIR inputs (src/domain/fair/) or null for a risk analysed only qualitatively.
      .addColumn('fair_inputs', t.json)
      .addColumn('annual_loss_mean', t.real)
      .addColumn('annual_loss_p90', t.real)
      .addColumn('over_appetite', t.boolean, (c) => c.notNull()),
  )
    .addUniqueConstraint('risks_number', ['organisation_id', 'number'])
    .execute();
  await db.schema.createIndex('risks_register').on('risks').columns(['organisation_id', 'status', 'residual_level', 'id']).execute();
  await db.schema.createIndex('risks_review').on('risks').columns(['organisation_id', 'next_review_at']).execute();
  await db.schema.createIndex('risks_owner').on('risks').columns(['owner_id']).execute();

  await db.schema
    .createTable('risk_assets')
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('risk_id', t.id, (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('asset_id', t.id, (c) => c.notNull().references('assets.id'))
    .addPrimaryKeyConstraint('risk_assets_pk', ['risk_id', 'asset_id'])
    .execute();
  await db.schema.createIndex('risk_assets_asset').on('risk_assets').columns(['asset_id']).execute();

  /** Every change of a risk: which fields, from what to what, why, and where it came from (an incident or review later). */
  await db.schema
    .createTable('risk_history')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('risk_id', t.id, (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('actor_id', t.id, (c) => c.notNull())
    .addColumn('action', t.text, (c) => c.notNull())
    .addColumn('changes', t.json, (c) => c.notNull())
    .addColumn('reason', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('source', t.json)
    // The scores after the change, so trends are read without replaying every change.
    .addColumn('inherent_level', t.text, (c) => c.notNull())
    .addColumn('residual_level', t.text, (c) => c.notNull())
    .addColumn('annual_loss_mean', t.real)
    .execute();
  await db.schema.createIndex('risk_history_risk').on('risk_history').columns(['risk_id', 'at']).execute();
  await db.schema.createIndex('risk_history_at').on('risk_history').columns(['organisation_id', 'at']).execute();

  await db.schema
    .createTable('control_catalogs')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('source', t.text, (c) => c.notNull())
    .addColumn('catalog_version', t.text)
    .addColumn('oscal_uuid', t.text)
    .addColumn('control_count', t.integer, (c) => c.notNull())
    .addColumn('imported_at', t.instant, (c) => c.notNull())
    .addColumn('imported_by', t.id, (c) => c.notNull())
    .addUniqueConstraint('control_catalogs_name', ['organisation_id', 'name'])
    .execute();

  await audited(
    db.schema
      .createTable('controls')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('organisation_id', t.id, (c) => c.notNull())
      .addColumn('catalog_id', t.id, (c) => c.references('control_catalogs.id'))
      .addColumn('ref', t.text, (c) => c.notNull())
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('description', t.text, (c) => c.notNull().defaultTo(''))
      .addColumn('family', t.text, (c) => c.notNull().defaultTo(''))
      .addColumn('parent_ref', t.text)
      .addColumn('position', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('implementation_status', t.text, (c) => c.notNull())
      .addColumn('owner_id', t.id)
      .addColumn('effectiveness', t.integer)
      .addColumn('maturity', t.integer)
      .addColumn('last_tested_at', t.instant)
      .addColumn('next_test_at', t.instant)
      .addColumn('evidence_notes', t.text, (c) => c.notNull().defaultTo('')),
  )
    .addUniqueConstraint('controls_ref', ['organisation_id', 'catalog_id', 'ref'])
    .execute();
  await db.schema.createIndex('controls_catalog').on('controls').columns(['catalog_id', 'position']).execute();

  /** A control a risk relies on; for a mitigation in progress, who implements it by when. */
  await db.schema
    .createTable('risk_controls')
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('risk_id', t.id, (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('control_id', t.id, (c) => c.notNull().references('controls.id'))
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('owner_id', t.id)
    .addColumn('due_at', t.instant)
    .addColumn('note', t.text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', t.integer, (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('risk_controls_pk', ['risk_id', 'control_id'])
    .execute();
  await db.schema.createIndex('risk_controls_control').on('risk_controls').columns(['control_id']).execute();

  /** A FAIR run: of one risk (kept with its inputs), or of the portfolio (risk_id null). */
  await db.schema
    .createTable('simulations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('risk_id', t.id, (c) => c.references('risks.id').onDelete('cascade'))
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('progress', t.real, (c) => c.notNull().defaultTo(0))
    .addColumn('iterations', t.integer, (c) => c.notNull())
    .addColumn('seed', t.bigint, (c) => c.notNull())
    .addColumn('inputs', t.json, (c) => c.notNull())
    .addColumn('result', t.json)
    .addColumn('error', t.text)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .execute();
  await db.schema.createIndex('simulations_risk').on('simulations').columns(['risk_id', 'created_at']).execute();
  await db.schema.createIndex('simulations_kind').on('simulations').columns(['organisation_id', 'kind', 'created_at']).execute();
}
