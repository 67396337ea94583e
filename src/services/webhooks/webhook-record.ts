import { createHash } from 'node:crypto';
import { checkEventTypes, MAX_SUBSCRIBED_TYPES } from '../../domain/webhooks.js';
import { invalid, notFound, type FieldProblem } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import { readBool, readJson } from '../../store/dialect.js';
import { findWebhook } from '../../store/repositories/webhooks.js';
import type { WebhookRow } from '../../store/schema.js';

/** A webhook as answered: the secret only as a fingerprint, never in part. */
export interface WebhookRecord {
  id: string;
  name: string;
  url: string;
  event_types: string[];
  enabled: boolean;
  include_restricted: boolean;
  secret_fingerprint: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

export const toWebhookRecord = (row: WebhookRow): WebhookRecord => ({
  id: row.id,
  name: row.name,
  url: row.url,
  event_types: readJson<string[]>(row.event_types),
  enabled: readBool(row.enabled),
  include_restricted: readBool(row.include_restricted),
  secret_fingerprint: secretFingerprint(row.secret),
  created_at: row.created_at,
  created_by: row.created_by,
  updated_at: row.updated_at,
  version: Number(row.version),
});

/** Lets an administrator check which secret a receiver holds (`sha256` of it, first 12 hex digits) without revealing any of it. */
export const secretFingerprint = (secret: string) => createHash('sha256').update(secret).digest('hex').slice(0, 12);

export async function loadWebhook(db: Db, organisationId: string, id: string): Promise<WebhookRow> {
  const row = await findWebhook(db, organisationId, id);
  if (!row) throw notFound(`Webhook ${id}`);
  return row;
}

export const SECRET_MIN_LENGTH = 16;
export const SECRET_MAX_LENGTH = 200;
export const URL_MAX_LENGTH = 2000;
export const NAME_MAX_LENGTH = 200;

export interface WebhookFields {
  name?: string | undefined;
  url?: string | undefined;
  event_types?: string[] | undefined;
  secret?: string | undefined;
}

/** The rules behind the API's schema, for callers that are not the API (CLI, other services). */
export function checkWebhookFields(fields: WebhookFields): { name?: string; url?: string; event_types?: string[] } {
  const errors: FieldProblem[] = [];
  const name = fields.name?.trim();
  if (name !== undefined && (name.length === 0 || name.length > NAME_MAX_LENGTH)) errors.push({ path: 'name', message: `1 to ${NAME_MAX_LENGTH} characters` });
  let url: string | undefined;
  if (fields.url !== undefined) {
    const parsed = URL.canParse(fields.url) ? new URL(fields.url) : null;
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || fields.url.length > URL_MAX_LENGTH) errors.push({ path: 'url', message: `an http(s) URL of at most ${URL_MAX_LENGTH} characters` });
    else url = parsed.toString();
  }
  let eventTypes: string[] | undefined;
  if (fields.event_types !== undefined) {
    eventTypes = [...new Set(fields.event_types.map((t) => t.trim()))];
    if (eventTypes.length > MAX_SUBSCRIBED_TYPES) errors.push({ path: 'event_types', message: `at most ${MAX_SUBSCRIBED_TYPES} entries` });
    for (const problem of checkEventTypes(eventTypes)) errors.push({ path: problem.index < 0 ? 'event_types' : `event_types.${problem.index}`, message: problem.message });
  }
  if (fields.secret !== undefined && (fields.secret.length < SECRET_MIN_LENGTH || fields.secret.length > SECRET_MAX_LENGTH)) {
    errors.push({ path: 'secret', message: `${SECRET_MIN_LENGTH} to ${SECRET_MAX_LENGTH} characters` });
  }
  if (errors.length) throw invalid(`The webhook is not valid: ${errors.map((e) => `${e.path} (${e.message})`).join('; ')}.`, errors);
  return { ...(name !== undefined ? { name } : {}), ...(url !== undefined ? { url } : {}), ...(eventTypes !== undefined ? { event_types: eventTypes } : {}) };
}
