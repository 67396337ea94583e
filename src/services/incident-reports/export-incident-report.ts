import type { Readable } from 'node:stream';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { REPORT_CONTENT_TYPES, type ReportFormat } from '../review-report/export-review-report.js';
import { renderHtml } from '../review-report/render-html.js';
import { renderMarkdown } from '../review-report/render-markdown.js';
import { renderPdf } from '../review-report/render-pdf.js';
import type { ReportDocument } from '../review-report/report-document.js';
import { runInTransaction } from '../transaction.js';
import { buildExecutiveStatus } from './executive-status.js';
import { buildGdprArt33Draft } from './gdpr-art33-draft.js';
import { loadIncidentReport, type IncidentReportData } from './load-incident-report.js';
import { buildManagementReport } from './management-report.js';
import { GAP_PATTERN } from './report-parts.js';

export const INCIDENT_REPORT_KINDS = ['management', 'gdpr-art33', 'executive'] as const;
export type IncidentReportKind = (typeof INCIDENT_REPORT_KINDS)[number];

const BUILDERS: Record<IncidentReportKind, (data: IncidentReportData) => ReportDocument> = {
  management: buildManagementReport,
  'gdpr-art33': buildGdprArt33Draft,
  executive: buildExecutiveStatus,
};

export interface IncidentReport {
  filename: string;
  content_type: string;
  /** Text for html and md; a readable stream for pdf. */
  body: string | Readable;
}

/** Gaps stand out in HTML: the marker text is already escaped, so wrapping it adds no markup of anyone else's. */
const markGaps = (html: string): string => html.replace(GAP_PATTERN, (gap) => `<mark>${gap}</mark>`);

/**
 * One of an incident's reports in one format. Reading a report of an incident is recorded in the
 * audit log (who took which report out of the system, and when), in the same transaction as the read.
 */
export async function exportIncidentReport(ctx: ServiceContext, incidentIdOrNumber: string, kind: IncidentReportKind, format: ReportFormat): Promise<IncidentReport> {
  authorize(ctx.actor, 'incident.read');
  const data = await runInTransaction(ctx, async (uow) => {
    const loaded = await loadIncidentReport(uow, incidentIdOrNumber);
    await uow.audit('incident_report.export', { type: 'incident', id: loaded.incident.id }, { number: loaded.incident.number, kind, format });
    return loaded;
  });
  const document = BUILDERS[kind](data);
  const body = format === 'pdf' ? renderPdf(document) : format === 'html' ? markGaps(renderHtml(document)) : renderMarkdown(document);
  return { filename: `${kind}-${data.incident.number}.${format}`, content_type: REPORT_CONTENT_TYPES[format], body };
}
