import type { Db } from '../database.js';
import { engineOf, writeJson } from '../dialect.js';
import { visibleTo } from './incidents.js';
import type { ProposalRow } from '../schema.js';

export type ProposalInsert = Omit<ProposalRow, 'reasoning' | 'before' | 'after' | 'applied'> & { reasoning: unknown; before: unknown; after: unknown; applied: unknown };

const encode = (row: Partial<ProposalInsert>) => ({
  ...row,
  ...(row.reasoning !== undefined ? { reasoning: writeJson(row.reasoning) } : {}),
  ...(row.before !== undefined ? { before: writeJson(row.before) } : {}),
  ...(row.after !== undefined ? { after: writeJson(row.after) } : {}),
  ...(row.applied !== undefined ? { applied: row.applied === null ? null : writeJson(row.applied) } : {}),
});

export async function insertProposals(db: Db, rows: ProposalInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('proposals').values(rows.map((r) => encode(r) as ProposalRow)).execute();
}

/** The proposals of one review, in the order they were made. */
export async function listReviewProposals(db: Db, organisationId: string, reviewId: string): Promise<ProposalRow[]> {
  return db.selectFrom('proposals').selectAll().where('organisation_id', '=', organisationId).where('review_id', '=', reviewId).orderBy('created_at').orderBy('id').execute();
}

export async function findProposal(db: Db, organisationId: string, id: string, forUpdate = false): Promise<ProposalRow | undefined> {
  let query = db.selectFrom('proposals').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id);
  if (forUpdate && engineOf(db) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Writes a decision when the proposal is still at the expected version; false otherwise. */
export async function updateProposal(db: Db, id: string, expectedVersion: number, changes: Partial<Omit<ProposalInsert, 'id' | 'organisation_id'>>): Promise<boolean> {
  const result = await db.updateTable('proposals').set(encode(changes) as Partial<ProposalRow>).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Accepted proposals of one kind across the organisation (the calibration view reads the loss ones). */
export async function listAcceptedProposals(db: Db, organisationId: string, kind: string): Promise<ProposalRow[]> {
  return db.selectFrom('proposals').selectAll().where('organisation_id', '=', organisationId).where('kind', '=', kind).where('status', '=', 'accepted').orderBy('decided_at').orderBy('id').execute();
}

export interface ProposalListFilter {
  organisationId: string;
  visibleToUserId: string | null;
  status?: string | undefined;
  incidentId?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

/** Proposals across reviews of incidents the viewer may see, with the incident's number and title; keyset-paged by id, one extra row. */
export async function listProposals(db: Db, f: ProposalListFilter) {
  let query = db
    .selectFrom('proposals')
    .innerJoin('incidents', 'incidents.id', 'proposals.incident_id')
    .selectAll('proposals')
    .select(['incidents.number as incident_number', 'incidents.title as incident_title'])
    .where('proposals.organisation_id', '=', f.organisationId)
    .where((eb) => visibleTo(eb, f.visibleToUserId, engineOf(db)));
  if (f.status) query = query.where('proposals.status', '=', f.status);
  if (f.incidentId) query = query.where('proposals.incident_id', '=', f.incidentId);
  if (f.afterId) query = query.where('proposals.id', '>', f.afterId);
  return query.orderBy('proposals.id').limit(f.limit + 1).execute();
}

/** A label per target: the risk's number and title, the control's ref and title, the action item's title. */
export async function targetLabels(db: Db, organisationId: string, targets: Array<{ target_type: string; target_id: string }>): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(targets.filter((t) => t.target_type === type).map((t) => t.target_id))];
  const labels = new Map<string, string>();
  const risks = ids('risk');
  if (risks.length) for (const r of await db.selectFrom('risks').select(['id', 'number', 'title']).where('organisation_id', '=', organisationId).where('id', 'in', risks).execute()) labels.set(r.id, `${r.number} ${r.title}`);
  const controls = ids('control');
  if (controls.length) for (const c of await db.selectFrom('controls').select(['id', 'ref', 'title']).where('organisation_id', '=', organisationId).where('id', 'in', controls).execute()) labels.set(c.id, `${c.ref} ${c.title}`);
  const items = ids('action_item');
  if (items.length) for (const a of await db.selectFrom('action_items').select(['id', 'title']).where('organisation_id', '=', organisationId).where('id', 'in', items).execute()) labels.set(a.id, a.title);
  return labels;
}
