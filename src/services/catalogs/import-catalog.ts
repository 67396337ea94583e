import { readOscalCatalog } from '../../domain/oscal-catalog.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { storeCatalog, type CatalogImportSummary } from './store-catalog.js';

export interface OscalImportSummary extends CatalogImportSummary {
  /** Controls the catalog marks withdrawn: not imported. */
  withdrawn: number;
}

/**
 * Imports an OSCAL catalog (its JSON, parsed) under its metadata title: all or nothing. A catalog
 * that is not OSCAL is refused (400, with the reason) before anything is written; withdrawn controls
 * are left out. Importing a catalog of the same title again updates it (see storeCatalog).
 */
export async function importOscalCatalog(ctx: ServiceContext, document: unknown): Promise<OscalImportSummary> {
  authorize(ctx.actor, 'risk.configure');
  const parsed = readOscalCatalog(document);
  const active = parsed.controls.filter((c) => !c.withdrawn);
  const summary = await runInTransaction(ctx, (uow) =>
    storeCatalog(
      uow,
      { name: parsed.title, source: 'oscal', version: parsed.version, oscal_uuid: parsed.uuid },
      active.map((c, position) => ({ ref: c.ref, title: c.title, description: c.description, family: c.family, parent_ref: c.parent_ref, position })),
    ),
  );
  return { ...summary, withdrawn: parsed.controls.length - active.length };
}
