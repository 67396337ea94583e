import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { EVIDENCE_REPORT_FORMATS, exportEvidenceReport, type EvidenceReportFormat, type EvidenceReportKind } from '../../services/evidence-reports/export-evidence-report.js';
import { withSystemContext } from '../system-context.js';

/** The `evidence` command group, created when not there yet. */
function evidenceGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'evidence') ?? program.command('evidence').description('Evidence and chain of custody (see docs/evidence.md)');
}

const TITLES: Record<EvidenceReportKind, string> = { manifest: 'evidence manifest', 'custody-report': 'chain of custody report' };

function exportCommand(group: Command, kind: EvidenceReportKind, description: string): void {
  group
    .command(`${kind} <incident>`)
    .description(description)
    .addOption(new Option('--format <format>', 'html, pdf or csv').choices([...EVIDENCE_REPORT_FORMATS]).default('html'))
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (incident: string, options: { format: EvidenceReportFormat; out?: string }) => {
      await withSystemContext(async (ctx) => {
        const report = await exportEvidenceReport(ctx, incident, kind, options.format);
        const source = typeof report.body === 'string' ? Readable.from([report.body]) : report.body;
        if (!options.out) return pipeline(source, process.stdout, { end: false });
        await pipeline(source, createWriteStream(options.out));
        console.log(`Wrote the ${TITLES[kind]} of ${report.incident_number} to ${options.out} (SHA-256 of its CSV form: ${report.sha256}).`);
      });
    });
}

/** `bulwark evidence manifest INCIDENT` and `bulwark evidence custody-report INCIDENT`, `--format html|pdf|csv --out FILE`. */
export function registerEvidenceReport(program: Command): void {
  const group = evidenceGroup(program);
  exportCommand(group, 'manifest', 'Write the evidence manifest of an incident: every item with its hashes and metadata (HTML, PDF or CSV)');
  exportCommand(group, 'custody-report', "Write the chain of custody report of an incident: every item's custody events with their hashes, and whether each chain verifies (HTML, PDF or CSV)");
}
