// Relative imports here are types only, with .js: the unit tests load this file under Node's module rules.
import type { ProblemBody } from '../../../api/problem.js';
import type { CustodyLog, Evidence } from './types.js';

/** Pure helpers for the evidence screens: sizes, rates, hashes, the upload form, badges. */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** "1.5 GB" (decimal units, as browsers and disks count); exact bytes are shown beside it where it matters. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  if (unit === 0) return `${bytes} B`;
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${UNITS[unit]}`;
}

/** "12.3 MB/s"; "—" before a rate can be known. */
export function formatRate(bytesPerSecond: number | null): string {
  if (bytesPerSecond === null || !Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return '—';
  return `${(bytesPerSecond / 1_000_000).toFixed(1)} MB/s`;
}

export interface UploadProgress {
  percent: number;
  /** Bytes a second since the upload started; null in its first instant. */
  rate: number | null;
}

/** Progress of one upload from the bytes sent so far and the time it started (ms). */
export function uploadProgress(loaded: number, total: number, startedAt: number, now: number): UploadProgress {
  const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
  const seconds = (now - startedAt) / 1000;
  return { percent, rate: seconds > 0.05 ? loaded / seconds : null };
}

/** "3 f2a9c1d0…7b1e": enough to recognise, the whole one a copy away. */
export function shortHash(hex: string | null | undefined): string {
  if (!hex) return '—';
  return hex.length <= 16 ? hex : `${hex.slice(0, 10)}…${hex.slice(-4)}`;
}

/** Tags, serial numbers, ids: typed comma- or line-separated, kept once each, in order. */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,\n]/)) {
    const value = part.trim();
    if (value) seen.add(value);
  }
  return [...seen];
}

export interface UploadMetadata {
  kind: string;
  title: string;
  description: string;
  source: string;
  collected_by: string;
  /** ISO instant, or null for "now" on the server. */
  collected_at: string | null;
  acquisition_tool: string;
  acquisition_notes: string;
  tlp: string;
  tags: string[];
}

/**
 * The multipart fields for one upload, in the order they must go: every metadata field first (the
 * server reads them before the file streams past), the title defaulting to the file's name.
 */
export function metadataFields(metadata: UploadMetadata, fileName: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ['kind', metadata.kind],
    ['title', metadata.title.trim() || fileName],
  ];
  const optional: Array<[string, string | null]> = [
    ['description', metadata.description.trim()],
    ['source', metadata.source.trim()],
    ['collected_by', metadata.collected_by.trim()],
    ['collected_at', metadata.collected_at],
    ['acquisition_tool', metadata.acquisition_tool.trim()],
    ['acquisition_notes', metadata.acquisition_notes.trim()],
    ['tlp', metadata.tlp],
  ];
  for (const [name, value] of optional) if (value) fields.push([name, value]);
  for (const tag of metadata.tags) fields.push(['tags', tag]);
  return fields;
}

/** The request body: metadata, then the File itself (the browser streams it from disk; never read here). */
export function evidenceFormData(metadata: UploadMetadata, file: File): FormData {
  const form = new FormData();
  for (const [name, value] of metadataFields(metadata, file.name)) form.append(name, value);
  form.append('file', file, file.name);
  return form;
}

/** Problems the browser can see before sending a file (the server checks again). */
export function fileProblems(file: { name: string; size: number }, maxBytes: number | null): string[] {
  const problems: string[] = [];
  if (/[/\\]/.test(file.name)) problems.push('The file name contains a path separator (/ or \\).');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(file.name)) problems.push('The file name contains control characters.');
  if (file.name.length > 255) problems.push(`The file name is ${file.name.length} characters long; at most 255 are kept.`);
  if (maxBytes !== null && file.size > maxBytes) problems.push(`The file is ${formatBytes(file.size)}; this server accepts at most ${formatBytes(maxBytes)}.`);
  return problems;
}

export interface Badge {
  label: string;
  color: string;
  symbol: string;
}

/** The integrity badge: never colour alone, always a symbol and words. */
export function integrityBadge(item: Pick<Evidence, 'sha256' | 'last_verification'>): Badge | null {
  if (!item.sha256) return null;
  switch (item.last_verification) {
    case 'match':
      return { label: 'Verified', color: 'teal', symbol: '✓' };
    case 'mismatch':
      return { label: 'Integrity failed', color: 'red', symbol: '✗' };
    case 'missing':
      return { label: 'File missing', color: 'red', symbol: '✗' };
    default:
      return { label: 'Not verified yet', color: 'gray', symbol: '…' };
  }
}

/** "Chain intact" or "Chain broken at event 4". */
export function chainLabel(chain: CustodyLog['chain']): { label: string; intact: boolean } {
  if (chain.intact) return { label: 'Chain intact', intact: true };
  return { label: chain.first_break ? `Chain broken at event ${chain.first_break.seq}` : 'Chain broken', intact: false };
}

/** The file's download link; `inline` opens it in the browser (never offered for malware). */
export function downloadHref(item: Pick<Evidence, 'id'>, inline = false): string {
  return `/api/v1/evidence/${encodeURIComponent(item.id)}/download${inline ? '?disposition=inline' : ''}`;
}

export const EXPORT_FORMATS = [
  { format: 'html', label: 'HTML' },
  { format: 'pdf', label: 'PDF' },
  { format: 'csv', label: 'CSV' },
] as const;

export function exportHref(incidentId: string, report: 'manifest' | 'custody-report', format: string): string {
  return `/api/v1/incidents/${encodeURIComponent(incidentId)}/evidence/${report}?format=${format}`;
}

/** The signer and digest of a stored receipt signature ("<name> <user id> <signed at> sha256:<hex>"). */
export function readSignature(signature: string | null): { name: string; signedAt: string; digest: string } | null {
  if (!signature) return null;
  const match = /^(.+) (\S+) (\S+) sha256:([0-9a-f]{64})$/.exec(signature);
  return match ? { name: match[1]!, signedAt: match[3]!, digest: match[4]! } : null;
}

/** The server's problem, or one in words when a proxy or a dropped connection left none. */
export function uploadProblem(status: number, text: string, file: { size: number }): ProblemBody {
  let parsed: Partial<ProblemBody> | null = null;
  try {
    parsed = text ? (JSON.parse(text) as Partial<ProblemBody>) : null;
  } catch {
    parsed = null;
  }
  if (parsed && typeof parsed.title === 'string') return { ...parsed, title: parsed.title, detail: parsed.detail ?? parsed.title, status };
  if (status === 0) return { title: 'Upload interrupted', status, detail: 'The connection dropped before the server answered. Nothing was kept; upload the file again.' };
  if (status === 413) return { title: 'File too large', status, detail: `The file (${formatBytes(file.size)}) is over this server's upload limit.` };
  return { title: 'Upload failed', status, detail: `The server answered ${status}.` };
}
