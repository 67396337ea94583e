import { invalid, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { formatIncidentNumber, normaliseTags, type Resolution, type Severity, type Tlp } from '../../domain/incident.js';
import { timestampOrderProblems } from '../../domain/metrics.js';
import { suggestSeverity, type ImpactRatings } from '../../domain/severity.js';
import { yearOf, type Instant } from '../../domain/time.js';
import { findIncident, insertIncident, nextCounterValue } from '../../store/repositories/incidents.js';
import { insertMember } from '../../store/repositories/members.js';
import { findUser } from '../../store/repositories/people.js';
import type { ServiceContext } from '../context.js';
import { priorIdempotentResult, rememberIdempotentResult, type IdempotencyRequest } from '../idempotency.js';
import { authorize } from '../policies/authorize.js';
import { escalateIncident } from '../escalations/escalate-incident.js';
import { knownCategories } from '../settings.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { toIncidentRecord, type IncidentRecord } from './incident-record.js';

export interface CreateIncidentInput extends ImpactRatings {
  title: string;
  summary?: string | undefined;
  category: string;
  severity?: Severity | undefined;
  tlp?: Tlp | undefined;
  tags?: string[] | undefined;
  restricted?: boolean | undefined;
  occurred_at?: Instant | null | undefined;
  detected_at?: Instant | undefined;
  reported_at?: Instant | null | undefined;
  /** The person who takes command; assigning one acknowledges the incident. */
  commander_id?: string | undefined;
}

export interface CreateIncidentResult {
  incident: IncidentRecord;
  /** True when an Idempotency-Key replay returned the incident created earlier. */
  replayed: boolean;
}

export async function createIncident(ctx: ServiceContext, input: CreateIncidentInput, idempotency?: IdempotencyRequest): Promise<CreateIncidentResult> {
  authorize(ctx.actor, 'incident.create');
  return runInTransaction(ctx, async (uow) => {
    const priorId = await priorIdempotentResult(uow, idempotency);
    if (priorId) {
      const prior = await findIncident(uow.db, uow.actor.organisationId, priorId, null);
      if (!prior) throw notFound(`Incident ${priorId}`);
      return { incident: toIncidentRecord(prior), replayed: true };
    }
    const incident = await openIncident(uow, input);
    await rememberIdempotentResult(uow, idempotency, incident.id);
    return { incident, replayed: false };
  });
}

/** Opens an incident inside the caller's transaction (also used when alerts are promoted). Caller has authorised incident.create. */
export async function openIncident(uow: UnitOfWork, input: CreateIncidentInput): Promise<IncidentRecord> {
  const categories = await knownCategories(uow.db, uow.actor.organisationId);
  if (!categories.has(input.category)) {
    throw invalid(`"${input.category}" is not a known incident category.`, [
      { path: 'category', message: `one of: ${[...categories].join(', ')}` },
    ]);
  }
  const detectedAt = input.detected_at ?? uow.now;
  const timestamps = { occurred_at: input.occurred_at ?? null, detected_at: detectedAt, reported_at: input.reported_at ?? null };
  const order = timestampOrderProblems(timestamps);
  if (order.length) {
    throw invalid('Timestamps run backwards.', order.map((p) => ({ path: p.later, message: `must not be before ${p.earlier}` })));
  }
  if (input.commander_id) {
    const commander = await findUser(uow.db, uow.actor.organisationId, input.commander_id);
    if (!commander || commander.disabled_at) throw invalid('The incident commander must be an active user.', [{ path: 'commander_id', message: 'unknown or disabled user' }]);
  }

  const sequence = await nextCounterValue(uow.db, uow.actor.organisationId, 'incident', String(yearOf(uow.now)));
  const tags = normaliseTags(input.tags ?? []);
  const severity: Severity = input.severity ?? suggestSeverity(input) ?? 3;
  const row = {
    id: newId('incident'),
    organisation_id: uow.actor.organisationId,
    number: formatIncidentNumber(yearOf(uow.now), sequence),
    title: input.title.trim(),
    summary: input.summary ?? '',
    category: input.category,
    severity,
    functional_impact: input.functional_impact ?? null,
    information_impact: input.information_impact ?? null,
    recoverability: input.recoverability ?? null,
    tlp: input.tlp ?? 'amber',
    tags,
    restricted: input.restricted ?? false,
    phase: 'detection',
    resolution: null as Resolution | null,
    ...timestamps,
    acknowledged_at: input.commander_id ? uow.now : null,
    contained_at: null,
    eradicated_at: null,
    recovered_at: null,
    closed_at: null,
    review_completed_at: null,
    review_completed_by: null,
    created_at: uow.now,
    created_by: uow.actor.userId,
    updated_at: uow.now,
    updated_by: uow.actor.userId,
    version: 1,
  };
  await insertIncident(uow.db, row, tags);
  const incident: IncidentRecord = { ...row, phase: 'detection' };

  const member = (user_id: string, role: string) =>
    insertMember(uow.db, { id: newId('incidentMember'), organisation_id: row.organisation_id, incident_id: row.id, user_id, role, assigned_at: uow.now, assigned_by: uow.actor.userId, released_at: null, released_by: null });
  if (input.commander_id) await member(input.commander_id, 'incident_commander');
  // Whoever restricts an incident keeps seeing it.
  if (row.restricted && uow.actor.role !== 'admin' && input.commander_id !== uow.actor.userId) await member(uow.actor.userId, 'observer');

  await recordTimelineEntry(uow, incident, {
    kind: 'incident_opened',
    body: `Opened ${row.number}: ${row.title}`,
    details: { severity, category: row.category, commander_id: input.commander_id ?? null },
  });
  await uow.audit('incident.create', { type: 'incident', id: row.id }, { number: row.number, title: row.title, severity, category: row.category, restricted: row.restricted });
  uow.emit({ type: 'incident.created', incident_id: row.id, restricted: row.restricted, entity_id: row.id, version: 1 });
  await escalateIncident(uow, incident, 'opened');
  return incident;
}

