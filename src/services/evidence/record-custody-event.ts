import type { CustodyAction } from '../../domain/evidence.js';
import type { Instant } from '../../domain/time.js';
import { appendCustodyEvent } from '../../store/repositories/custody-events.js';
import type { CustodyEventRow, EvidenceItemRow } from '../../store/schema.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import type { UnitOfWork } from '../transaction.js';

export interface CustodyEventDraft {
  action: CustodyAction;
  from_user_id?: string | null;
  to_user_id?: string | null;
  occurred_at?: Instant;
  location?: string;
  purpose?: string;
  details?: Record<string, unknown>;
  signature?: string | null;
}

/**
 * Appends one event to the item's custody chain, by the acting user, and announces it. The caller has
 * loaded the item with loadEvidenceForChange (row lock) and checked the custody rules.
 */
export async function recordCustodyEvent(uow: UnitOfWork, item: Pick<EvidenceItemRow, 'id' | 'organisation_id'>, incident: Pick<IncidentRecord, 'id' | 'restricted'>, draft: CustodyEventDraft): Promise<CustodyEventRow> {
  const row = await appendCustodyEvent(uow.db, {
    organisation_id: item.organisation_id,
    evidence_id: item.id,
    action: draft.action,
    actor_id: uow.actor.userId,
    from_user_id: draft.from_user_id ?? null,
    to_user_id: draft.to_user_id ?? null,
    occurred_at: draft.occurred_at ?? uow.now,
    recorded_at: uow.now,
    location: draft.location ?? '',
    purpose: draft.purpose ?? '',
    details: draft.details ?? {},
    signature: draft.signature ?? null,
  });
  uow.emit({ type: 'evidence.custody', incident_id: incident.id, restricted: incident.restricted, entity_id: item.id });
  return row;
}
