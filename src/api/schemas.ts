import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../domain/pagination.js';
import { BulwarkError } from '../domain/errors.js';
import { canonicalJson } from '../domain/hash-chain.js';
import { toInstant } from '../domain/time.js';
import type { IdempotencyRequest } from '../services/idempotency.js';

/** Building blocks shared by every resource's schema.ts. */

/** ISO 8601 with an offset in; UTC with milliseconds out. */
export const instant = z.iso
  .datetime({ offset: true, message: 'an ISO 8601 date-time with offset, e.g. 2026-11-23T08:15:00Z' })
  .transform((v) => toInstant(v));

export const instantOut = z.string().describe('ISO 8601, UTC');

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`Items per page, at most ${MAX_PAGE_SIZE}`),
  cursor: z.string().max(500).optional().describe('next_cursor of the previous page'),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page') });

/** Comma-separated or repeated query values: `?phase=containment,eradication`. */
export const listOf = <Out>(item: z.ZodType<Out, string>) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item));

export const idParam = z.object({ id: z.string().min(1).max(100) });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .describe('RFC 9457 problem details');

export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  412: problemSchema,
  428: problemSchema,
};

export const ifMatchHeaders = z.object({ 'if-match': z.string().max(100).optional() }).passthrough();
export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }).passthrough();

/** The caller's Idempotency-Key with a hash of the request it came with (`request`: what makes it that request, e.g. its body and path). */
export function idempotencyOf(key: string | undefined, request: unknown): IdempotencyRequest | undefined {
  return key ? { key, requestHash: createHash('sha256').update(canonicalJson(request)).digest('hex') } : undefined;
}

/** The version the caller saw, from If-Match ("3" or W/"3") or a `version` field; undefined when neither. */
export function optionalVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number | undefined {
  if (!ifMatch) return bodyVersion;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!match) throw new BulwarkError('validation', 'If-Match must be the ETag you received, e.g. "3".', { errors: [{ path: 'headers.if-match', message: 'not a version ETag' }] });
  return Number(match[1]);
}

/** Updates must say which version they edit, so two people never silently overwrite each other (428 otherwise). */
export function requiredVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const version = optionalVersion(ifMatch, bodyVersion);
  if (version === undefined) throw new BulwarkError('precondition_required', 'Say which version you are editing: send If-Match: "<version>" (the ETag you got) or a version field.');
  return version;
}

export const etag = (version: number) => `"${version}"`;
