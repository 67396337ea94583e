import type { IngestOutcome } from '../../domain/ingestion.js';
import type { TheHiveAlertBody } from '../routes/thehive/schema.js';

const STATUS: Record<IngestOutcome, string> = {
  created: 'New', repeated: 'Updated', deduplicated: 'Updated', attached: 'Imported', snoozed: 'Ignored', rejected: 'Ignored',
};

/**
 * The answer TheHive would give for a created alert, in both of its versions' field names
 * (`_id`/`id`, `_createdAt`/`createdAt`), so senders that read the id back find it.
 */
export function presentTheHiveAlert(body: TheHiveAlertBody, result: { outcome: IngestOutcome; alert_id: string | null; incident_id?: string | undefined }, at: string, actorId: string) {
  const created = Date.parse(at);
  return {
    _id: result.alert_id,
    id: result.alert_id,
    _type: 'alert',
    _createdBy: actorId,
    createdBy: actorId,
    _createdAt: created,
    createdAt: created,
    type: body.type,
    source: body.source,
    sourceRef: body.sourceRef,
    title: body.title,
    description: body.description ?? '',
    // Echoed on TheHive's scales, as the sender sent them (TheHive's defaults: medium, amber, amber).
    severity: body.severity ?? 2,
    date: body.date ?? created,
    tags: body.tags ?? [],
    tlp: body.tlp ?? 2,
    pap: body.pap ?? 2,
    status: STATUS[result.outcome],
    stage: STATUS[result.outcome],
    follow: true,
    caseId: result.incident_id ?? null,
    artifacts: body.artifacts ?? body.observables ?? [],
    observableCount: (body.artifacts ?? body.observables ?? []).length,
    bulwark: { outcome: result.outcome, alert_id: result.alert_id },
  };
}
