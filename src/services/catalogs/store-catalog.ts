import { newId } from '../../domain/ids.js';
import { catalogControlTexts, countCatalogControls, findCatalog, findCatalogByName, insertCatalog, insertControls, updateCatalog, updateControlText } from '../../store/repositories/catalogs.js';
import type { ControlRow } from '../../store/schema.js';
import type { UnitOfWork } from '../transaction.js';
import { toCatalogRecord, type CatalogRecord } from './catalog-record.js';

export interface CatalogIdentity {
  name: string;
  source: string;
  version: string | null;
  oscal_uuid: string | null;
}

/** A control as the catalog gives it (the organisation's implementation fields are its own). */
export interface CatalogControl {
  ref: string;
  title: string;
  description: string;
  family: string;
  parent_ref: string | null;
  position: number;
}

export interface CatalogImportSummary {
  catalog: CatalogRecord;
  /** Controls new in this import. */
  created: number;
  /** Controls whose title, description, family or place the import changed. */
  updated: number;
  unchanged: number;
  /** Controls of an earlier import that this one no longer lists: kept (risks may rely on them), untouched. */
  not_in_import: number;
}

/**
 * Writes a catalog and its controls in the caller's transaction. A catalog of the same name is
 * updated in place: each control (matched by ref) gets the catalog's new text, and keeps the
 * organisation's implementation status, owner, effectiveness, maturity, test dates and evidence.
 */
export async function storeCatalog(uow: UnitOfWork, identity: CatalogIdentity, controls: readonly CatalogControl[]): Promise<CatalogImportSummary> {
  const organisationId = uow.actor.organisationId;
  const existing = await findCatalogByName(uow.db, organisationId, identity.name);
  const catalogId = existing?.id ?? newId('controlCatalog');
  if (!existing) {
    await insertCatalog(uow.db, {
      id: catalogId,
      organisation_id: organisationId,
      name: identity.name,
      source: identity.source,
      catalog_version: identity.version,
      oscal_uuid: identity.oscal_uuid,
      control_count: 0,
      imported_at: uow.now,
      imported_by: uow.actor.userId,
    });
  }
  const stored = new Map((existing ? await catalogControlTexts(uow.db, catalogId) : []).map((c) => [c.ref, c]));
  const fresh: ControlRow[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const control of controls) {
    const before = stored.get(control.ref);
    if (!before) {
      fresh.push({
        id: newId('control'),
        organisation_id: organisationId,
        catalog_id: catalogId,
        ...control,
        implementation_status: 'not_implemented',
        owner_id: null,
        effectiveness: null,
        maturity: null,
        last_tested_at: null,
        next_test_at: null,
        evidence_notes: '',
        created_at: uow.now,
        created_by: uow.actor.userId,
        updated_at: uow.now,
        updated_by: uow.actor.userId,
        version: 1,
      });
      continue;
    }
    stored.delete(control.ref);
    const same = before.title === control.title && before.description === control.description && before.family === control.family && before.parent_ref === control.parent_ref && Number(before.position) === control.position;
    if (same) {
      unchanged += 1;
      continue;
    }
    updated += 1;
    await updateControlText(uow.db, before.id, { title: control.title, description: control.description, family: control.family, parent_ref: control.parent_ref, position: control.position, updated_at: uow.now, updated_by: uow.actor.userId, version: Number(before.version) + 1 });
  }
  await insertControls(uow.db, fresh);
  await updateCatalog(uow.db, catalogId, {
    source: identity.source,
    catalog_version: identity.version,
    oscal_uuid: identity.oscal_uuid,
    control_count: await countCatalogControls(uow.db, catalogId),
    imported_at: uow.now,
    imported_by: uow.actor.userId,
  });
  const catalog = toCatalogRecord((await findCatalog(uow.db, organisationId, catalogId))!);
  const summary = { catalog, created: fresh.length, updated, unchanged, not_in_import: stored.size };
  await uow.audit(existing ? 'control_catalog.reimported' : 'control_catalog.imported', { type: 'control_catalog', id: catalogId }, { name: identity.name, source: identity.source, version: identity.version, created: summary.created, updated, unchanged, not_in_import: stored.size });
  uow.emit({ type: 'control_catalog.imported', entity_id: catalogId, count: controls.length });
  return summary;
}
