import { z } from 'zod';
import { INCIDENT_REPORT_KINDS } from '../../../services/incident-reports/export-incident-report.js';
import { REPORT_FORMATS } from '../../../services/review-report/export-review-report.js';

export const reportParams = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(INCIDENT_REPORT_KINDS).describe('management, gdpr-art33 (draft notification to the supervisory authority) or executive (one page)'),
});

export const reportQuery = z.object({
  format: z.enum(REPORT_FORMATS).default('html').describe('html (one self-contained page), pdf or md (Markdown)'),
});
