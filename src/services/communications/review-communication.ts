import { AUDIENCE_LABELS, type Audience } from '../../domain/plan.js';
import { checkStep, type CommunicationStatus } from '../../domain/communication-workflow.js';
import { invalid } from '../../domain/errors.js';
import { authorize } from '../policies/authorize.js';
import { requireLegalReviewer } from '../policies/communication-authority.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../transaction.js';
import { toCommunicationRecord, type CommunicationRecord } from './communication-record.js';
import { loadCommunicationForChange, recordCommunicationStep } from './load-communication.js';

export interface ReviewDecision {
  decision: 'approve' | 'return';
  comment?: string | undefined;
}

/**
 * Legal review, by the holder of the Legal role on the incident: `approve` clears it for approval;
 * `return` sends it back to draft with a comment saying what to change (required then).
 */
export async function reviewCommunication(ctx: ServiceContext, id: string, input: ReviewDecision, expectedVersion?: number): Promise<CommunicationRecord> {
  authorize(ctx.actor, 'incident.read');
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && !comment) throw invalid('Say what to change when sending a communication back.', [{ path: 'comment', message: 'required when returning it to draft' }]);
  return runInTransaction(ctx, async (uow) => {
    const { row, incident } = await loadCommunicationForChange(uow, id, expectedVersion);
    await requireLegalReviewer(uow.db, uow.actor, incident.id, row.created_by);
    checkStep('review', row.status as CommunicationStatus, row.audience as Audience);
    const audience = AUDIENCE_LABELS[row.audience as Audience].toLowerCase();
    const approved = input.decision === 'approve';
    const saved = await recordCommunicationStep(uow, incident, row, approved ? { status: 'legal_reviewed', legal_reviewed_at: uow.now, legal_reviewed_by: uow.actor.userId } : { status: 'draft' }, {
      action: 'review',
      timeline: {
        kind: 'communication_reviewed',
        body: approved ? `Legal review passed for the communication to ${audience}: ${row.subject}` : `Communication to ${audience} returned to draft by legal review: ${row.subject}`,
        comment,
        details: { decision: input.decision },
      },
      audit: { decision: input.decision, comment },
    });
    return toCommunicationRecord(uow.db, saved);
  });
}
