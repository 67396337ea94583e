import { invalid, notFound } from '../../domain/errors.js';
import { guessObservable } from '../../domain/observable-guess.js';
import { normaliseObservable, type ObservableType } from '../../domain/observables.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { findObservable, findObservableByValue, firstSightingsOfObservable, sightingsOfObservable, summariseSightings, type SightingSummary } from '../../store/repositories/observables.js';
import type { ObservableRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toObservableRecord, toSightingRecord, type ObservableRecord, type SightingRecord } from './observable-record.js';
import { sightingViewerFor } from './sighting-viewer.js';

export interface ObservableHistory {
  type: ObservableType;
  /** The normalised value the lookup searched for. */
  value: string;
  /** Null when the value was never seen (or only where the caller may not look). */
  observable: ObservableRecord | null;
  summary: SightingSummary;
  sightings: Page<SightingRecord>;
}

const NEVER_SEEN: SightingSummary = { incidents: 0, alerts: 0, times_seen: 0, first_seen_at: null, last_seen_at: null };

/**
 * "Seen before": where an observable appears, among the alerts and incidents the caller may see.
 * Without a type, the type is guessed from the value (a pasted IP, hash, domain, URL or address).
 */
export async function lookupObservable(ctx: ServiceContext, input: { type?: ObservableType | undefined; value: string; limit: number; cursor?: string | undefined }): Promise<ObservableHistory> {
  authorize(ctx.actor, 'observable.read');
  const normalised = input.type ? normaliseObservable(input.type, input.value) : guessObservable(input.value);
  if (normalised === null) throw invalid('Say which type this value is: it does not look like an IP, network, hash, MAC, CVE, e-mail, URL or domain.', [{ path: 'type', message: 'required for this value' }]);
  if (!normalised.ok) throw invalid(`Not a valid ${input.type}: ${normalised.reason}.`, [{ path: 'value', message: normalised.reason }]);
  const row = await findObservableByValue(ctx.database, ctx.actor.organisationId, normalised.type, normalised.value);
  return history(ctx, normalised.type, normalised.value, row, input);
}

/** The same answer for an observable by id (links from an incident's or alert's observables). */
export async function getObservable(ctx: ServiceContext, id: string, page: { limit: number; cursor?: string | undefined }): Promise<ObservableHistory> {
  authorize(ctx.actor, 'observable.read');
  const row = await findObservable(ctx.database.db, ctx.actor.organisationId, id);
  if (!row) throw notFound(`Observable ${id}`);
  return history(ctx, row.type as ObservableType, row.value, row, page);
}

async function history(ctx: ServiceContext, type: ObservableType, value: string, row: ObservableRow | undefined, page: { limit: number; cursor?: string | undefined }): Promise<ObservableHistory> {
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  if (page.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  if (!row) return { type, value, observable: null, summary: NEVER_SEEN, sightings: { items: [], next_cursor: null } };
  const viewer = sightingViewerFor(ctx.actor);
  const database = ctx.database;
  // The first page and the summary come from one statement; a later page counts the summary again (it may have changed).
  const { rows, summary } = after
    ? { rows: await sightingsOfObservable(database, row, viewer, after, page.limit), summary: await summariseSightings(database.db, row.id, viewer) }
    : await firstSightingsOfObservable(database, row, viewer, page.limit);
  const items = rows.slice(0, page.limit).map(toSightingRecord);
  const last = items[items.length - 1];
  const next_cursor = rows.length > page.limit && last ? encodeCursor({ value: last.last_seen_at, id: last.id }) : null;
  return { type, value, observable: toObservableRecord(row), summary, sightings: { items, next_cursor } };
}
