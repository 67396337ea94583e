import type { Db } from '../database.js';
import type { AssetRow, RiskRow } from '../schema.js';

/** The whole register of an organisation, by number, for an export. */
export async function listRegister(db: Db, organisationId: string): Promise<RiskRow[]> {
  return db.selectFrom('risks').selectAll().where('organisation_id', '=', organisationId).orderBy('number').execute();
}

/** Risks by number (upper case), for an import that updates them. */
export async function findRisksByNumbers(db: Db, organisationId: string, numbers: string[]): Promise<RiskRow[]> {
  const rows: RiskRow[] = [];
  for (let i = 0; i < numbers.length; i += 500) {
    rows.push(...(await db.selectFrom('risks').selectAll().where('organisation_id', '=', organisationId).where('number', 'in', numbers.slice(i, i + 500)).execute()));
  }
  return rows;
}

/** Assets by exact name (retired ones too: a risk may still name them). */
export async function findAssetsByNames(db: Db, organisationId: string, names: string[]): Promise<Array<Pick<AssetRow, 'id' | 'name'>>> {
  const rows: Array<Pick<AssetRow, 'id' | 'name'>> = [];
  for (let i = 0; i < names.length; i += 500) {
    rows.push(...(await db.selectFrom('assets').select(['id', 'name']).where('organisation_id', '=', organisationId).where('name', 'in', names.slice(i, i + 500)).execute()));
  }
  return rows;
}

/** The organisation's people (disabled ones too) with their e-mail address: imports, exports and reminders name people by it. */
export async function memberEmails(db: Db, organisationId: string): Promise<Array<{ id: string; email: string; name: string; disabled_at: string | null }>> {
  return db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.name', 'u.disabled_at'])
    .where('m.organisation_id', '=', organisationId)
    .execute();
}
