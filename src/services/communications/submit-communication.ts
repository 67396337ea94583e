import { AUDIENCE_LABELS, type Audience } from '../../domain/plan.js';
import { checkStep, type CommunicationStatus } from '../../domain/communication-workflow.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toCommunicationRecord, type CommunicationRecord } from './communication-record.js';
import { loadCommunicationForChange, recordCommunicationStep } from './load-communication.js';

/** Hands a draft to legal: someone holding the Legal role on the incident reviews it next. */
export async function submitCommunication(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<CommunicationRecord> {
  authorize(ctx.actor, 'communication.write');
  return runInTransaction(ctx, async (uow) => {
    const { row, incident } = await loadCommunicationForChange(uow, id, expectedVersion);
    checkStep('submit', row.status as CommunicationStatus, row.audience as Audience);
    const saved = await recordCommunicationStep(uow, incident, row, { status: 'in_review' }, {
      action: 'submit',
      timeline: { kind: 'communication_drafted', body: `Communication to ${AUDIENCE_LABELS[row.audience as Audience].toLowerCase()} submitted for legal review: ${row.subject}` },
    });
    return toCommunicationRecord(uow.db, saved);
  });
}
