import type { Db } from '../database.js';
import type { ControlCatalogRow, ControlRow } from '../schema.js';

export async function listCatalogs(db: Db, organisationId: string): Promise<ControlCatalogRow[]> {
  return db.selectFrom('control_catalogs').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export async function findCatalog(db: Db, organisationId: string, id: string): Promise<ControlCatalogRow | undefined> {
  return db.selectFrom('control_catalogs').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function findCatalogByName(db: Db, organisationId: string, name: string): Promise<ControlCatalogRow | undefined> {
  return db.selectFrom('control_catalogs').selectAll().where('organisation_id', '=', organisationId).where('name', '=', name).executeTakeFirst();
}

export async function insertCatalog(db: Db, row: ControlCatalogRow): Promise<void> {
  await db.insertInto('control_catalogs').values(row).execute();
}

export async function updateCatalog(db: Db, id: string, changes: Partial<Omit<ControlCatalogRow, 'id' | 'organisation_id'>>): Promise<void> {
  await db.updateTable('control_catalogs').set(changes).where('id', '=', id).execute();
}

/** The catalog-given text of a catalog's controls, to compare a re-import against. */
export type CatalogControlText = Pick<ControlRow, 'id' | 'ref' | 'title' | 'description' | 'family' | 'parent_ref' | 'position' | 'version'>;

export async function catalogControlTexts(db: Db, catalogId: string): Promise<CatalogControlText[]> {
  return db.selectFrom('controls').select(['id', 'ref', 'title', 'description', 'family', 'parent_ref', 'position', 'version']).where('catalog_id', '=', catalogId).execute();
}

/** Many controls in a few statements (SQLite allows 32,766 bound values per statement). */
export async function insertControls(db: Db, rows: ControlRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('controls').values(rows.slice(i, i + 500)).execute();
}

/** A re-import's new text for one control; the organisation's implementation fields stay. */
export async function updateControlText(db: Db, id: string, changes: Pick<ControlRow, 'title' | 'description' | 'family' | 'parent_ref' | 'position' | 'updated_at' | 'updated_by' | 'version'>): Promise<void> {
  await db.updateTable('controls').set(changes).where('id', '=', id).execute();
}

export async function countCatalogControls(db: Db, catalogId: string): Promise<number> {
  const row = await db.selectFrom('controls').select((eb) => eb.fn.countAll<number>().as('n')).where('catalog_id', '=', catalogId).executeTakeFirstOrThrow();
  return Number(row.n);
}
