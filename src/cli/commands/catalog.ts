import type { Command } from 'commander';
import { importOscalCatalog } from '../../services/catalogs/import-catalog.js';
import { installStarterCatalog } from '../../services/catalogs/install-starter-catalog.js';
import type { CatalogImportSummary } from '../../services/catalogs/store-catalog.js';
import { printJson, withSystemContext } from '../system-context.js';
import { readJsonFile } from './attack.js';

function report(summary: CatalogImportSummary & { withdrawn?: number }): void {
  const { catalog } = summary;
  console.log(`${catalog.name}${catalog.catalog_version ? ` (version ${catalog.catalog_version})` : ''}: ${catalog.control_count} controls, catalog id ${catalog.id}.`);
  console.log(`${summary.created} new, ${summary.updated} updated, ${summary.unchanged} unchanged${summary.withdrawn ? `; ${summary.withdrawn} withdrawn controls left out` : ''}.`);
  if (summary.not_in_import) console.log(`${summary.not_in_import} controls of the earlier import are not in this one; they were kept as they are.`);
}

export function registerCatalog(program: Command): void {
  const catalog = program.command('catalog').description('Control catalogs for the risk register');
  catalog
    .command('import')
    .description('Import (or re-import) an OSCAL catalog in JSON, e.g. NIST_SP-800-53_rev5_catalog.json or NIST_CSF_v2.0_catalog.json from usnistgov/oscal-content')
    .argument('<file>', 'the OSCAL catalog (JSON)')
    .option('--json', 'print the import summary as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const document = await readJsonFile(file);
      const summary = await withSystemContext((ctx) => importOscalCatalog(ctx, document));
      if (options.json) return printJson(summary);
      report(summary);
    });
  catalog
    .command('starter')
    .description('Install the built-in NIST CSF 2.0 starter catalog (6 Functions, 22 Categories)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { json?: boolean }) => {
      const summary = await withSystemContext((ctx) => installStarterCatalog(ctx));
      if (options.json) return printJson(summary);
      report(summary);
    });
}
