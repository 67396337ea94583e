import type { AttackTactic } from '../../domain/attack.js';
import { listTactics } from '../../store/repositories/attack.js';
import { readSetting } from '../../store/repositories/plumbing.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';

export const ATTACK_CATALOGUE_SETTING = 'attack_catalogue';

/** What the last ATT&CK import brought in. */
export interface AttackImportSummary {
  /** The file name or "upload". */
  source: string;
  spec_version: string;
  release: string | null;
  imported_at: string;
  tactics: number;
  techniques: number;
  sub_techniques: number;
  deprecated: number;
  revoked: number;
  /** Techniques of an earlier import that the new one no longer lists (kept, marked deprecated). */
  retired: number;
}

/** The imported catalogue at a glance: the last import (null before the first) and the tactics in matrix order. */
export async function describeAttackCatalogue(ctx: ServiceContext): Promise<{ last_import: AttackImportSummary | null; tactics: AttackTactic[] }> {
  authorize(ctx.actor, 'incident.read');
  const db = ctx.database.db;
  const lastImport = (await readSetting<AttackImportSummary>(db, ctx.actor.organisationId, ATTACK_CATALOGUE_SETTING)) ?? null;
  return { last_import: lastImport, tactics: await listTactics(db, ctx.actor.organisationId) };
}
