import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { actorDisplayName, createEvidenceItem } from './evidence-create.js';
import { checkEvidenceMetadata, withEvidenceDefaults, type EvidenceMetadataInput } from './evidence-metadata.js';
import { toEvidenceRecord, type EvidenceRecord } from './evidence-record.js';

/** Records an item without a file — a seized laptop, a USB key — with its serial numbers and where it is kept. */
export async function addEvidenceItem(ctx: ServiceContext, incidentId: string, input: EvidenceMetadataInput & { title: string }): Promise<EvidenceRecord> {
  authorize(ctx.actor, 'evidence.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const defaults = { kind: 'physical' as const, title: input.title, collected_by: await actorDisplayName(uow.db, uow.actor), now: uow.now };
    const metadata = await checkEvidenceMetadata(uow.db, uow.actor.organisationId, uow.now, withEvidenceDefaults(input, defaults));
    const row = await createEvidenceItem(uow, incident, metadata, null);
    return toEvidenceRecord(uow.db, row);
  });
}
