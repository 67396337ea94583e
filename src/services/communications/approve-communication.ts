import { AUDIENCE_LABELS, type Audience } from '../../domain/plan.js';
import { checkStep, type CommunicationStatus } from '../../domain/communication-workflow.js';
import { authorize } from '../policies/authorize.js';
import { requireApprover } from '../policies/communication-authority.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../transaction.js';
import { toCommunicationRecord, type CommunicationRecord } from './communication-record.js';
import { loadCommunicationForChange, recordCommunicationStep } from './load-communication.js';

/**
 * Approval for sending, by the incident commander, executive sponsor or communications lead (not the
 * drafter). Messages to outside audiences need the legal review first; internal ones may skip it.
 */
export async function approveCommunication(ctx: ServiceContext, id: string, expectedVersion?: number, comment?: string): Promise<CommunicationRecord> {
  authorize(ctx.actor, 'incident.read');
  return runInTransaction(ctx, async (uow) => {
    const { row, incident } = await loadCommunicationForChange(uow, id, expectedVersion);
    await requireApprover(uow.db, uow.actor, incident.id, row.created_by);
    checkStep('approve', row.status as CommunicationStatus, row.audience as Audience);
    const note = comment?.trim() || null;
    const saved = await recordCommunicationStep(uow, incident, row, { status: 'approved', approved_at: uow.now, approved_by: uow.actor.userId }, {
      action: 'approve',
      timeline: { kind: 'communication_approved', body: `Communication to ${AUDIENCE_LABELS[row.audience as Audience].toLowerCase()} approved for sending: ${row.subject}`, comment: note, details: { skipped_legal_review: row.status !== 'legal_reviewed' } },
      audit: { skipped_legal_review: row.status !== 'legal_reviewed', comment: note },
    });
    return toCommunicationRecord(uow.db, saved);
  });
}
