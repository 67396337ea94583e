import { invalid } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { insertOutboxMessages } from '../../store/repositories/webhook-outbox.js';
import type { OutboxWriter } from '../webhooks/enqueue-webhook-events.js';
import { EMAIL_TOPIC, type EmailMessage } from './mail-message.js';

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/**
 * Queues an e-mail in the caller's transaction (the transactional outbox): it is sent by the e-mail
 * dispatch job only if the change that asked for it commits. Answers the outbox message id.
 */
export async function enqueueEmail(uow: OutboxWriter, message: EmailMessage): Promise<string> {
  const bad = message.to.filter((address) => !ADDRESS.test(address));
  if (message.to.length === 0 || bad.length > 0) throw invalid('An e-mail needs at least one valid recipient address.', [{ path: 'to', message: bad.length ? `not an e-mail address: ${bad.join(', ')}` : 'no recipient' }]);
  const id = newId('outboxMessage');
  await insertOutboxMessages(uow.db, [{ id, organisation_id: uow.actor.organisationId, topic: EMAIL_TOPIC, payload: message, at: uow.now }]);
  return id;
}
