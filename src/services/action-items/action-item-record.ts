import { isActionItemOverdue, type ActionItemKind, type ActionItemStatus } from '../../domain/review.js';
import type { Instant } from '../../domain/time.js';
import type { ActionItemWithNames } from '../../store/repositories/action-items.js';

/** An action item as services hand it out: its owner named, its incident numbered, whether it is overdue now. */
export interface ActionItemRecord {
  id: string;
  organisation_id: string;
  incident: { id: string; number: string; title: string } | null;
  review_id: string | null;
  title: string;
  description: string;
  kind: ActionItemKind;
  owner: { id: string; name: string } | null;
  due_at: string | null;
  status: ActionItemStatus;
  overdue: boolean;
  control_id: string | null;
  risk_id: string | null;
  done_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export function toActionItemRecord(row: ActionItemWithNames, now: Instant): ActionItemRecord {
  return {
    id: row.id,
    organisation_id: row.organisation_id,
    incident: row.incident_id ? { id: row.incident_id, number: row.incident_number ?? row.incident_id, title: row.incident_title ?? '' } : null,
    review_id: row.review_id,
    title: row.title,
    description: row.description,
    kind: row.kind as ActionItemKind,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? row.owner_id } : null,
    due_at: row.due_at,
    status: row.status as ActionItemStatus,
    overdue: isActionItemOverdue(row, now),
    control_id: row.control_id,
    risk_id: row.risk_id,
    done_at: row.done_at,
    created_at: row.created_at,
    created_by: row.created_by,
    updated_at: row.updated_at,
    updated_by: row.updated_by,
    version: Number(row.version),
  };
}
