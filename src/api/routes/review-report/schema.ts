import { z } from 'zod';
import { REPORT_FORMATS } from '../../../services/review-report/export-review-report.js';

export const reportQuery = z.object({
  format: z.enum(REPORT_FORMATS).default('html').describe('html (one self-contained page), pdf or md (Markdown)'),
});
