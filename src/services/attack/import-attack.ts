import { readAttackBundle } from '../../domain/attack.js';
import { replaceAttackCatalogue } from '../../store/repositories/attack.js';
import { writeSetting } from '../../store/repositories/plumbing.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { ATTACK_CATALOGUE_SETTING, type AttackImportSummary } from './attack-catalogue.js';

/**
 * Imports (or re-imports) the ATT&CK Enterprise bundle: the organisation's techniques and tactics are
 * replaced in one transaction; tags already on incidents keep pointing at their technique ids.
 */
export async function importAttack(ctx: ServiceContext, bundle: unknown, source: string): Promise<AttackImportSummary> {
  authorize(ctx.actor, 'intel.import');
  const catalogue = readAttackBundle(bundle);
  return runInTransaction(ctx, async (uow) => {
    const { retired } = await replaceAttackCatalogue(uow.db, uow.actor.organisationId, catalogue, uow.now);
    const t = catalogue.techniques;
    const summary: AttackImportSummary = {
      source,
      spec_version: catalogue.spec_version,
      release: catalogue.release,
      imported_at: uow.now,
      tactics: catalogue.tactics.length,
      techniques: t.filter((x) => !x.parent_id).length,
      sub_techniques: t.filter((x) => x.parent_id).length,
      deprecated: t.filter((x) => x.deprecated && !x.revoked).length,
      revoked: t.filter((x) => x.revoked).length,
      retired,
    };
    await writeSetting(uow.db, { organisation_id: uow.actor.organisationId, key: ATTACK_CATALOGUE_SETTING, value: summary, at: uow.now, by: uow.actor.userId });
    await uow.audit('attack.import', { type: 'attack_catalogue', id: uow.actor.organisationId }, { ...summary });
    uow.emit({ type: 'attack.imported', entity_id: uow.actor.organisationId });
    return summary;
  });
}
