import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import type { Phase, Task, TaskStatus } from '../../../api/types';
import { incidentKeys, incidentPath } from '../queries';

export interface TaskChanges {
  title?: string;
  phase?: Phase | null;
  assignee_id?: string | null;
  due_at?: string | null;
  status?: TaskStatus;
  position?: number;
}

export function useAddTask(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; phase?: Phase | null }) => api.post<Task>(`${incidentPath(incidentId)}/tasks`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: incidentKeys.incident(incidentId) }),
  });
}

/**
 * Changes one task against the version on screen. When someone else changed it first (412), the list
 * is refreshed and the user is told plainly, so they can decide again with the current state in view.
 */
export function useChangeTask(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, changes }: { task: Task; changes: TaskChanges }) => api.patch<Task>(`/api/v1/tasks/${encodeURIComponent(task.id)}`, changes, { ifMatch: task.version }),
    onMutate: async ({ task, changes }) => {
      // Show the change at once; the answer (or the refresh after an error) settles it.
      await queryClient.cancelQueries({ queryKey: incidentKeys.tasks(incidentId) });
      const { assignee_id: _assignee, ...visible } = changes;
      queryClient.setQueryData<Task[]>(incidentKeys.tasks(incidentId), (tasks) => tasks?.map((t) => (t.id === task.id && changes.position === undefined ? { ...t, ...visible } : t)));
    },
    onError: (error, { task }) => {
      const stale = error instanceof ApiProblem && error.status === 412;
      notifications.show({
        color: stale ? 'yellow' : 'red',
        title: stale ? `“${task.title}” was changed by someone else` : `Could not change “${task.title}”`,
        message: stale ? 'Your change was not applied. The task now shows their version; make your change again if it is still needed.' : error instanceof ApiProblem ? error.detail : String(error),
      });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: incidentKeys.incident(incidentId) }),
  });
}
