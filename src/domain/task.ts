import type { Instant } from './time.js';

export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const OPEN_TASK_STATUSES: ReadonlySet<TaskStatus> = new Set(['todo', 'in_progress']);

export function isTaskOverdue(task: { status: TaskStatus; due_at: Instant | null }, now: Instant): boolean {
  return task.due_at !== null && OPEN_TASK_STATUSES.has(task.status) && Date.parse(task.due_at) < Date.parse(now);
}
