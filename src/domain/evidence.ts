/**
 * Evidence and its chain of custody: what an item is, what can happen to it, and who may make it happen.
 */
export const EVIDENCE_KINDS = ['disk_image', 'memory_image', 'log', 'email', 'screenshot', 'malware_sample', 'document', 'network_capture', 'physical', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  disk_image: 'Disk image',
  memory_image: 'Memory image',
  log: 'Logs',
  email: 'E-mail',
  screenshot: 'Screenshot',
  malware_sample: 'Malware sample',
  document: 'Document',
  network_capture: 'Network capture',
  physical: 'Physical item',
  other: 'Other',
};

/** active: held and usable; released: returned to its owner; destroyed: gone, with the record kept. */
export const EVIDENCE_STATUSES = ['active', 'released', 'destroyed'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/**
 * Custody actions. `transferred` starts a hand-over to `to_user_id`; `received` is the receiving
 * person signing for it, after which they hold it. `accessed`/`downloaded` are written automatically.
 */
export const CUSTODY_ACTIONS = [
  'collected',
  'transferred',
  'received',
  'checked_out',
  'checked_in',
  'accessed',
  'downloaded',
  'analysed',
  'copied',
  'verified',
  'integrity_failed',
  'hold_placed',
  'hold_lifted',
  'disposal_requested',
  'disposal_rejected',
  'returned',
  'released',
  'destroyed',
] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** What one custody event says, as hashed into the item's chain. */
export interface CustodyEventContent {
  id: string;
  evidence_id: string;
  seq: number;
  action: CustodyAction;
  actor_id: string;
  from_user_id: string | null;
  to_user_id: string | null;
  occurred_at: string;
  recorded_at: string;
  location: string;
  purpose: string;
  details: Record<string, unknown>;
  signature: string | null;
}

export const MAX_FILE_NAME_LENGTH = 255;

/**
 * Problems with an uploaded file's name, or [] when it can be kept as given. The name is metadata
 * only (files are stored by hash), but it is shown to people and used on download.
 */
export function fileNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.trim().length === 0) problems.push('must not be empty');
  if (name.length > MAX_FILE_NAME_LENGTH) problems.push(`must be at most ${MAX_FILE_NAME_LENGTH} characters (got ${name.length})`);
  if (/[/\\]/.test(name)) problems.push('must not contain path separators (/ or \\)');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) problems.push('must not contain control characters');
  if (name === '.' || name === '..') problems.push('must be a file name, not . or ..');
  return problems;
}
