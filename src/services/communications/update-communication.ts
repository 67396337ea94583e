import { checkStep, COMMUNICATION_STATUS_LABELS, statusAfterEdit, type CommunicationKind, type CommunicationStatus } from '../../domain/communication-workflow.js';
import type { Audience, Channel } from '../../domain/plan.js';
import { invalid } from '../../domain/errors.js';
import { writeJson } from '../../store/dialect.js';
import type { CommunicationRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { planInForce } from '../plan/plan-in-force.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { recipientsOf, toCommunicationRecord, type CommunicationRecord } from './communication-record.js';
import { checkRecipients, composeText } from './compose-text.js';
import { loadCommunicationForChange, recordCommunicationStep } from './load-communication.js';
import { templateValues } from './template-values.js';

export interface CommunicationChanges {
  audience?: Audience | undefined;
  channel?: Channel | undefined;
  kind?: CommunicationKind | undefined;
  subject?: string | undefined;
  body?: string | undefined;
  recipients?: string[] | undefined;
}

/**
 * Edits a communication not yet sent. Changing what it says or to whom after it was submitted,
 * reviewed or approved sends it back to draft: those sign-offs were for other words.
 */
export async function updateCommunication(ctx: ServiceContext, id: string, expectedVersion: number, changes: CommunicationChanges): Promise<CommunicationRecord> {
  authorize(ctx.actor, 'communication.write');
  return runInTransaction(ctx, async (uow) => {
    const { row, incident } = await loadCommunicationForChange(uow, id, expectedVersion);
    const status = row.status as CommunicationStatus;
    checkStep('edit', status, row.audience as Audience);
    const blank = (['subject', 'body'] as const).filter((f) => changes[f] !== undefined && !changes[f]!.trim());
    if (blank.length) throw invalid('A communication needs a subject and a message.', blank.map((path) => ({ path, message: 'must not be empty' })));
    const channel = changes.channel ?? (row.channel as Channel);
    const needsValues = changes.subject !== undefined || changes.body !== undefined;
    const values = needsValues ? await templateValues(uow.db, incident, (await planInForce(uow.db, incident.organisation_id))?.content ?? null, uow.now) : {};
    const text = needsValues ? composeText({ subject: changes.subject ?? row.subject, body: changes.body ?? row.body }, values) : { subject: row.subject, body: row.body };
    const recipients = checkRecipients(channel, changes.recipients ?? recipientsOf(row));

    const next: Partial<CommunicationRow> = { audience: changes.audience ?? row.audience, channel, kind: changes.kind ?? row.kind, subject: text.subject, body: text.body, recipients: writeJson(recipients) };
    const changed: string[] = (['audience', 'channel', 'kind', 'subject', 'body'] as const).filter((f) => next[f] !== row[f]);
    if (JSON.stringify(recipients) !== JSON.stringify(recipientsOf(row))) changed.push('recipients');
    if (changed.length === 0) return toCommunicationRecord(uow.db, row);

    const signedOffWordsChanged = changed.some((f) => f !== 'kind');
    const after = statusAfterEdit(status, signedOffWordsChanged);
    const reset = after !== status;
    if (reset) Object.assign(next, { status: after, legal_reviewed_at: null, legal_reviewed_by: null, approved_at: null, approved_by: null });
    const saved = await recordCommunicationStep(uow, incident, row, next, {
      action: 'update',
      ...(reset ? { timeline: { kind: 'communication_drafted' as const, body: `Communication “${text.subject}” edited while ${COMMUNICATION_STATUS_LABELS[status].toLowerCase()}: back to draft, its review and approval no longer hold`, details: { returned_from: status } } } : {}),
      audit: { changed, returned_from: reset ? status : null },
    });
    return toCommunicationRecord(uow.db, saved);
  });
}
