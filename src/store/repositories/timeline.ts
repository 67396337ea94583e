import { chainHash, GENESIS_HASH, type ChainLink } from '../../domain/hash-chain.js';
import { newId } from '../../domain/ids.js';
import type { Instant } from '../../domain/time.js';
import type { Db } from '../database.js';
import { readJson, writeJson } from '../dialect.js';
import type { TimelineEntryRow } from '../schema.js';

export interface TimelineEntryInput {
  organisation_id: string;
  incident_id: string;
  kind: string;
  body: string;
  details: Record<string, unknown>;
  occurred_at: Instant;
  recorded_at: Instant;
  actor_id: string;
}

function hashedContent(row: Omit<TimelineEntryRow, 'prev_hash' | 'hash' | 'organisation_id'>) {
  return {
    id: row.id,
    incident_id: row.incident_id,
    seq: row.seq,
    kind: row.kind,
    body: row.body,
    details: readJson(row.details),
    occurred_at: row.occurred_at,
    recorded_at: row.recorded_at,
    actor_id: row.actor_id,
  };
}

/** Appends to the incident's chain. Callers hold the incident row lock (see incidents.lockIncident). */
export async function appendTimelineEntry(db: Db, input: TimelineEntryInput): Promise<TimelineEntryRow> {
  const head = await db
    .selectFrom('timeline_entries')
    .select(['seq', 'hash'])
    .where('incident_id', '=', input.incident_id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const base = { ...input, id: newId('timelineEntry'), seq: (head?.seq ?? 0) + 1 };
  const prev_hash = head?.hash ?? GENESIS_HASH;
  const row: TimelineEntryRow = { ...base, details: writeJson(input.details), prev_hash, hash: chainHash(prev_hash, hashedContent(base)) };
  await db.insertInto('timeline_entries').values(row).execute();
  return row;
}

/** Entries in the order things happened (occurred_at), ties in the order they were written. */
export async function listTimeline(db: Db, incidentId: string, options: { limit: number; after?: { occurred_at: string; seq: number } | undefined }) {
  let query = db
    .selectFrom('timeline_entries')
    .leftJoin('users', 'users.id', 'timeline_entries.actor_id')
    .selectAll('timeline_entries')
    .select('users.name as actor_name')
    .where('timeline_entries.incident_id', '=', incidentId);
  if (options.after) {
    const { occurred_at, seq } = options.after;
    query = query.where((eb) =>
      eb.or([eb('timeline_entries.occurred_at', '>', occurred_at), eb.and([eb('timeline_entries.occurred_at', '=', occurred_at), eb('timeline_entries.seq', '>', seq)])]),
    );
  }
  return query.orderBy('timeline_entries.occurred_at').orderBy('timeline_entries.seq').limit(options.limit).execute();
}

/** Every incident with a timeline to walk, in a stable order. */
export async function listTimelineSubjects(db: Db): Promise<Array<{ id: string; number: string }>> {
  return db.selectFrom('incidents').select(['id', 'number']).orderBy('id').execute();
}

export async function* timelineChain(db: Db, incidentId: string): AsyncGenerator<ChainLink> {
  const rows = await db.selectFrom('timeline_entries').selectAll().where('incident_id', '=', incidentId).orderBy('seq').execute();
  for (const row of rows) yield { seq: row.seq, prevHash: row.prev_hash, hash: row.hash, content: hashedContent(row) };
}
