/** The evidence API's shapes (docs/api.md, issue #7), as the web app reads them. */

export interface PersonRef {
  id: string;
  name: string;
}

export type EvidenceStatus = 'active' | 'released' | 'destroyed';
export type Verification = 'match' | 'mismatch' | 'missing';

export interface DisposalRequest {
  action: 'destroy' | 'release';
  reason: string;
  requested_by: PersonRef;
  requested_at: string;
}

export interface Evidence {
  id: string;
  number: string;
  incident_id: string;
  incident_number: string;
  kind: string;
  title: string;
  description: string;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  sha1: string | null;
  md5: string | null;
  serial_numbers: string[];
  physical_location: string;
  source: string;
  asset_id: string | null;
  collected_by: string;
  collected_at: string | null;
  acquisition_tool: string;
  acquisition_notes: string;
  tlp: string;
  tags: string[];
  observable_ids: string[];
  status: EvidenceStatus;
  holder: PersonRef | null;
  pending_holder: PersonRef | null;
  legal_hold: boolean;
  legal_hold_reason: string;
  retain_until: string | null;
  last_verified_at: string | null;
  last_verification: Verification | null;
  disposal_request: DisposalRequest | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

export interface CustodyEvent {
  id: string;
  seq: number;
  action: string;
  actor: PersonRef;
  from_user: PersonRef | null;
  to_user: PersonRef | null;
  occurred_at: string;
  recorded_at: string;
  location: string;
  purpose: string;
  details: Record<string, unknown>;
  /** Receipts: "<name> <user id> <signed at> sha256:<hex>". */
  signature: string | null;
  hash: string;
  prev_hash: string | null;
}

export interface CustodyLog {
  items: CustodyEvent[];
  chain: { intact: boolean; first_break: { seq: number; reason: string } | null };
}

export interface VerificationResult {
  evidence_id: string;
  status: Verification;
  expected_sha256: string;
  actual_sha256: string | null;
  checked_at: string;
}

export const EVIDENCE_KINDS: Array<{ value: string; label: string }> = [
  { value: 'disk_image', label: 'Disk image' },
  { value: 'memory_image', label: 'Memory image' },
  { value: 'log', label: 'Logs' },
  { value: 'email', label: 'E-mail' },
  { value: 'screenshot', label: 'Screenshot' },
  { value: 'malware_sample', label: 'Malware sample' },
  { value: 'document', label: 'Document' },
  { value: 'network_capture', label: 'Network capture' },
  { value: 'physical', label: 'Physical item' },
  { value: 'other', label: 'Other' },
];

export const kindLabel = (kind: string): string => EVIDENCE_KINDS.find((k) => k.value === kind)?.label ?? kind.replace(/_/g, ' ');

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export const CUSTODY_ACTION_LABELS: Record<string, string> = {
  collected: 'Collected',
  transferred: 'Handed over',
  received: 'Received and signed for',
  checked_out: 'Checked out',
  checked_in: 'Checked in',
  accessed: 'Viewed',
  downloaded: 'Downloaded',
  analysed: 'Analysed',
  copied: 'Copied',
  verified: 'Integrity verified',
  integrity_failed: 'Integrity check failed',
  hold_placed: 'Legal hold placed',
  hold_lifted: 'Legal hold lifted',
  disposal_requested: 'Disposal requested',
  disposal_rejected: 'Disposal rejected',
  returned: 'Returned',
  released: 'Released',
  destroyed: 'Destroyed',
};

export const custodyActionLabel = (action: string): string => CUSTODY_ACTION_LABELS[action] ?? action.replace(/_/g, ' ');

export const STATUS_LABELS: Record<EvidenceStatus, string> = { active: 'Active', released: 'Released', destroyed: 'Destroyed' };

/** What the receiving person accepts by signing (the server binds this exact text into the signature). */
export const RECEIPT_STATEMENT =
  'I have received this item of evidence as described in its record, and from this moment I am responsible for its custody: I will keep it secure, record every handling of it, and hand it on only through this chain of custody.';

/** Legal hold, disposal requests and their decisions: each a reasoned, recorded step. */
export type StewardshipStep = 'place_hold' | 'lift_hold' | 'destroy' | 'release' | 'approve' | 'reject';
