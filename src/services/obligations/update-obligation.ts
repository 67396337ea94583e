import { notFound, stale } from '../../domain/errors.js';
import type { ObligationStatus } from '../../domain/obligations/incident-facts.js';
import { checkObligationChange, type ObligationChange } from '../../domain/obligations/status.js';
import { toInstant } from '../../domain/time.js';
import { findObligation, updateObligation as storeObligationChange, type ObligationChanges } from '../../store/repositories/obligations.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorizeObligationChange } from '../policies/decision-authority.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toObligationView, type ObligationView } from './obligation-record.js';
import { profileOf } from './profile-of.js';

/**
 * Records what happened to an obligation: drafted, submitted (with the recipient's reference, when,
 * and the reasons for a delay when late), or not required (with the reason). Needs the version seen.
 */
export async function updateObligation(ctx: ServiceContext, obligationId: string, expectedVersion: number, change: ObligationChange): Promise<ObligationView> {
  return runInTransaction(ctx, async (uow) => {
    const found = await findObligation(uow.db, uow.actor.organisationId, obligationId);
    if (!found) throw notFound(`Obligation ${obligationId}`);
    // Through the incident, so a restricted incident's obligation is invisible to non-members (404).
    const incident = await loadIncidentForChange(uow, found.incident_id);
    await authorizeObligationChange(uow.db, uow.actor, incident.id);
    const row = (await findObligation(uow.db, uow.actor.organisationId, obligationId))!;
    if (Number(row.version) !== expectedVersion) throw stale(Number(row.version));
    const normalised: ObligationChange = change.status === 'submitted' && change.submitted_at ? { ...change, submitted_at: toInstant(change.submitted_at) } : change;
    checkObligationChange({ status: row.status as ObligationStatus, deadline: row.deadline }, normalised, uow.now);

    const stamp = { updated_at: uow.now, updated_by: uow.actor.userId };
    let changes: ObligationChanges;
    let body: string;
    const name = `${row.regime} ${row.stage.replaceAll('_', ' ')}${row.state ? ` (${row.state})` : ''}`;
    if (normalised.status === 'submitted') {
      const late = row.deadline !== null && normalised.submitted_at! > row.deadline;
      changes = { status: 'submitted', reference: normalised.reference!.trim(), submitted_at: normalised.submitted_at!, delay_reason: late ? normalised.delay_reason!.trim() : (normalised.delay_reason ?? '').trim(), ...stamp };
      body = `Obligation ${name} submitted to ${row.recipient} at ${normalised.submitted_at}, reference ${changes.reference}${late ? ` — late; reasons for the delay: ${changes.delay_reason}` : ''}`;
    } else if (normalised.status === 'not_required') {
      changes = { status: 'not_required', status_reason: normalised.reason!.trim(), ...stamp };
      body = `Obligation ${name} marked not required: ${changes.status_reason}`;
    } else {
      changes = { status: 'drafted', ...stamp };
      body = `Obligation ${name} drafted`;
    }
    const version = Number(row.version);
    if (!(await storeObligationChange(uow.db, row.id, version, changes))) throw stale(version + 1);
    await uow.audit('obligation.update', { type: 'obligation', id: row.id }, { incident_id: incident.id, from: row.status, ...changes });
    await recordTimelineEntry(uow, incident, { kind: 'obligation_updated', body, details: { obligation_id: row.id, status: changes.status } });
    uow.emit({ type: 'obligation.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: row.id, version: version + 1 });
    const zone = (await profileOf(uow.db, uow.actor.organisationId)).timezone;
    return toObligationView({ ...row, ...changes, version: version + 1 }, zone, uow.now);
  });
}
