import type { Phase } from '../../domain/lifecycle.js';
import { isTaskOverdue, type TaskStatus } from '../../domain/task.js';
import type { Instant } from '../../domain/time.js';
import type { TaskWithAssignee } from '../../store/repositories/tasks.js';

/** A task as services hand it out, with its assignee named and whether it is overdue now. */
export interface TaskRecord {
  id: string;
  organisation_id: string;
  incident_id: string;
  title: string;
  description: string;
  phase: Phase | null;
  assignee: { id: string; name: string } | null;
  due_at: string | null;
  status: TaskStatus;
  position: number;
  overdue: boolean;
  completed_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export function toTaskRecord(row: TaskWithAssignee, now: Instant): TaskRecord {
  const status = row.status as TaskStatus;
  return {
    id: row.id,
    organisation_id: row.organisation_id,
    incident_id: row.incident_id,
    title: row.title,
    description: row.description,
    phase: row.phase as Phase | null,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? row.assignee_id } : null,
    due_at: row.due_at,
    status,
    position: Number(row.position),
    overdue: isTaskOverdue({ status, due_at: row.due_at }, now),
    completed_at: row.completed_at,
    created_at: row.created_at,
    created_by: row.created_by,
    updated_at: row.updated_at,
    updated_by: row.updated_by,
    version: Number(row.version),
  };
}
