import { AUDIENCE_LABELS, type Audience } from '../../domain/plan.js';
import { checkStep, type CommunicationStatus } from '../../domain/communication-workflow.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toCommunicationRecord, type CommunicationRecord } from './communication-record.js';
import { loadCommunicationForChange, recordCommunicationStep } from './load-communication.js';

/** Withdraws a communication that has not been sent; it stays in the record, marked withdrawn. */
export async function withdrawCommunication(ctx: ServiceContext, id: string, reason: string | undefined, expectedVersion?: number): Promise<CommunicationRecord> {
  authorize(ctx.actor, 'communication.write');
  return runInTransaction(ctx, async (uow) => {
    const { row, incident } = await loadCommunicationForChange(uow, id, expectedVersion);
    checkStep('withdraw', row.status as CommunicationStatus, row.audience as Audience);
    const comment = reason?.trim() || null;
    const saved = await recordCommunicationStep(uow, incident, row, { status: 'withdrawn' }, {
      action: 'withdraw',
      timeline: { kind: 'communication_withdrawn', body: `Communication to ${AUDIENCE_LABELS[row.audience as Audience].toLowerCase()} withdrawn: ${row.subject}`, comment, details: { withdrawn_from: row.status } },
      audit: { withdrawn_from: row.status, reason: comment },
    });
    return toCommunicationRecord(uow.db, saved);
  });
}
