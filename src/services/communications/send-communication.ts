import { AUDIENCE_LABELS, type Audience } from '../../domain/plan.js';
import { checkStep, type CommunicationStatus } from '../../domain/communication-workflow.js';
import type { ServiceContext } from '../context.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { recipientsOf, toCommunicationRecord, type CommunicationRecord } from './communication-record.js';
import { loadCommunicationForChange, recordCommunicationStep } from './load-communication.js';

/**
 * Sends an approved communication. By e-mail with recipients: one message per recipient (nobody sees
 * the others' addresses) through the outbox, so it leaves only if this commits. Other channels are
 * sent by a person (posted, read out, mailed); this records that it happened, with their note.
 */
export async function sendCommunication(ctx: ServiceContext, id: string, note: string | undefined, expectedVersion?: number): Promise<CommunicationRecord & { emails_queued: number }> {
  authorize(ctx.actor, 'communication.write');
  return runInTransaction(ctx, async (uow) => {
    const { row, incident } = await loadCommunicationForChange(uow, id, expectedVersion);
    checkStep('send', row.status as CommunicationStatus, row.audience as Audience);
    const recipients = recipientsOf(row);
    const byEmail = row.channel === 'email' && recipients.length > 0;
    if (byEmail) for (const to of recipients) await enqueueEmail(uow, { to: [to], subject: row.subject, text: row.body.endsWith('\n') ? row.body : `${row.body}\n`, kind: 'communication' });
    const said = note?.trim() || null;
    const audience = AUDIENCE_LABELS[row.audience as Audience].toLowerCase();
    const how = byEmail ? `e-mailed to ${recipients.length} recipient${recipients.length === 1 ? '' : 's'}` : `sent by hand (${row.channel.replace(/_/g, ' ')})`;
    const saved = await recordCommunicationStep(uow, incident, row, { status: 'sent', sent_at: uow.now, sent_by: uow.actor.userId }, {
      action: 'send',
      timeline: { kind: 'communication_sent', body: `Communication to ${audience} ${how}: ${row.subject}`, comment: said, details: { kind: row.kind, by_email: byEmail, recipients: recipients.length, approved_by: row.approved_by } },
      audit: { by_email: byEmail, recipients, approved_by: row.approved_by, legal_reviewed_by: row.legal_reviewed_by, note: said },
    });
    return { ...(await toCommunicationRecord(uow.db, saved)), emails_queued: byEmail ? recipients.length : 0 };
  });
}
