import type { Readable } from 'node:stream';
import type { ServiceContext } from '../context.js';
import { loadReviewReport } from './load-review-report.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';
import { buildReportDocument } from './report-document.js';

export const REPORT_FORMATS = ['html', 'pdf', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
};

export interface ReviewReport {
  filename: string;
  content_type: string;
  /** Text for html and md; a readable stream for pdf. */
  body: string | Readable;
}

/** An incident's review as a report for management: self-contained HTML, Markdown or PDF. */
export async function exportReviewReport(ctx: ServiceContext, incidentIdOrNumber: string, format: ReportFormat): Promise<ReviewReport> {
  const data = await loadReviewReport(ctx, incidentIdOrNumber);
  const document = buildReportDocument(data);
  const body = format === 'pdf' ? renderPdf(document) : format === 'html' ? renderHtml(document) : renderMarkdown(document);
  return { filename: `review-${data.incident.number}.${format}`, content_type: REPORT_CONTENT_TYPES[format], body };
}
