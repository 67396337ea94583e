/**
 * The neutral document an evidence manifest or custody report is, like the review report's model
 * (src/services/review-report/report-document.ts) with what evidence needs on top: values printed in
 * a fixed-width font (hashes, so they can be read back character by character), table rows carrying
 * a full-width line of hashes beneath, and paragraphs that stand out when a chain is broken.
 */
export interface EvidenceFact {
  label: string;
  value: string;
  /** Hashes and ids: fixed-width, small. */
  mono?: boolean;
}

export interface EvidenceTableRow {
  cells: string[];
  /** Printed beneath the row across the whole table, fixed-width. */
  hashes?: EvidenceFact[];
  /** Free text beneath the hashes (details of an event). */
  note?: string;
}

export type EvidenceBlock =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'ok' | 'alert' }
  | { kind: 'facts'; items: EvidenceFact[] }
  | { kind: 'table'; columns: string[]; rows: EvidenceTableRow[] };

export interface EvidenceDocument {
  title: string;
  subtitle: string;
  subject: string;
  /** A4 landscape in the PDF (wide tables). */
  landscape?: boolean;
  blocks: EvidenceBlock[];
}

export const NONE = '-';

/** "2026-11-23 08:15:42 UTC": seconds count in a custody record. */
export const utc = (at: string | null | undefined): string => (at ? `${at.slice(0, 10)} ${at.slice(11, 19)} UTC` : NONE);

export const words = (key: string): string => key.replace(/_/g, ' ');

/** "1,234,567 bytes (1.2 MB)". */
export function formatSize(bytes: number | null): string {
  if (bytes === null) return NONE;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let scaled = bytes;
  let unit = '';
  for (const u of units) {
    if (scaled < 1000) break;
    scaled /= 1000;
    unit = u;
  }
  return `${bytes.toLocaleString('en')} bytes${unit ? ` (${scaled.toFixed(1)} ${unit})` : ''}`;
}
