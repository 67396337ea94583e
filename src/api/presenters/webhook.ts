import type { DeliveryRecord } from '../../services/webhooks/delivery-record.js';
import type { WebhookRecord } from '../../services/webhooks/webhook-record.js';

/** Fields picked one by one: the signing secret never leaves through a presenter. */
export const presentWebhook = ({ id, name, url, event_types, enabled, include_restricted, secret_fingerprint, created_at, created_by, updated_at, version }: WebhookRecord) => ({
  id, name, url, event_types, enabled, include_restricted, secret_fingerprint, created_at, created_by, updated_at, version,
});

export const presentDelivery = ({ id, event_id, event_type, state, created_at, next_attempt_at, delivered_at, failed_at, last_error, attempt_count, attempts, body }: DeliveryRecord) => ({
  id, event_id, event_type, state, created_at, next_attempt_at, delivered_at, failed_at, last_error, attempt_count, attempts, body,
});
