import { createHash } from 'node:crypto';
import { invalid, stale } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { normaliseTags, type Resolution, type Severity, type Tlp } from '../../domain/incident.js';
import { timestampOrderProblems } from '../../domain/metrics.js';
import type { FunctionalImpact, InformationImpact, Recoverability } from '../../domain/severity.js';
import type { Instant } from '../../domain/time.js';
import { updateIncident as writeIncident } from '../../store/repositories/incidents.js';
import { insertMember, isActiveMember } from '../../store/repositories/members.js';
import type { IncidentRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { escalateIncident } from '../escalations/escalate-incident.js';
import { knownCategories } from '../settings.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import type { IncidentRecord } from './incident-record.js';
import { loadIncidentForChange } from './load-incident.js';

export interface IncidentChanges {
  title?: string;
  summary?: string;
  category?: string;
  severity?: Severity;
  functional_impact?: FunctionalImpact | null;
  information_impact?: InformationImpact | null;
  recoverability?: Recoverability | null;
  tlp?: Tlp;
  tags?: string[];
  restricted?: boolean;
  resolution?: Resolution | null;
  occurred_at?: Instant | null;
  detected_at?: Instant;
  reported_at?: Instant | null;
  acknowledged_at?: Instant | null;
  contained_at?: Instant | null;
  eradicated_at?: Instant | null;
  recovered_at?: Instant | null;
}

const fingerprint = (text: string) => ({ length: text.length, sha256: createHash('sha256').update(text).digest('hex') });

/** Edits an incident at the version the editor saw; a stale version is refused so no edit is lost silently. */
export async function updateIncident(ctx: ServiceContext, id: string, expectedVersion: number, changes: IncidentChanges): Promise<IncidentRecord> {
  authorize(ctx.actor, 'incident.update');
  return runInTransaction(ctx, async (uow) => {
    const before = await loadIncidentForChange(uow, id, expectedVersion);

    if (changes.category !== undefined && changes.category !== before.category) {
      const categories = await knownCategories(uow.db, uow.actor.organisationId);
      if (!categories.has(changes.category)) throw invalid(`"${changes.category}" is not a known incident category.`, [{ path: 'category', message: 'unknown category' }]);
    }
    if (changes.resolution !== undefined && before.phase !== 'closed') {
      throw invalid('A resolution is set when the incident is closed (with the transition to closed).', [{ path: 'resolution', message: 'only on closed incidents' }]);
    }
    if (changes.resolution === null && before.phase === 'closed') {
      throw invalid('A closed incident keeps a resolution.', [{ path: 'resolution', message: 'required on closed incidents' }]);
    }

    const next: Record<string, unknown> = { ...changes };
    if (changes.title !== undefined) next.title = changes.title.trim();
    if (changes.tags !== undefined) next.tags = normaliseTags(changes.tags);
    const changed = Object.keys(next).filter((field) => JSON.stringify(next[field]) !== JSON.stringify(before[field as keyof IncidentRecord]));
    if (changed.length === 0) return before;

    const after = { ...before, ...Object.fromEntries(changed.map((f) => [f, next[f]])) } as IncidentRecord;
    const order = timestampOrderProblems(after);
    if (order.length) throw invalid('Timestamps run backwards.', order.map((p) => ({ path: p.later, message: `must not be before ${p.earlier}` })));

    const columns: Partial<IncidentRow> = { updated_at: uow.now, updated_by: uow.actor.userId };
    for (const field of changed) if (field !== 'tags') (columns as Record<string, unknown>)[field] = next[field];
    const ok = await writeIncident(uow.db, before.id, before.version, columns, changed.includes('tags') ? after.tags : undefined);
    if (!ok) throw stale(before.version + 1);

    if (after.restricted && !before.restricted && uow.actor.role !== 'admin' && !(await isActiveMember(uow.db, before.id, uow.actor.userId))) {
      await insertMember(uow.db, { id: newId('incidentMember'), organisation_id: before.organisation_id, incident_id: before.id, user_id: uow.actor.userId, role: 'observer', assigned_at: uow.now, assigned_by: uow.actor.userId, released_at: null, released_by: null });
    }

    const describe = (field: string, record: IncidentRecord) => (field === 'summary' ? fingerprint(record.summary) : record[field as keyof IncidentRecord]);
    const diff = Object.fromEntries(changed.map((f) => [f, { from: describe(f, before), to: describe(f, after) }]));
    const result: IncidentRecord = { ...after, updated_at: uow.now, updated_by: uow.actor.userId, version: before.version + 1 };
    await recordTimelineEntry(uow, result, { kind: 'incident_updated', body: `Changed ${changed.join(', ')}`, details: { fields: changed, changes: diff } });
    await uow.audit('incident.update', { type: 'incident', id: before.id }, { version: result.version, changes: diff });
    uow.emit({ type: 'incident.updated', incident_id: before.id, restricted: result.restricted || before.restricted, entity_id: before.id, version: result.version });
    if (changed.includes('severity')) await escalateIncident(uow, result, 'severity_changed', before.severity as Severity);
    return result;
  });
}
