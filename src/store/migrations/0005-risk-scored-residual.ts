import { sql, type Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

/**
 * The residual (likelihood, impact) a risk is scored at, whether set by hand (residual_likelihood /
 * residual_impact) or derived from its controls, so the residual heat map and its cells are read
 * with one indexed query instead of re-deriving every risk; and indexes for the heat maps and the
 * register's sort orders; full-text search over number, title and description.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema.alterTable('risks').addColumn('scored_residual_likelihood', t.text).execute();
  await db.schema.alterTable('risks').addColumn('scored_residual_impact', t.text).execute();
  await db
    .updateTable('risks')
    .set({
      scored_residual_likelihood: sql`coalesce(residual_likelihood, inherent_likelihood)`,
      scored_residual_impact: sql`coalesce(residual_impact, inherent_impact)`,
    })
    .execute();
  // The heat maps count from these alone (status included, closed risks are left out).
  await db.schema.createIndex('risks_inherent_cell').on('risks').columns(['organisation_id', 'inherent_likelihood', 'inherent_impact', 'status']).execute();
  await db.schema.createIndex('risks_residual_cell').on('risks').columns(['organisation_id', 'scored_residual_likelihood', 'scored_residual_impact', 'status']).execute();
  // Register orders: level by level (then id), by annual loss, by last change.
  await db.schema.createIndex('risks_residual_level').on('risks').columns(['organisation_id', 'residual_level', 'id']).execute();
  await db.schema.createIndex('risks_annual_loss').on('risks').columns(['organisation_id', 'annual_loss_mean', 'id']).execute();
  await db.schema.createIndex('risks_updated').on('risks').columns(['organisation_id', 'updated_at', 'id']).execute();

  // Full-text search over number, title and description, as for incidents.
  if (engine === 'postgres') {
    await db.schema
      .alterTable('risks')
      .addColumn('search_vector', sql`tsvector`, (c) => c.generatedAlwaysAs(sql`to_tsvector('simple', number || ' ' || title || ' ' || description)`).stored())
      .execute();
    await sql`CREATE INDEX risks_search ON risks USING gin (search_vector)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE risks_fts USING fts5(number, title, description, content='risks', content_rowid='rowid')`.execute(db);
    await sql`INSERT INTO risks_fts(risks_fts) VALUES ('rebuild')`.execute(db);
    await sql`CREATE TRIGGER risks_fts_insert AFTER INSERT ON risks BEGIN
      INSERT INTO risks_fts(rowid, number, title, description) VALUES (new.rowid, new.number, new.title, new.description);
    END`.execute(db);
    await sql`CREATE TRIGGER risks_fts_delete AFTER DELETE ON risks BEGIN
      INSERT INTO risks_fts(risks_fts, rowid, number, title, description) VALUES ('delete', old.rowid, old.number, old.title, old.description);
    END`.execute(db);
    await sql`CREATE TRIGGER risks_fts_update AFTER UPDATE OF number, title, description ON risks BEGIN
      INSERT INTO risks_fts(risks_fts, rowid, number, title, description) VALUES ('delete', old.rowid, old.number, old.title, old.description);
      INSERT INTO risks_fts(rowid, number, title, description) VALUES (new.rowid, new.number, new.title, new.description);
    END`.execute(db);
  }
}
