import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CursorPosition } from '../../domain/pagination.js';
import type { Db } from '../database.js';
import { ilike, readJson, type Engine } from '../dialect.js';
import type { AlertGroupRow, AlertRow, Database } from '../schema.js';
import { visibleTo } from './incidents.js';

export interface AlertFilter {
  organisationId: string;
  /** Null: the viewer also sees alerts linked to restricted incidents (an administrator). */
  visibleToUserId: string | null;
  statuses?: string[] | undefined;
  sources?: string[] | undefined;
  severities?: number[] | undefined;
  tags?: string[] | undefined;
  groupId?: string | undefined;
  incidentId?: string | undefined;
  /** Case-insensitive text in the title, or exactly the sender's reference or the alert id. */
  q?: string | undefined;
  /** Last seen at or after this instant. */
  since?: string | undefined;
}

export interface AlertListQuery extends AlertFilter {
  after?: CursorPosition | undefined;
  limit: number;
}

type AlertEb = ExpressionBuilder<Database, 'alerts'>;

/** An alert linked to a restricted incident is as secret as the incident. */
function linkedIncidentVisible(eb: AlertEb, userId: string | null, engine: Engine): Expression<SqlBool> {
  if (userId === null) return sql<SqlBool>`1 = 1`;
  let incident = eb
    .selectFrom('incidents')
    .select('incidents.id')
    .whereRef('incidents.id', '=', 'alerts.incident_id')
    .where((inner) => visibleTo(inner as unknown as ExpressionBuilder<Database, 'incidents'>, userId, engine));
  // As in visibleTo: OFFSET 0 keeps PostgreSQL probing the incident per alert row (a page reads ~51)
  // instead of hashing every incident the viewer may see up front.
  if (engine === 'postgres') incident = incident.offset(0);
  return eb.or([eb('alerts.incident_id', 'is', null), eb.exists(incident)]);
}

function filterConditions(eb: AlertEb, engine: Engine, f: AlertFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [eb('alerts.organisation_id', '=', f.organisationId), linkedIncidentVisible(eb, f.visibleToUserId, engine)];
  if (f.statuses?.length) conditions.push(eb('alerts.status', 'in', f.statuses));
  if (f.sources?.length) conditions.push(eb('alerts.source', 'in', f.sources));
  if (f.severities?.length) conditions.push(eb('alerts.severity', 'in', f.severities));
  if (f.groupId) conditions.push(eb('alerts.group_id', '=', f.groupId));
  if (f.incidentId) conditions.push(eb('alerts.incident_id', '=', f.incidentId));
  if (f.since) conditions.push(eb('alerts.last_seen_at', '>=', f.since));
  // Senders' tags are kept as sent, so the match ignores case (the filter arrives lower-cased).
  for (const tag of f.tags ?? []) {
    conditions.push(
      engine === 'postgres'
        ? sql<SqlBool>`EXISTS (SELECT 1 FROM jsonb_array_elements_text(alerts.tags) AS t(tag) WHERE lower(t.tag) = ${tag})`
        : sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(alerts.tags) WHERE lower(json_each.value) = ${tag})`,
    );
  }
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = engine === 'postgres' ? ilike(engine, sql.ref('alerts.title'), pattern) : sql<boolean>`alerts.title LIKE ${pattern} ESCAPE '\\'`;
    conditions.push(eb.or([like as Expression<SqlBool>, eb('alerts.source_ref', '=', f.q), eb('alerts.id', '=', f.q)]));
  }
  return conditions;
}

/** A row of the triage queue: everything but the description and the sender's raw JSON, which can be large. */
const SUMMARY_COLUMNS = [
  'id', 'organisation_id', 'source', 'source_ref', 'type', 'title', 'severity', 'occurred_at', 'tags', 'tlp', 'pap', 'status', 'fingerprint', 'group_id',
  'incident_id', 'dismiss_reason', 'triaged_at', 'triaged_by', 'repeat_count', 'first_seen_at', 'last_seen_at', 'created_at', 'updated_at', 'version',
] as const satisfies ReadonlyArray<keyof AlertRow>;
export type AlertSummaryRow = Pick<AlertRow, (typeof SUMMARY_COLUMNS)[number]>;

/** Newest activity first, keyset-paginated over (last_seen_at, id); one extra row tells whether a next page exists. */
export async function listAlerts(db: Db, engine: Engine, q: AlertListQuery): Promise<AlertSummaryRow[]> {
  let query = db
    .selectFrom('alerts')
    .select(SUMMARY_COLUMNS.map((c) => `alerts.${c}` as const))
    .where((eb) => eb.and(filterConditions(eb, engine, q)));
  if (q.after) {
    const { value, id } = q.after;
    const seen = String(value);
    query = query.where((eb) => eb.or([eb('alerts.last_seen_at', '<', seen), eb.and([eb('alerts.last_seen_at', '=', seen), eb('alerts.id', '<', id)])]));
  }
  return query.orderBy('alerts.last_seen_at', 'desc').orderBy('alerts.id', 'desc').limit(q.limit + 1).execute();
}

export async function findAlert(db: Db, engine: Engine, organisationId: string, id: string, visibleToUserId: string | null): Promise<AlertRow | undefined> {
  return db
    .selectFrom('alerts')
    .selectAll('alerts')
    .where('alerts.organisation_id', '=', organisationId)
    .where('alerts.id', '=', id)
    .where((eb) => linkedIncidentVisible(eb, visibleToUserId, engine))
    .executeTakeFirst();
}

/** Takes the alerts' row locks (PostgreSQL) so two analysts triaging the same alert are serialised. */
export async function lockAlerts(db: Db, engine: Engine, organisationId: string, ids: string[]): Promise<AlertRow[]> {
  if (!ids.length) return [];
  let query = db.selectFrom('alerts').selectAll().where('organisation_id', '=', organisationId).where('id', 'in', ids).orderBy('id');
  if (engine === 'postgres') query = query.forUpdate();
  return query.execute();
}

export type AlertTriageChange = Pick<AlertRow, 'status' | 'incident_id' | 'dismiss_reason' | 'triaged_at' | 'triaged_by' | 'updated_at'>;

/** Writes a triage decision and bumps the version; false when someone else changed the alert first. */
export async function updateAlertTriage(db: Db, id: string, expectedVersion: number, change: AlertTriageChange): Promise<boolean> {
  const result = await db
    .updateTable('alerts')
    .set({ ...change, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findAlertGroup(db: Db, organisationId: string, id: string): Promise<AlertGroupRow | undefined> {
  return db.selectFrom('alert_groups').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function findAlertGroups(db: Db, organisationId: string, ids: string[]): Promise<AlertGroupRow[]> {
  if (!ids.length) return [];
  return db.selectFrom('alert_groups').selectAll().where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
}

/** The number and title of the incidents alerts are linked to, for showing the link without another request. */
export async function findIncidentLabels(db: Db, organisationId: string, ids: string[]): Promise<Array<{ id: string; number: string; title: string }>> {
  if (!ids.length) return [];
  return db.selectFrom('incidents').select(['id', 'number', 'title']).where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
}

/** The details of an incident's "alerts merged" timeline entries, newest first: what each merge brought along. */
export async function alertLinkDetails(db: Db, incidentId: string): Promise<unknown[]> {
  const rows = await db.selectFrom('timeline_entries').select('details').where('incident_id', '=', incidentId).where('kind', '=', 'alerts_merged').orderBy('seq', 'desc').execute();
  return rows.map((row) => readJson<unknown>(row.details));
}
