import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportIncidentStix } from '../../services/stix/export-incident-stix.js';
import { importStix } from '../../services/stix/import-stix.js';
import { printJson, withSystemContext } from '../system-context.js';
import { readJsonFile } from './attack.js';

export function registerStix(program: Command): void {
  const stix = program.command('stix').description('Exchange observables and IOCs as STIX 2.1');
  stix
    .command('import')
    .description('Import a STIX bundle: indicators with equality patterns, cyber-observable objects, observed-data and sightings become observables')
    .argument('<file>', 'the STIX bundle')
    .option('--incident <id or number>', 'attach the observables to this incident (otherwise they become known organisation-wide)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { incident?: string; json?: boolean }) => {
      const bundle = await readJsonFile(file);
      const result = await withSystemContext((ctx) => importStix(ctx, bundle, { incident_id: options.incident }));
      if (options.json) return printJson(result);
      const iocs = result.observables.filter((o) => o.ioc).length;
      console.log(`Imported ${result.observables.length} observables (${iocs} IOCs) from ${result.objects} STIX objects${result.incident_id ? ` into ${options.incident}` : ''}.`);
      for (const skip of result.skipped) console.log(`  skipped ${skip.stix_id}: ${skip.reason}`);
    });
  stix
    .command('export')
    .description("Export an incident's observables and IOCs as a STIX 2.1 bundle")
    .argument('<incident>', 'incident id or number')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (incident: string, options: { output?: string }) => {
      const { bundle } = await withSystemContext((ctx) => exportIncidentStix(ctx, incident));
      if (!options.output) return printJson(bundle);
      await writeFile(options.output, `${JSON.stringify(bundle, null, 2)}\n`);
    });
}
