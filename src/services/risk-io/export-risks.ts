import { listRiskAssets } from '../../store/repositories/risks.js';
import { listRegister, memberEmails } from '../../store/repositories/risk-io.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toRiskRecord } from '../risks/risk-record.js';
import { registerCsv, toRegisterRow, type RegisterRow } from './register-table.js';

export type RegisterFormat = 'csv' | 'json';

/**
 * The whole register (risk.read) as CSV or a JSON array, in the columns an import reads back
 * (docs/risks.md): owners and acceptors by e-mail, assets by name. Importing it unchanged changes nothing.
 */
export async function exportRisks(ctx: ServiceContext, format: RegisterFormat): Promise<{ body: string; rows: number; exported_at: string }> {
  authorize(ctx.actor, 'risk.read');
  const db = ctx.database.db;
  const risks = (await listRegister(db, ctx.actor.organisationId)).map(toRiskRecord);
  const people = new Map((await memberEmails(db, ctx.actor.organisationId)).map((p) => [p.id, p.email]));
  const assets = new Map<string, string[]>();
  for (const a of await listRiskAssets(db, risks.map((r) => r.id))) assets.set(a.risk_id, [...(assets.get(a.risk_id) ?? []), a.name]);
  const rows: RegisterRow[] = risks.map((r) => toRegisterRow(r, people, assets.get(r.id) ?? []));
  return { body: format === 'csv' ? registerCsv(rows) : `${JSON.stringify(rows, null, 2)}\n`, rows: rows.length, exported_at: ctx.clock.now() };
}
