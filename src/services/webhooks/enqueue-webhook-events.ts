import { newId } from '../../domain/ids.js';
import type { Instant } from '../../domain/time.js';
import { subscribes, WEBHOOK_EVENT_TYPES, webhookTopic } from '../../domain/webhooks.js';
import type { Db } from '../../store/database.js';
import { readBool, readJson } from '../../store/dialect.js';
import { insertOutboxMessages, type OutboxMessage } from '../../store/repositories/webhook-outbox.js';
import { alertSummaries, incidentSummaries, listEnabledWebhooks } from '../../store/repositories/webhooks.js';
import type { Actor } from '../context.js';
import type { DomainEvent } from '../events.js';

/** The part of a unit of work the outbox needs (a UnitOfWork is one). */
export interface OutboxWriter {
  db: Db;
  now: Instant;
  actor: Actor;
}

/** An event as a use case emits it; fields beyond the usual ones (an ingested batch's `count`) travel as `data`. */
export type WebhookEventInput = Omit<DomainEvent, 'organisation_id' | 'actor_id' | 'at'>;

const KNOWN = new Set(['type', 'entity_id', 'incident_id', 'restricted', 'version', 'organisation_id', 'actor_id', 'at']);
const SUBSCRIBABLE: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

/**
 * Writes one outbox row per (event, subscribed webhook) in the caller's transaction, so a delivery
 * exists exactly when the change it announces committed. runInTransaction calls it for every event a
 * use case emits; the bulk ingestion path calls it itself for per-alert events it does not emit
 * live (never both for the same event, or receivers get it twice). Events about restricted
 * incidents go only to webhooks that opted in. Answers how many deliveries were queued.
 */
export async function enqueueWebhookEvents(uow: OutboxWriter, events: readonly WebhookEventInput[]): Promise<number> {
  const candidates = events.filter((e) => SUBSCRIBABLE.has(e.type));
  if (candidates.length === 0) return 0;
  const organisationId = uow.actor.organisationId;
  const hooks = (await listEnabledWebhooks(uow.db, organisationId)).map((h) => ({ id: h.id, types: readJson<string[]>(h.event_types), restricted: readBool(h.include_restricted) }));
  if (hooks.length === 0) return 0;
  const wanted = candidates.filter((e) => hooks.some((h) => subscribes(h.types, e.type)));
  if (wanted.length === 0) return 0;

  const incidentIds = [...new Set(wanted.flatMap((e) => (e.incident_id ? [e.incident_id] : [])))];
  const incidents = new Map((await incidentSummaries(uow.db, incidentIds)).map((i) => [i.id, { ...i, severity: Number(i.severity), restricted: readBool(i.restricted) }]));
  const alertIds = [...new Set(wanted.flatMap((e) => (e.type.startsWith('alert.') ? [e.entity_id] : [])))];
  const alerts = new Map((await alertSummaries(uow.db, alertIds)).map((a) => [a.id, { ...a, severity: Number(a.severity) }]));

  const messages: OutboxMessage[] = [];
  for (const event of wanted) {
    const incident = event.incident_id ? incidents.get(event.incident_id) : undefined;
    const restricted = Boolean(event.restricted) || Boolean(incident?.restricted);
    const data = Object.fromEntries(Object.entries(event).filter(([key]) => !KNOWN.has(key)));
    const body = {
      id: newId('webhookEvent'),
      type: event.type,
      occurred_at: uow.now,
      organisation_id: organisationId,
      actor_id: uow.actor.userId,
      entity_id: event.entity_id,
      ...(event.incident_id ? { incident_id: event.incident_id } : {}),
      ...(event.version !== undefined ? { version: event.version } : {}),
      ...(incident ? { incident } : {}),
      ...(alerts.has(event.entity_id) && event.type.startsWith('alert.') ? { alert: alerts.get(event.entity_id) } : {}),
      ...(Object.keys(data).length ? { data } : {}),
    };
    for (const hook of hooks) {
      if (!subscribes(hook.types, event.type) || (restricted && !hook.restricted)) continue;
      messages.push({ id: newId('outboxMessage'), organisation_id: organisationId, topic: webhookTopic(hook.id), payload: body, at: uow.now });
    }
  }
  await insertOutboxMessages(uow.db, messages);
  return messages.length;
}
