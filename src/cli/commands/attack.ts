import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { BulwarkError, invalid } from '../../domain/errors.js';
import { importAttack } from '../../services/attack/import-attack.js';
import { printJson, withSystemContext } from '../system-context.js';

/** Reads a JSON file given on the command line, with errors a person can act on. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BulwarkError('not_found', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalid(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export function registerAttack(program: Command): void {
  const attack = program.command('attack').description('MITRE ATT&CK techniques for tagging incidents');
  attack
    .command('import')
    .description('Import (or re-import) the ATT&CK Enterprise STIX bundle, e.g. enterprise-attack.json from mitre/cti or attack-stix-data')
    .argument('<file>', 'the STIX 2.0 or 2.1 bundle')
    .option('--json', 'print the import summary as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const bundle = await readJsonFile(file);
      const summary = await withSystemContext((ctx) => importAttack(ctx, bundle, basename(file)));
      if (options.json) return printJson(summary);
      const release = summary.release ? `ATT&CK ${summary.release}` : `ATT&CK (STIX ${summary.spec_version})`;
      console.log(`Imported ${release} from ${summary.source}: ${summary.tactics} tactics, ${summary.techniques} techniques, ${summary.sub_techniques} sub-techniques.`);
      console.log(`${summary.deprecated} deprecated and ${summary.revoked} revoked techniques are kept for existing tags but hidden from the picker.`);
      if (summary.retired) console.log(`${summary.retired} techniques of the previous import are no longer listed; they were marked deprecated.`);
    });
}
