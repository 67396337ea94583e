import type { CursorPosition } from '../../domain/pagination.js';
import type { Db } from '../database.js';
import { writeJson } from '../dialect.js';
import type { RiskRow, SimulationRow } from '../schema.js';

export type SimulationInsert = Omit<SimulationRow, 'inputs' | 'result'> & { inputs: unknown; result: unknown };

export async function insertSimulation(db: Db, row: SimulationInsert): Promise<void> {
  await db
    .insertInto('simulations')
    .values({ ...row, inputs: writeJson(row.inputs), result: row.result === null ? null : writeJson(row.result) } as SimulationRow)
    .execute();
}

export async function findSimulation(db: Db, organisationId: string, id: string): Promise<SimulationRow | undefined> {
  return db.selectFrom('simulations').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** Progress, and at the end the result or the error, of a running simulation. */
export async function updateSimulation(
  db: Db,
  id: string,
  changes: { status?: string; progress?: number; result?: unknown; error?: string | null; finished_at?: string | null },
): Promise<void> {
  const { result, ...rest } = changes;
  await db
    .updateTable('simulations')
    .set({ ...rest, ...(result !== undefined ? { result: writeJson(result) } : {}) } as Partial<SimulationRow>)
    .where('id', '=', id)
    .execute();
}

/** A risk's simulations, newest first, keyset-paged on (created_at, id). */
export async function listRiskSimulations(db: Db, organisationId: string, riskId: string, after: CursorPosition | undefined, limit: number): Promise<SimulationRow[]> {
  let query = db.selectFrom('simulations').selectAll().where('organisation_id', '=', organisationId).where('risk_id', '=', riskId);
  if (after) {
    const at = String(after.value);
    query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', after.id)])]));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}

/** Risks with FAIR inputs, for a portfolio: the given ones, or every one not closed. */
export async function listQuantifiedRisks(db: Db, organisationId: string, ids?: string[]): Promise<Pick<RiskRow, 'id' | 'number' | 'title' | 'fair_inputs'>[]> {
  let query = db.selectFrom('risks').select(['id', 'number', 'title', 'fair_inputs']).where('organisation_id', '=', organisationId).where('fair_inputs', 'is not', null);
  if (ids) query = query.where((eb) => eb.or([eb('id', 'in', ids), eb('number', 'in', ids.map((i) => i.toUpperCase()))]));
  else query = query.where('status', '!=', 'closed');
  const rows = await query.orderBy('number').execute();
  // a JSON null stored in the column is no inputs either
  return rows.filter((r) => r.fair_inputs !== null && r.fair_inputs !== 'null');
}
