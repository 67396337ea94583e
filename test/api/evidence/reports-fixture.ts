import { createHash } from 'node:crypto';
import type { CustodyAction } from '../../../src/domain/evidence.js';
import { newId } from '../../../src/domain/ids.js';
import { writeJson } from '../../../src/store/dialect.js';
import { appendCustodyEvent } from '../../../src/store/repositories/custody-events.js';
import { insertEvidenceItem } from '../../../src/store/repositories/evidence-items.js';
import type { EvidenceItemRow } from '../../../src/store/schema.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * Items and custody events written straight through the repositories, so the report tests do not
 * depend on the upload and custody endpoints (tested on their own).
 */
let serial = 0;

export interface SeededItem {
  id: string;
  number: string;
  sha256: string | null;
  sha1: string | null;
  md5: string | null;
}

const digest = (algorithm: string, content: string) => createHash(algorithm).update(content).digest('hex');

export async function seedItem(t: TestApp, incidentId: string, fields: Partial<EvidenceItemRow> & { content?: string } = {}): Promise<SeededItem> {
  const db = t.runtime.deps.database.db;
  const { content, ...row } = fields;
  const now = new Date().toISOString();
  serial += 1;
  let hashes: Pick<SeededItem, 'sha256' | 'sha1' | 'md5'> = { sha256: null, sha1: null, md5: null };
  if (content !== undefined) {
    hashes = { sha256: digest('sha256', content), sha1: digest('sha1', content), md5: digest('md5', content) };
    const known = await db.selectFrom('evidence_blobs').select('sha256').where('sha256', '=', hashes.sha256!).executeTakeFirst();
    if (!known) await db.insertInto('evidence_blobs').values({ sha256: hashes.sha256!, sha1: hashes.sha1!, md5: hashes.md5!, size_bytes: Buffer.byteLength(content), stored_at: now, removed_at: null }).execute();
  }
  const item: EvidenceItemRow = {
    id: newId('evidence'),
    organisation_id: t.runtime.organisationId,
    incident_id: incidentId,
    number: `EVD-2026-${String(9000 + serial).padStart(4, '0')}${Math.random().toString(36).slice(2, 6)}`,
    kind: content === undefined ? 'physical' : 'disk_image',
    title: `Item ${serial}`,
    description: '',
    blob_sha256: hashes.sha256,
    file_name: content === undefined ? null : `item-${serial}.E01`,
    media_type: content === undefined ? null : 'application/octet-stream',
    size_bytes: content === undefined ? null : Buffer.byteLength(content),
    serial_numbers: writeJson([]),
    physical_location: '',
    source: '',
    asset_id: null,
    collected_by: 'Ada Admin, Example Corp CSIRT',
    collected_at: '2026-03-02T08:15:42.000Z',
    acquisition_tool: '',
    acquisition_notes: '',
    tlp: 'amber',
    tags: writeJson([]),
    observable_ids: writeJson([]),
    status: 'active',
    holder_id: t.admin.id,
    pending_holder_id: null,
    legal_hold: false,
    legal_hold_reason: '',
    retain_until: null,
    last_verified_at: null,
    last_verification: null,
    created_at: now,
    created_by: t.admin.id,
    updated_at: now,
    updated_by: t.admin.id,
    version: 1,
    ...row,
  };
  await insertEvidenceItem(db, item);
  return { id: item.id, number: item.number, ...hashes };
}

export interface EventSeed {
  action: CustodyAction;
  actor_id?: string;
  from_user_id?: string | null;
  to_user_id?: string | null;
  occurred_at?: string;
  location?: string;
  purpose?: string;
  details?: Record<string, unknown>;
  signature?: string | null;
}

export async function seedCustody(t: TestApp, itemId: string, events: EventSeed[]): Promise<Array<{ seq: number; hash: string; prev_hash: string }>> {
  const out: Array<{ seq: number; hash: string; prev_hash: string }> = [];
  for (const e of events) {
    const row = await appendCustodyEvent(t.runtime.deps.database.db, {
      organisation_id: t.runtime.organisationId,
      evidence_id: itemId,
      action: e.action,
      actor_id: e.actor_id ?? t.admin.id,
      from_user_id: e.from_user_id ?? null,
      to_user_id: e.to_user_id ?? null,
      occurred_at: e.occurred_at ?? new Date().toISOString(),
      recorded_at: new Date().toISOString(),
      location: e.location ?? '',
      purpose: e.purpose ?? '',
      details: e.details ?? {},
      signature: e.signature ?? null,
    });
    out.push({ seq: row.seq, hash: row.hash, prev_hash: row.prev_hash });
  }
  return out;
}
