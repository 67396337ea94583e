import type { ControlCatalogRow } from '../../store/schema.js';

export interface CatalogRecord {
  id: string;
  name: string;
  /** `oscal` for an imported OSCAL catalog, `builtin:…` for a catalog Bulwark ships. */
  source: string;
  catalog_version: string | null;
  oscal_uuid: string | null;
  control_count: number;
  imported_at: string;
  imported_by: string;
}

export function toCatalogRecord(row: ControlCatalogRow): CatalogRecord {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    catalog_version: row.catalog_version,
    oscal_uuid: row.oscal_uuid,
    control_count: Number(row.control_count),
    imported_at: row.imported_at,
    imported_by: row.imported_by,
  };
}
