import type { TaskRecord } from '../../services/tasks/task-record.js';

/** The public shape of a task: the record without its tenancy column. */
export function presentTask<T extends TaskRecord>(task: T): Omit<T, 'organisation_id'> {
  const { organisation_id: _organisation, ...visible } = task;
  return visible;
}
