import { CSF_STARTER, CSF_STARTER_CONTROLS } from '../../domain/csf-starter.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { storeCatalog, type CatalogImportSummary } from './store-catalog.js';

/** Installs the built-in NIST CSF 2.0 Functions and Categories catalog; installing it again changes nothing the organisation set. */
export async function installStarterCatalog(ctx: ServiceContext): Promise<CatalogImportSummary> {
  authorize(ctx.actor, 'risk.configure');
  return runInTransaction(ctx, (uow) =>
    storeCatalog(
      uow,
      { name: CSF_STARTER.name, source: CSF_STARTER.source, version: CSF_STARTER.version, oscal_uuid: null },
      CSF_STARTER_CONTROLS.map((c, position) => ({ ...c, position })),
    ),
  );
}
