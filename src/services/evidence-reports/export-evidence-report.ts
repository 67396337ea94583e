import type { Readable } from 'node:stream';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { buildCustodyReportDocument } from './custody-report-document.js';
import { custodyCsv, manifestCsv, sha256Hex } from './evidence-csv.js';
import { loadEvidenceReport } from './load-evidence-report.js';
import { buildManifestDocument } from './manifest-document.js';
import { renderEvidenceHtml } from './render-html.js';
import { renderEvidencePdf } from './render-pdf.js';

export const EVIDENCE_REPORT_FORMATS = ['html', 'pdf', 'csv'] as const;
export type EvidenceReportFormat = (typeof EVIDENCE_REPORT_FORMATS)[number];
export const EVIDENCE_REPORT_KINDS = ['manifest', 'custody-report'] as const;
export type EvidenceReportKind = (typeof EVIDENCE_REPORT_KINDS)[number];

const CONTENT_TYPES: Record<EvidenceReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

const FILE_PREFIX: Record<EvidenceReportKind, string> = { manifest: 'evidence-manifest', 'custody-report': 'custody-report' };

export interface EvidenceReport {
  incident_number: string;
  filename: string;
  content_type: string;
  /** SHA-256 of the report's CSV form, printed at the end of the HTML and PDF (see docs/evidence.md). */
  sha256: string;
  /** Text for html and csv; a readable stream for pdf. */
  body: string | Readable;
}

/**
 * The evidence manifest or the chain of custody report of an incident, for counsel or law
 * enforcement. Each export is recorded in the audit log (who took which report out, when, and its
 * digest), in the same transaction as the read, so what the log says was handed out is what was read.
 */
export async function exportEvidenceReport(ctx: ServiceContext, incidentIdOrNumber: string, kind: EvidenceReportKind, format: EvidenceReportFormat): Promise<EvidenceReport> {
  authorize(ctx.actor, 'evidence.read');
  const { data, csv, sha256 } = await runInTransaction(ctx, async (uow) => {
    const loaded = await loadEvidenceReport(uow, incidentIdOrNumber);
    const text = kind === 'manifest' ? manifestCsv(loaded) : custodyCsv(loaded);
    const digest = sha256Hex(text);
    await uow.audit(kind === 'manifest' ? 'evidence.manifest_export' : 'evidence.custody_report_export', { type: 'incident', id: loaded.incident.id }, { number: loaded.incident.number, format, items: loaded.items.length, sha256: digest });
    return { data: loaded, csv: text, sha256: digest };
  });
  const filename = `${FILE_PREFIX[kind]}-${data.incident.number}.${format}`;
  const incident_number = data.incident.number;
  if (format === 'csv') return { incident_number, filename, content_type: CONTENT_TYPES.csv, sha256, body: csv };
  const document = kind === 'manifest' ? buildManifestDocument(data, sha256) : buildCustodyReportDocument(data, sha256);
  return { incident_number, filename, content_type: CONTENT_TYPES[format], sha256, body: format === 'pdf' ? renderEvidencePdf(document) : renderEvidenceHtml(document) };
}
