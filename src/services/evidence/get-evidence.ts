import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { loadVisibleEvidence } from './load-evidence.js';
import { toEvidenceRecord, type EvidenceRecord } from './evidence-record.js';

/** One item; 404 when it does not exist or its incident is restricted and the actor not a member. */
export async function getEvidence(ctx: ServiceContext, id: string): Promise<EvidenceRecord> {
  authorize(ctx.actor, 'evidence.read');
  const { item } = await loadVisibleEvidence(ctx.database.db, ctx.actor, id);
  return toEvidenceRecord(ctx.database.db, item);
}
