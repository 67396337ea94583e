/** The incident reports the API writes (docs/reports.md). */
export type ReportKind = 'management' | 'gdpr-art33' | 'executive';

export const REPORTS: Array<{ kind: ReportKind; title: string; description: string }> = [
  {
    kind: 'executive',
    title: 'Executive one-page status',
    description: 'One A4 page for the board: severity, phase, commander, elapsed time, what we know and do, decisions needed, the next deadline and the next update.',
  },
  {
    kind: 'management',
    title: 'Management report',
    description: 'Where the incident stands: response times, impact, timeline highlights, signed decisions, obligations, communications sent, third parties, open tasks and next steps.',
  },
  {
    kind: 'gdpr-art33',
    title: 'GDPR Art. 33 notification draft',
    description: 'A draft for the supervisory authority with everything Art. 33(3) asks for, the awareness time and the 72-hour deadline. Review it with the DPO; Bulwark does not send it.',
  },
];

export const REPORT_FORMATS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
] as const;

export function reportHref(incidentId: string, kind: ReportKind, format: string): string {
  return `/api/v1/incidents/${encodeURIComponent(incidentId)}/reports/${kind}?format=${encodeURIComponent(format)}`;
}
