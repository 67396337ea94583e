import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { exportOfflinePlan, PLAN_EXPORT_FORMATS, type PlanExportFormat } from '../../services/plan/export-offline-plan.js';
import { withSystemContext } from '../system-context.js';

/** `bulwark plan export [--format html|pdf] [--out FILE]`: the offline plan for when the network is down. */
export function registerPlan(program: Command): void {
  const plan = program.commands.find((c) => c.name() === 'plan') ?? program.command('plan').description('The response plan (see docs/response-plan.md)');
  plan
    .command('export')
    .description('Write the plan in force as one offline file (self-contained HTML or PDF) and print its SHA-256')
    .addOption(new Option('--format <format>', 'html or pdf').choices([...PLAN_EXPORT_FORMATS]).default('html'))
    .option('-o, --out <file>', 'where to write it (default: response-plan-v<version>-<date>.<format> here)')
    .action(async (options: { format: PlanExportFormat; out?: string }) => {
      await withSystemContext(async (ctx) => {
        const file = await exportOfflinePlan(ctx, options.format);
        const path = resolve(options.out ?? file.filename);
        writeFileSync(path, file.body);
        console.log(`${file.sha256}  ${path}`);
        console.log(`Response plan version ${file.plan_version}, exported ${file.exported_at}; content SHA-256 ${file.content_sha256}.`);
      });
    });
}
