import { z } from 'zod';
import { EVIDENCE_REPORT_FORMATS } from '../../../services/evidence-reports/export-evidence-report.js';

export const evidenceReportParams = z.object({
  id: z.string().min(1).max(100).describe('The incident id or number (INC-2026-0001)'),
});

export const evidenceReportQuery = z.object({
  format: z.enum(EVIDENCE_REPORT_FORMATS).default('html').describe('html (one self-contained page), pdf or csv (one row per item / per custody event)'),
});
