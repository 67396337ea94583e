import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { exportIncidentReport, INCIDENT_REPORT_KINDS, type IncidentReportKind } from '../../services/incident-reports/export-incident-report.js';
import { REPORT_FORMATS, type ReportFormat } from '../../services/review-report/export-review-report.js';
import { withSystemContext } from '../system-context.js';

/** The `incident` command group, created when not there yet. */
function incidentGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'incident') ?? program.command('incident').description('Incidents (see docs/reports.md)');
}

/** `bulwark incident report INCIDENT --kind executive --format pdf --out FILE`. */
export function registerIncidentReport(program: Command): void {
  incidentGroup(program)
    .command('report <incident>')
    .description('Write a management report, a GDPR Art. 33 notification draft or the executive one-page status (HTML, PDF or Markdown)')
    .addOption(new Option('--kind <kind>', 'management, gdpr-art33 or executive').choices([...INCIDENT_REPORT_KINDS]).default('management'))
    .addOption(new Option('--format <format>', 'html, pdf or md').choices([...REPORT_FORMATS]).default('html'))
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (incident: string, options: { kind: IncidentReportKind; format: ReportFormat; out?: string }) => {
      await withSystemContext(async (ctx) => {
        const report = await exportIncidentReport(ctx, incident, options.kind, options.format);
        const source = typeof report.body === 'string' ? Readable.from([report.body]) : report.body;
        if (!options.out) return pipeline(source, process.stdout, { end: false });
        await pipeline(source, createWriteStream(options.out));
        console.log(`Wrote the ${options.kind} report of ${incident.toUpperCase()} to ${options.out}.`);
      });
    });
}
