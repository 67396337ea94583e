import { Anchor, Badge, Center, Group, Loader, Stack, Text, Kbd } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page, Task } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RelativeTime } from '../../format/RelativeTime';
import { HomeSection } from './HomeSection';

/** Overdue first (earliest due first), then by due date, undated last. */
function byUrgency(a: Task, b: Task): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.due_at && b.due_at) return a.due_at.localeCompare(b.due_at);
  return a.due_at ? -1 : b.due_at ? 1 : 0;
}

export function MyTasks() {
  const tasks = useQuery({
    queryKey: ['tasks', 'mine'],
    queryFn: () => api.get<Page<Task>>('/api/v1/tasks', { assignee: 'me', status: 'todo,in_progress', limit: 100 }),
  });
  const items = [...(tasks.data?.items ?? [])].sort(byUrgency);
  return (
    <HomeSection title="My open tasks" count={tasks.data ? items.length : null}>
      {tasks.isPending && (
        <Center py="sm">
          <Loader size="sm" aria-label="Loading tasks" />
        </Center>
      )}
      {tasks.isError && <ProblemAlert error={tasks.error} title="Your tasks could not be loaded" onRetry={() => void tasks.refetch()} />}
      {tasks.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing assigned to you. Tasks appear here when someone assigns you one on an incident (press <Kbd size="xs">t</Kbd> on an incident page to add one).
        </Text>
      )}
      <Stack gap={0}>
        {items.map((task) => (
          <Group key={task.id} gap="sm" wrap="nowrap" py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            {task.overdue ? (
              <Badge color="red" variant="light" size="sm" radius="sm" tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                Overdue
              </Badge>
            ) : (
              <Badge color="gray" variant="default" size="sm" radius="sm" tt="none">
                {task.status === 'in_progress' ? 'In progress' : 'To do'}
              </Badge>
            )}
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Anchor component={Link} to={`/incidents/${task.incident_id}?tab=tasks`} size="sm" fw={500} truncate>
                {task.title}
              </Anchor>
              {task.incident && (
                <Text size="xs" c="dimmed" truncate>
                  <Text span ff="monospace" size="xs">
                    {task.incident.number}
                  </Text>{' '}
                  · {task.incident.title}
                </Text>
              )}
            </Stack>
            {task.due_at && (
              <Text size="xs" c={task.overdue ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                due <RelativeTime iso={task.due_at} />
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </HomeSection>
  );
}
