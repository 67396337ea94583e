import { can } from '../../domain/access.js';
import {
  checkedOutBy,
  custodyEffect,
  custodyRefusal,
  occurredAtProblem,
  receiptSignature,
  RECEIPT_STATEMENT,
  signatureProblems,
  TIMELINE_CUSTODY_ACTIONS,
  type PersonCustodyAction,
  type SignatureInput,
} from '../../domain/custody.js';
import type { EvidenceStatus } from '../../domain/evidence.js';
import { BulwarkError, invalid, stale } from '../../domain/errors.js';
import { GENESIS_HASH } from '../../domain/hash-chain.js';
import { toInstant } from '../../domain/time.js';
import { listCustodyEvents } from '../../store/repositories/custody-events.js';
import { updateEvidenceItem } from '../../store/repositories/evidence-items.js';
import { isActiveMember } from '../../store/repositories/members.js';
import { findUser, userNamesById } from '../../store/repositories/people.js';
import type { EvidenceItemRow } from '../../store/schema.js';
import { SYSTEM_USER_ID, type ServiceContext } from '../context.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { toCustodyEventRecords, type CustodyEventRecord } from './list-custody.js';
import { loadEvidenceForChange } from './load-evidence.js';
import { recordCustodyEvent } from './record-custody-event.js';

/** A custody event as a person records it. */
export interface CustodyEventRequest {
  action: string;
  to_user_id?: string | undefined;
  /** When it happened, if earlier than now (a hand-over on paper recorded later). */
  occurred_at?: string | undefined;
  location?: string | undefined;
  purpose?: string | undefined;
  notes?: string | undefined;
  /** The receiving person's signature; only on `received`. */
  signature?: SignatureInput | undefined;
}

/**
 * Records a hand-over, receipt, check-out/in, analysis, copy or return on an item's chain of custody.
 * Who may record what is decided by the custody rules (domain/custody.ts); a receipt is signed by the
 * receiving person, and the signature is bound to the item and to this point of its chain.
 */
export async function recordCustody(ctx: ServiceContext, evidenceId: string, request: CustodyEventRequest): Promise<CustodyEventRecord> {
  authorize(ctx.actor, 'evidence.write');
  return runInTransaction(ctx, async (uow) => {
    const { item, incident } = await loadEvidenceForChange(uow, evidenceId);
    const events = await listCustodyEvents(uow.db, item.id);
    const names = await userNamesById(uow.db, [item.holder_id, item.pending_holder_id].filter((id): id is string => Boolean(id)));
    const actorId = uow.actor.userId;
    const state = { number: item.number, status: item.status as EvidenceStatus, holder_id: item.holder_id, pending_holder_id: item.pending_holder_id, checked_out_by: checkedOutBy(events), holder_is_system: item.holder_id === SYSTEM_USER_ID };
    const refusal = custodyRefusal(state, actorId, request.action, request, (id) => (id === SYSTEM_USER_ID ? 'System' : (names.get(id) ?? id)));
    if (refusal) throw new BulwarkError(refusal.kind, refusal.message, refusal.path ? { errors: [{ path: refusal.path, message: refusal.message }] } : {});
    const action = request.action as PersonCustodyAction;

    if (request.signature && action !== 'received') throw invalid('Only a receipt is signed; leave signature out.', [{ path: 'signature', message: `not used on "${action}"` }]);
    if (action === 'transferred') await checkReceiver(uow, incident, request.to_user_id!);
    const lastTransfer = action === 'received' && item.pending_holder_id ? events.filter((e) => e.action === 'transferred').at(-1) : undefined;
    const occurredAt = request.occurred_at ? toInstant(request.occurred_at) : uow.now;
    const timeProblem = occurredAtProblem(occurredAt, uow.now, item.collected_at, lastTransfer && { at: lastTransfer.occurred_at, what: 'the hand-over it receives' });
    if (timeProblem) throw invalid(`The time it happened ${timeProblem}.`, [{ path: 'occurred_at', message: timeProblem }]);

    const effect = custodyEffect(item, actorId, action, request.to_user_id ?? null);
    let signature: string | null = null;
    const details: Record<string, unknown> = request.notes ? { notes: request.notes } : {};
    if (action === 'received') {
      const receiver = await findUser(uow.db, uow.actor.organisationId, actorId);
      const accountName = receiver?.name ?? '';
      const problems = signatureProblems(request.signature, accountName);
      if (problems.length) throw invalid('The receipt is not signed as it must be; see errors.', problems);
      const name = request.signature!.name.trim().replace(/\s+/g, ' ');
      signature = receiptSignature({ evidence_id: item.id, sha256: item.blob_sha256, prev_hash: events.at(-1)?.hash ?? GENESIS_HASH, name, user_id: actorId, signed_at: uow.now });
      details.statement = RECEIPT_STATEMENT;
    }

    const row = await recordCustodyEvent(uow, item, incident, {
      action,
      from_user_id: effect.from_user_id,
      to_user_id: effect.to_user_id,
      occurred_at: occurredAt,
      location: request.location ?? '',
      purpose: request.purpose ?? '',
      details,
      signature,
    });
    const changes: Partial<EvidenceItemRow> = {};
    if (effect.holder_id !== undefined) changes.holder_id = effect.holder_id;
    if (effect.pending_holder_id !== undefined) changes.pending_holder_id = effect.pending_holder_id;
    if (Object.keys(changes).length > 0) {
      const version = Number(item.version);
      if (!(await updateEvidenceItem(uow.db, item.id, version, { ...changes, updated_at: uow.now, updated_by: actorId }))) throw stale(version + 1);
      uow.emit({ type: 'evidence.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: item.id, version: version + 1 });
    }
    const [record] = await toCustodyEventRecords(uow.db, [row]);
    if (TIMELINE_CUSTODY_ACTIONS.has(action)) await recordHandOver(uow, incident, item, record!);
    await uow.audit('evidence.custody', { type: 'evidence', id: item.id }, { action, seq: row.seq, custody_event_id: row.id, from_user_id: row.from_user_id, to_user_id: row.to_user_id, occurred_at: row.occurred_at });
    return record!;
  });
}

/** Whom an item is handed to must be able to hold it: an active user who works with evidence and can see the incident. */
async function checkReceiver(uow: UnitOfWork, incident: IncidentRecord, userId: string): Promise<void> {
  const refuse = (message: string) => invalid(message, [{ path: 'to_user_id', message }]);
  const user = await findUser(uow.db, uow.actor.organisationId, userId);
  if (!user) throw refuse(`${userId} is not a user of this organisation.`);
  if (user.disabled_at) throw refuse(`${user.name}'s account is disabled; they cannot receive evidence.`);
  if (!can(user.role as Parameters<typeof can>[0], 'evidence.write')) throw refuse(`${user.name} (${user.role}) cannot hold evidence; hand it to a responder, analyst, incident manager or administrator.`);
  if (incident.restricted && user.role !== 'admin' && !(await isActiveMember(uow.db, incident.id, user.id))) {
    throw refuse(`${user.name} cannot see incident ${incident.number} (it is restricted to its members); add them to the incident first.`);
  }
}

async function recordHandOver(uow: UnitOfWork, incident: IncidentRecord, item: EvidenceItemRow, event: CustodyEventRecord): Promise<void> {
  const locked = await loadIncidentForChange(uow, incident.id);
  const what = `${item.number} (${item.title})`;
  const body =
    event.action === 'transferred'
      ? `${event.actor.name} handed ${what} over to ${event.to_user?.name ?? 'someone'}; waiting for their signature.`
      : `${event.actor.name} received ${what}${event.from_user ? ` from ${event.from_user.name}` : ''} and signed for it.`;
  await recordTimelineEntry(uow, locked, {
    kind: 'evidence_custody',
    body,
    occurred_at: event.occurred_at,
    details: { evidence_id: item.id, evidence_number: item.number, custody_event_id: event.id, action: event.action, from_user_id: event.from_user?.id ?? null, to_user_id: event.to_user?.id ?? null },
  });
}
