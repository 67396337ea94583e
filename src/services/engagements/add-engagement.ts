import { checkEngagedAt, ENGAGEMENT_STATUS_LABELS, partyContactLine, partyContractLine, type EngagementStatus } from '../../domain/engagements.js';
import { invalid } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { THIRD_PARTY_KIND_LABELS, type ThirdPartyKind } from '../../domain/plan.js';
import { toInstant, type Instant } from '../../domain/time.js';
import { findEngagement, insertEngagement } from '../../store/repositories/engagements.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { planInForce } from '../plan/plan-in-force.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toEngagementRecord, type EngagementRecord } from './engagement-record.js';

/** Either a third party of the plan in force (`party_id`) or one typed by hand (`kind` and `name`). */
export interface AddEngagementInput {
  party_id?: string | undefined;
  kind?: ThirdPartyKind | undefined;
  name?: string | undefined;
  contact?: string | undefined;
  contract_reference?: string | undefined;
  privileged?: boolean | undefined;
  engaged_at?: Instant | undefined;
  status?: EngagementStatus | undefined;
  notes?: string | undefined;
}

/**
 * Records that a third party was called on an incident. From the plan, its name, kind, contact line
 * (hotline first) and contract or policy number are copied, so the record stays true when the plan
 * changes later; anything given in the input wins.
 */
export async function addEngagement(ctx: ServiceContext, incidentIdOrNumber: string, input: AddEngagementInput): Promise<EngagementRecord> {
  authorize(ctx.actor, 'incident.update');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentIdOrNumber);
    let party: { kind: ThirdPartyKind; name: string; contact: string; contract_reference: string } | null = null;
    if (input.party_id) {
      const plan = await planInForce(uow.db, incident.organisation_id);
      const found = plan?.content.third_parties?.find((p) => p.id === input.party_id);
      if (!found) {
        throw invalid(plan ? `The plan in force (version ${plan.plan_version}) has no third party "${input.party_id}".` : 'There is no approved response plan to take the third party from; type the party by hand.', [
          { path: 'body.party_id', message: 'not a third party of the plan in force' },
        ]);
      }
      party = { kind: found.kind, name: found.name, contact: partyContactLine(found), contract_reference: partyContractLine(found) };
    } else if (!input.kind || !input.name?.trim()) {
      throw invalid('Name the third party: choose one from the plan (party_id) or give its kind and name.', [
        ...(!input.kind ? [{ path: 'body.kind', message: 'required without party_id' }] : []),
        ...(!input.name?.trim() ? [{ path: 'body.name', message: 'required without party_id' }] : []),
      ]);
    }
    const engagedAt = input.engaged_at ? toInstant(input.engaged_at) : uow.now;
    checkEngagedAt(engagedAt, uow.now);

    const id = newId('engagement');
    const row = {
      id,
      organisation_id: incident.organisation_id,
      incident_id: incident.id,
      party_id: input.party_id ?? null,
      kind: input.kind ?? party!.kind,
      name: input.name?.trim() || party!.name,
      contact: (input.contact ?? party?.contact ?? '').trim(),
      contract_reference: (input.contract_reference ?? party?.contract_reference ?? '').trim(),
      privileged: input.privileged ?? false,
      engaged_at: engagedAt,
      status: input.status ?? 'requested',
      notes: input.notes ?? '',
      created_at: uow.now,
      created_by: uow.actor.userId,
      updated_at: uow.now,
      updated_by: uow.actor.userId,
      version: 1,
    };
    await insertEngagement(uow.db, row);

    const facts = { engagement_id: id, party_id: row.party_id, kind: row.kind, name: row.name, status: row.status, privileged: row.privileged, contract_reference: row.contract_reference, engaged_at: engagedAt };
    const label = THIRD_PARTY_KIND_LABELS[row.kind] ?? row.kind;
    const body = `${label} ${row.name}: ${ENGAGEMENT_STATUS_LABELS[row.status].toLowerCase()}${row.privileged ? ' (under legal privilege)' : ''}`;
    await recordTimelineEntry(uow, incident, { kind: 'engagement_added', body, details: facts, occurred_at: engagedAt });
    await uow.audit('engagement.create', { type: 'engagement', id }, { incident_id: incident.id, ...facts });
    uow.emit({ type: 'engagement.created', incident_id: incident.id, restricted: incident.restricted, entity_id: id, version: 1 });
    return toEngagementRecord((await findEngagement(uow.db, incident.organisation_id, id))!);
  });
}
