import { needsLegalReview, textGaps, type CommunicationKind, type CommunicationStatus } from '../../domain/communication-workflow.js';
import type { Audience, Channel } from '../../domain/plan.js';
import type { Db } from '../../store/database.js';
import { readJson } from '../../store/dialect.js';
import { communicationTimeline } from '../../store/repositories/communications.js';
import type { CommunicationRow } from '../../store/schema.js';
import { userNamesById } from '../../store/repositories/people.js';

/** One step in a communication's life as the timeline recorded it (review comments and send notes are here). */
export interface CommunicationStep {
  kind: string;
  at: string;
  actor_id: string;
  actor_name: string | null;
  body: string;
  comment: string | null;
}

/** A communication as services hand it out: who drafted, reviewed, approved and sent it (names too), and the gaps left in its text. */
export interface CommunicationRecord {
  id: string;
  organisation_id: string;
  incident_id: string;
  audience: Audience;
  channel: Channel;
  kind: CommunicationKind;
  template_id: string | null;
  subject: string;
  body: string;
  recipients: string[];
  status: CommunicationStatus;
  needs_legal_review: boolean;
  gaps: string[];
  created_at: string;
  created_by: string;
  created_by_name: string | null;
  legal_reviewed_at: string | null;
  legal_reviewed_by: string | null;
  legal_reviewed_by_name: string | null;
  approved_at: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  sent_at: string | null;
  sent_by: string | null;
  sent_by_name: string | null;
  updated_at: string;
  updated_by: string;
  version: number;
  history: CommunicationStep[];
}

export const recipientsOf = (row: Pick<CommunicationRow, 'recipients'>): string[] => readJson<string[]>(row.recipients);

/** Turns rows into records with names and histories in two queries, however many rows. */
export async function toCommunicationRecords(db: Db, incidentId: string, rows: CommunicationRow[]): Promise<CommunicationRecord[]> {
  if (rows.length === 0) return [];
  const names = await userNamesById(db, rows.flatMap((r) => [r.created_by, r.legal_reviewed_by, r.approved_by, r.sent_by].filter((id): id is string => Boolean(id))));
  const steps = new Map<string, CommunicationStep[]>();
  for (const entry of await communicationTimeline(db, incidentId)) {
    const details = readJson<{ communication_id?: string; comment?: string }>(entry.details);
    if (!details.communication_id) continue;
    const step = { kind: entry.kind, at: entry.occurred_at, actor_id: entry.actor_id, actor_name: entry.user_name, body: entry.body, comment: details.comment ?? null };
    steps.set(details.communication_id, [...(steps.get(details.communication_id) ?? []), step]);
  }
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return rows.map((row) => ({
    id: row.id,
    organisation_id: row.organisation_id,
    incident_id: row.incident_id,
    audience: row.audience as Audience,
    channel: row.channel as Channel,
    kind: row.kind as CommunicationKind,
    template_id: row.template_id,
    subject: row.subject,
    body: row.body,
    recipients: recipientsOf(row),
    status: row.status as CommunicationStatus,
    needs_legal_review: needsLegalReview(row.audience as Audience),
    gaps: textGaps(row.subject, row.body),
    created_at: row.created_at,
    created_by: row.created_by,
    created_by_name: name(row.created_by),
    legal_reviewed_at: row.legal_reviewed_at,
    legal_reviewed_by: row.legal_reviewed_by,
    legal_reviewed_by_name: name(row.legal_reviewed_by),
    approved_at: row.approved_at,
    approved_by: row.approved_by,
    approved_by_name: name(row.approved_by),
    sent_at: row.sent_at,
    sent_by: row.sent_by,
    sent_by_name: name(row.sent_by),
    updated_at: row.updated_at,
    updated_by: row.updated_by,
    version: Number(row.version),
    history: steps.get(row.id) ?? [],
  }));
}

export async function toCommunicationRecord(db: Db, row: CommunicationRow): Promise<CommunicationRecord> {
  return (await toCommunicationRecords(db, row.incident_id, [row]))[0]!;
}
