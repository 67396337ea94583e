import { findIncident, lockIncident } from '../../store/repositories/incidents.js';
import { findEscalationByTokenHash } from '../../store/repositories/escalations.js';
import { hashSecret } from '../auth/secrets.js';
import { systemActor, type ServiceDeps } from '../context.js';
import { toIncidentRecord } from '../incidents/incident-record.js';
import { runInTransaction } from '../transaction.js';
import { recordAcknowledgement } from './record-acknowledgement.js';

/** What the acknowledgement page shows: enough to know what is acknowledged, nothing a restricted incident hides. */
export interface LinkedCall {
  contact_name: string;
  incident_number: string;
  /** Null on restricted incidents. */
  incident_title: string | null;
  severity: number;
  notified_at: string;
  acknowledged_at: string | null;
}

/** The call a link's secret names (looked up by its SHA-256), or null for an unknown secret. Reading it changes nothing. */
export async function findLinkedCall(deps: ServiceDeps, token: string): Promise<LinkedCall | null> {
  if (!token.startsWith('ack_') || token.length > 200) return null;
  const escalation = await findEscalationByTokenHash(deps.database.db, hashSecret(token));
  if (!escalation) return null;
  const incident = await findIncident(deps.database.db, escalation.organisation_id, escalation.incident_id, null);
  if (!incident) return null;
  const record = toIncidentRecord(incident);
  return {
    contact_name: escalation.contact_name,
    incident_number: record.number,
    incident_title: record.restricted ? null : record.title,
    severity: escalation.severity,
    notified_at: escalation.notified_at,
    acknowledged_at: escalation.acknowledged_at,
  };
}

/**
 * Acknowledges by the e-mailed link, without signing in: the secret is the proof. Recorded once
 * (a second POST gets 409 with the first time); the acknowledgement is the called person's.
 */
export async function acknowledgeByLink(deps: ServiceDeps, token: string): Promise<LinkedCall | null> {
  if (!token.startsWith('ack_') || token.length > 200) return null;
  const found = await findEscalationByTokenHash(deps.database.db, hashSecret(token));
  if (!found) return null;
  const ctx = { ...deps, actor: { ...systemActor(found.organisation_id), name: found.contact_name } };
  await runInTransaction(ctx, async (uow) => {
    const incident = toIncidentRecord((await lockIncident(uow.db, uow.engine, found.organisation_id, found.incident_id))!);
    const escalation = (await findEscalationByTokenHash(uow.db, hashSecret(token)))!;
    await recordAcknowledgement(uow, incident, escalation, { by: escalation.user_id, via: 'link' });
  });
  return findLinkedCall(deps, token);
}

