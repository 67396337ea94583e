import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../../config.js';
import { BulwarkError } from '../../domain/errors.js';
import { describeProblem, type ImportProblem } from '../../domain/risk-csv.js';
import { dispatchDueEmails } from '../../services/mail/dispatch-emails.js';
import { mailProviderFor } from '../../services/mail/mail-provider.js';
import { exportRisks } from '../../services/risk-io/export-risks.js';
import { importRisks, type RegisterFile } from '../../services/risk-io/import-risks.js';
import { sendRiskReminders } from '../../services/risk-reminders/send-risk-reminders.js';
import { printJson, withSystemContext } from '../system-context.js';

/** The `risk` command group (FAIR's `risk simulate` lives there too), created when not there yet. */
function riskGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'risk') ?? program.command('risk').description('The risk register (see docs/risks.md)');
}

/** `bulwark risk import`, `risk export` and `risk remind`. */
export function registerRiskIo(program: Command): void {
  const risk = riskGroup(program);

  risk
    .command('import <file>')
    .description('Import risks from a CSV or JSON file (all or nothing; a row with a number updates that risk)')
    .addOption(new Option('--format <format>', 'csv or json (default: from the file name)').choices(['csv', 'json']))
    .option('--dry-run', 'check the file and say what would change; keep nothing')
    .option('--create-missing-assets', 'create assets the file names that do not exist yet')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { format?: 'csv' | 'json'; dryRun?: boolean; createMissingAssets?: boolean; json?: boolean }) => {
      const format = options.format ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
      const text = readFileSync(file, 'utf8');
      let input: RegisterFile;
      if (format === 'csv') input = { format, text };
      else {
        try {
          input = { format, body: JSON.parse(text) as unknown };
        } catch (error) {
          throw new BulwarkError('validation', `${file} is not JSON: ${(error as Error).message}`);
        }
      }
      const result = await withSystemContext((ctx) => importRisks(ctx, input, { dry_run: options.dryRun, create_missing_assets: options.createMissingAssets })).catch((error: unknown) => {
        const problems = error instanceof BulwarkError ? (error.extra.problems as ImportProblem[] | undefined) : undefined;
        if (!problems) throw error;
        for (const problem of problems) console.error(describeProblem(problem));
        throw new BulwarkError('validation', (error as BulwarkError).message);
      });
      if (options.json) return printJson(result);
      const lead = result.dry_run ? 'Dry run, nothing kept: would create' : 'Created';
      console.log(`${lead} ${result.created.length}, ${result.dry_run ? 'update' : 'updated'} ${result.updated.length}, unchanged ${result.unchanged.length}.`);
      for (const c of result.created) console.log(`  + ${c.number}  ${c.title}  (row ${c.row})`);
      for (const u of result.updated) console.log(`  ~ ${u.number}  ${u.fields.join(', ')}  (row ${u.row})`);
      if (result.assets_created.length) console.log(`Assets ${result.dry_run ? 'to create' : 'created'}: ${result.assets_created.join(', ')}`);
    });

  risk
    .command('export')
    .description('Export the whole register as CSV or JSON (to standard output, or a file)')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (options: { format: 'csv' | 'json'; output?: string }) => {
      const { body, rows } = await withSystemContext((ctx) => exportRisks(ctx, options.format));
      if (!options.output) return void process.stdout.write(body);
      writeFileSync(options.output, body);
      console.log(`Wrote ${rows} risk${rows === 1 ? '' : 's'} to ${options.output}.`);
    });

  risk
    .command('remind')
    .description('Run the risk reminders once now (for cron): expire acceptances, queue and send the due e-mails')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const provider = mailProviderFor(loadConfig());
      const { run, mail } = await withSystemContext(async (ctx) => {
        const done = await sendRiskReminders(ctx);
        const sent = await dispatchDueEmails(ctx, provider);
        await provider.close();
        return { run: done, mail: sent };
      });
      if (options.json) return printJson({ ...run, mail });
      console.log(`Acceptances expired: ${run.acceptances_expired.length ? run.acceptances_expired.join(', ') : 'none'}.`);
      console.log(`Reminders queued: ${run.reminded.length} (${run.already_reminded_today} owner${run.already_reminded_today === 1 ? '' : 's'} already reminded today).`);
      for (const s of run.skipped) console.log(`  skipped ${s.owner_id ?? '(no owner)'}: ${s.reason} (${s.items} item${s.items === 1 ? '' : 's'})`);
      console.log(`E-mails sent ${mail.delivered}, retrying later ${mail.retrying}, failed ${mail.failed}${mail.skipped ? `, left queued ${mail.skipped}: ${mail.reason}` : ''}.`);
    });
}
