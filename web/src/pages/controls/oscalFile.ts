// No relative imports here: the unit tests load this file under Node's module rules.

/** The server's limit for POST /api/v1/control-catalogs/import (src/api/routes/control-catalogs/schema.ts). */
export const OSCAL_CATALOG_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Refuses, before sending, a file that cannot be an OSCAL catalog in JSON: not .json, empty or too
 * large. Whether it really is a catalog is the server's answer (400 saying why).
 */
export function oscalFileProblem(file: { name: string; size: number }): string | null {
  if (!/\.json$/i.test(file.name)) return `${file.name} is not a .json file. Choose an OSCAL catalog in JSON, such as NIST_SP-800-53_rev5_catalog.json.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > OSCAL_CATALOG_MAX_BYTES) {
    return `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; Bulwark accepts catalogs up to ${OSCAL_CATALOG_MAX_BYTES / 1024 / 1024} MB.`;
  }
  return null;
}

export interface ImportSummary {
  catalog: { id: string; name: string; catalog_version: string | null; control_count: number };
  created?: number;
  updated?: number;
  unchanged?: number;
  not_in_import?: number;
}

/**
 * What an import answered, in one sentence: "Imported NIST SP 800-53 Rev 5 (5.1.1): 1,196 controls."
 * A re-import of the same catalog also says what changed.
 */
export function importedSentence(answer: ImportSummary | ImportSummary['catalog']): string {
  const catalog = 'catalog' in answer ? answer.catalog : answer;
  const summary = 'catalog' in answer ? answer : null;
  const version = catalog.catalog_version ? ` (${catalog.catalog_version})` : '';
  const count = catalog.control_count === 1 ? '1 control' : `${catalog.control_count.toLocaleString('en-GB')} controls`;
  const again = summary && (summary.updated || summary.unchanged) ? `; ${summary.created ?? 0} new, ${summary.updated ?? 0} updated, ${summary.unchanged ?? 0} unchanged` : '';
  const kept = summary?.not_in_import ? `; ${summary.not_in_import} from the earlier import no longer listed, kept` : '';
  return `Imported ${catalog.name}${version}: ${count}${again}${kept}.`;
}
