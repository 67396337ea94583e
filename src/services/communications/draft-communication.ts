import { AUDIENCE_LABELS, type Audience, type Channel } from '../../domain/plan.js';
import type { CommunicationKind } from '../../domain/communication-workflow.js';
import { invalid, notFound, type FieldProblem } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { writeJson } from '../../store/dialect.js';
import { findCommunication, insertCommunication } from '../../store/repositories/communications.js';
import type { CommunicationRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { priorIdempotentResult, rememberIdempotentResult, type IdempotencyRequest } from '../idempotency.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { planInForce } from '../plan/plan-in-force.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toCommunicationRecord, type CommunicationRecord } from './communication-record.js';
import { checkRecipients, composeText } from './compose-text.js';
import { templateValues } from './template-values.js';

export interface DraftCommunicationInput {
  /** A template of the plan in force; what it does not say (audience, channel, text) must be given. */
  template_id?: string | undefined;
  audience?: Audience | undefined;
  channel?: Channel | undefined;
  kind?: CommunicationKind | undefined;
  subject?: string | undefined;
  body?: string | undefined;
  recipients?: string[] | undefined;
}

/**
 * Drafts a communication, from a template of the plan in force or by hand. Variables are filled with
 * the incident's values now; one without a value shows as `[name]` and is listed in `gaps`.
 */
export async function draftCommunication(ctx: ServiceContext, incidentId: string, input: DraftCommunicationInput, idempotency?: IdempotencyRequest): Promise<{ communication: CommunicationRecord; replayed: boolean }> {
  authorize(ctx.actor, 'communication.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const priorId = await priorIdempotentResult(uow, idempotency);
    if (priorId) {
      const prior = await findCommunication(uow.db, uow.actor.organisationId, priorId);
      if (!prior) throw notFound(`Communication ${priorId}`);
      return { communication: await toCommunicationRecord(uow.db, prior), replayed: true };
    }
    const plan = await planInForce(uow.db, incident.organisation_id);
    let template;
    if (input.template_id) {
      if (!plan) throw invalid('There is no approved response plan, so there are no templates yet; write the communication by hand or approve a plan under Preparedness.', [{ path: 'template_id', message: 'no plan in force' }]);
      template = plan.content.templates.find((t) => t.id === input.template_id);
      if (!template) throw invalid(`The plan in force (version ${plan.plan_version}) has no template ${input.template_id}.`, [{ path: 'template_id', message: 'not a template of the plan in force' }]);
    }
    const audience = input.audience ?? template?.audience;
    const channel = input.channel ?? template?.channel;
    const subject = input.subject ?? template?.subject;
    const body = input.body ?? template?.body;
    const missing: FieldProblem[] = [];
    if (!audience) missing.push({ path: 'audience', message: 'required without a template' });
    if (!channel) missing.push({ path: 'channel', message: 'required without a template' });
    if (subject === undefined || !subject.trim()) missing.push({ path: 'subject', message: 'required without a template' });
    if (body === undefined || !body.trim()) missing.push({ path: 'body', message: 'required without a template' });
    if (missing.length || !audience || !channel || subject === undefined || body === undefined) throw invalid('Say who it is for, through which channel, and what it says (or pick a template).', missing);

    const text = composeText({ subject, body }, await templateValues(uow.db, incident, plan?.content ?? null, uow.now));
    const recipients = checkRecipients(channel, input.recipients ?? []);
    const kind: CommunicationKind = input.kind ?? (template?.holding_statement ? 'holding_statement' : 'message');
    const row: CommunicationRow = {
      id: newId('communication'),
      organisation_id: incident.organisation_id,
      incident_id: incident.id,
      audience,
      channel,
      kind,
      template_id: template?.id ?? null,
      subject: text.subject,
      body: text.body,
      recipients: writeJson(recipients),
      status: 'draft',
      legal_reviewed_at: null,
      legal_reviewed_by: null,
      approved_at: null,
      approved_by: null,
      sent_at: null,
      sent_by: null,
      created_at: uow.now,
      created_by: uow.actor.userId,
      updated_at: uow.now,
      updated_by: uow.actor.userId,
      version: 1,
    };
    await insertCommunication(uow.db, row);
    const from = template ? ` from template “${template.name}”` : '';
    await recordTimelineEntry(uow, incident, { kind: 'communication_drafted', body: `Communication to ${AUDIENCE_LABELS[audience].toLowerCase()} drafted${from}: ${row.subject}`, details: { communication_id: row.id, audience, channel, kind, template_id: row.template_id, status: 'draft' } });
    await uow.audit('communication.draft', { type: 'communication', id: row.id }, { incident_id: incident.id, audience, channel, kind, template_id: row.template_id, plan_version: template ? plan?.plan_version : null });
    uow.emit({ type: 'communication.drafted', incident_id: incident.id, restricted: incident.restricted, entity_id: row.id, version: 1 });
    await rememberIdempotentResult(uow, idempotency, row.id);
    return { communication: await toCommunicationRecord(uow.db, row), replayed: false };
  });
}
