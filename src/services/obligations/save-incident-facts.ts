import { BulwarkError, invalid, stale, type FieldProblem } from '../../domain/errors.js';
import { factProblems } from '../../domain/obligations/facts.js';
import type { StoredIncidentFacts, StoredOrganisationProfile } from '../../domain/obligations/incident-facts.js';
import type { DecisionRecord } from '../../domain/obligations/types.js';
import { toInstant } from '../../domain/time.js';
import { readBool } from '../../store/dialect.js';
import { currentDecisions } from '../../store/repositories/decisions.js';
import { findIncidentFacts, insertIncidentFacts, updateIncidentFacts } from '../../store/repositories/incident-facts.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { clockDecisions, storedFactsOf, toFactsRecord, type IncidentFactsRecord } from './facts-record.js';
import { profileOf } from './profile-of.js';
import { recomputeObligations } from './recompute-obligations.js';

/**
 * Facts that contradict each other (or the decisions already signed) are refused, one problem per
 * field, paths as in the request body (`affected_people`, `decisions.0.kind` for a signed decision).
 */
export function storedFactProblems(facts: StoredIncidentFacts, profile: StoredOrganisationProfile, decisions: DecisionRecord[], breachDecision?: { outcome: boolean; decided_at: string }): FieldProblem[] {
  const problems = factProblems({ organisation: profile, incident: facts, decisions })
    .filter((p) => !p.path.startsWith('organisation.'))
    .map((p) => (p.path.startsWith('incident.') ? { ...p, path: p.path.slice('incident.'.length) } : { ...p, message: `a signed decision: ${p.message}` }));
  if (!facts.personal_data) {
    if (facts.data_categories.length) problems.push({ path: 'data_categories', message: 'contradicts personal_data: false — categories of personal data mean personal data is involved' });
    if (facts.subject_categories.length) problems.push({ path: 'subject_categories', message: 'contradicts personal_data: false — there are no data subjects without personal data' });
  }
  if (breachDecision && breachDecision.outcome !== facts.personal_data) {
    problems.push({ path: 'personal_data', message: `contradicts the signed decision "personal data breach: ${breachDecision.outcome ? 'yes' : 'no'}" (decided ${breachDecision.decided_at}); sign a new decision to change it` });
  }
  if (facts.affected_records !== undefined && facts.affected_records < 0) problems.push({ path: 'affected_records', message: 'cannot be negative' });
  return problems;
}

/** Writes new facts (checked) with their audit and timeline entries, then recomputes the obligations. Caller holds the incident lock. */
export async function writeIncidentFacts(uow: UnitOfWork, incident: IncidentRecord, facts: StoredIncidentFacts, expectedVersion: number | undefined, because: string): Promise<{ record: IncidentFactsRecord; created: boolean; changed: string[] }> {
  const existing = await findIncidentFacts(uow.db, incident.id);
  if (existing && expectedVersion === undefined) throw new BulwarkError('precondition_required', 'The facts exist already: say which version you are editing (If-Match: "<version>", the ETag you got, or a version field).');
  const current = existing ? Number(existing.version) : 0;
  if (expectedVersion !== undefined && expectedVersion !== current) throw stale(current);

  const normalised: StoredIncidentFacts = { ...facts, aware_at: toInstant(facts.aware_at), ...(facts.discovered_at ? { discovered_at: toInstant(facts.discovered_at) } : {}) };
  const profile = await profileOf(uow.db, incident.organisation_id);
  const decisions = await currentDecisions(uow.db, incident.id);
  const breach = decisions.find((d) => d.kind === 'personal_data_breach');
  const problems = storedFactProblems(normalised, profile, clockDecisions(decisions), breach && { outcome: readBool(breach.outcome), decided_at: breach.decided_at });
  if (problems.length) throw invalid(`The incident facts contradict each other or are incomplete: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, problems);

  const before = existing ? storedFactsOf(existing) : undefined;
  const keys = [...new Set([...Object.keys(normalised), ...Object.keys(before ?? {})])] as Array<keyof StoredIncidentFacts>;
  const changed = keys.filter((k) => JSON.stringify(normalised[k]) !== JSON.stringify(before?.[k])).sort();
  if (existing && changed.length === 0) return { record: toFactsRecord(existing), created: false, changed };
  const stamp = { updated_at: uow.now, updated_by: uow.actor.userId };
  if (existing) {
    if (!(await updateIncidentFacts(uow.db, incident.id, current, { facts: normalised, ...stamp }))) throw stale(current + 1);
  } else {
    await insertIncidentFacts(uow.db, { incident_id: incident.id, organisation_id: incident.organisation_id, facts: normalised, ...stamp, version: 1 });
  }
  const version = current + 1;
  await uow.audit(existing ? 'incident_facts.update' : 'incident_facts.create', { type: 'incident', id: incident.id }, { version, changed, because });
  await recordTimelineEntry(uow, incident, { kind: 'facts_updated', body: `Incident facts ${existing ? 'updated' : 'recorded'} (${because}): ${changed.join(', ')}`, details: { version, changed } });
  uow.emit({ type: 'incident_facts.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: incident.id, version });
  await recomputeObligations(uow, incident, 'the incident facts changed');
  return { record: { incident_id: incident.id, ...normalised, version, ...stamp }, created: !existing, changed };
}

/**
 * Records the facts the obligations engine reads (the first save creates them; later saves need the
 * version the writer saw) and recomputes the incident's obligations in the same transaction.
 */
export async function saveIncidentFacts(ctx: ServiceContext, incidentId: string, expectedVersion: number | undefined, facts: StoredIncidentFacts): Promise<{ facts: IncidentFactsRecord; created: boolean }> {
  authorize(ctx.actor, 'obligation.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const { record, created } = await writeIncidentFacts(uow, incident, facts, expectedVersion, 'entered');
    return { facts: record, created };
  });
}
