import { z } from 'zod';
import { MARKDOWN_MAX, TITLE_MAX } from '../../../domain/incident.js';
import { PHASES } from '../../../domain/lifecycle.js';
import { TASK_STATUSES } from '../../../domain/task.js';
import { instant, instantOut, listOf, pageOf, pageQuery } from '../../schemas.js';
import { personRef } from '../incidents/schema.js';

const title = z.string().trim().min(1, 'must not be empty').max(TITLE_MAX, `at most ${TITLE_MAX} characters`);
const description = z.string().max(MARKDOWN_MAX, `at most ${MARKDOWN_MAX} characters`).describe('Markdown');
const phase = z.enum(PHASES).nullable().describe('The phase the task belongs to, if any');
const assigneeId = z.string().min(1).max(100).nullable().describe('An active user; on a restricted incident, one of its members');
const dueAt = instant.nullable();
const status = z.enum(TASK_STATUSES);

export const createTaskBody = z.strictObject({
  title,
  description: description.optional(),
  phase: phase.optional(),
  assignee_id: assigneeId.optional(),
  due_at: dueAt.optional(),
  status: status.optional().describe('Default: todo'),
});

export const updateTaskBody = z.strictObject({
  title: title.optional(),
  description: description.optional(),
  phase: phase.optional(),
  assignee_id: assigneeId.optional(),
  due_at: dueAt.optional(),
  status: status.optional().describe('done stamps completed_at; any other status clears it'),
  position: z.number().int().min(1).max(1_000_000).optional().describe('Moves the task: 1 is the top; past the end means the end'),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

export const listTasksQuery = z.strictObject({
  ...pageQuery,
  assignee: z.string().max(100).optional().describe('A user id, or "me"'),
  status: listOf(status).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const taskSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  title: z.string(),
  description: z.string(),
  phase: z.enum(PHASES).nullable(),
  assignee: personRef.nullable(),
  due_at: instantOut.nullable(),
  status,
  position: z.number().int(),
  overdue: z.boolean().describe('Open (todo or in progress) and past its due date'),
  completed_at: instantOut.nullable(),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  updated_by: z.string(),
  version: z.number().int(),
});

export const taskListSchema = z.object({ items: z.array(taskSchema) });
export const taskPageSchema = pageOf(taskSchema.extend({ incident: z.object({ id: z.string(), number: z.string(), title: z.string() }) }));
