import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { exportReviewReport, REPORT_FORMATS, type ReportFormat } from '../../services/review-report/export-review-report.js';
import { withSystemContext } from '../system-context.js';

/** The `review` command group, created when not there yet. */
function reviewGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'review') ?? program.command('review').description('Post-incident reviews (see docs/reviews.md)');
}

/** `bulwark review export INCIDENT --format pdf -o FILE`. */
export function registerReview(program: Command): void {
  reviewGroup(program)
    .command('export <incident>')
    .description("Export an incident's review as a report for management (HTML, PDF or Markdown)")
    .addOption(new Option('--format <format>', 'html, pdf or md').choices([...REPORT_FORMATS]).default('html'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (incident: string, options: { format: ReportFormat; output?: string }) => {
      await withSystemContext(async (ctx) => {
        const report = await exportReviewReport(ctx, incident, options.format);
        const source = typeof report.body === 'string' ? Readable.from([report.body]) : report.body;
        if (!options.output) return pipeline(source, process.stdout, { end: false });
        await pipeline(source, createWriteStream(options.output));
        console.log(`Wrote the review of ${incident.toUpperCase()} to ${options.output}.`);
      });
    });
}
