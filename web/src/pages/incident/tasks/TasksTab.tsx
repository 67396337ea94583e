import { Button, Group, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../../api/problem';
import type { Incident, Task } from '../../../api/types';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useTasks } from '../queries';
import { TaskRow } from './TaskRow';
import { useAddTask, useChangeTask } from './useTaskWrites';

/** The incident's work list in its agreed order, with a one-line quick add (`t`). */
export function TasksTab({ incident, canWrite, focusRequest }: { incident: Incident; canWrite: boolean; focusRequest: number }) {
  const tasks = useTasks(incident.id);
  const change = useChangeTask(incident.id);
  const ordered = [...(tasks.data ?? [])].sort((a, b) => a.position - b.position);
  const open = ordered.filter((t) => t.status === 'todo' || t.status === 'in_progress').length;
  const overdue = ordered.filter((t) => t.overdue).length;

  const move = (task: Task, direction: -1 | 1) => {
    const neighbour = ordered[ordered.indexOf(task) + direction];
    if (neighbour) change.mutate({ task, changes: { position: neighbour.position } });
  };

  return (
    <Stack gap="md">
      {canWrite && <QuickAddTask incident={incident} focusRequest={focusRequest} />}
      {tasks.isPending && <Skeleton h={120} />}
      {tasks.isError && <ProblemAlert error={tasks.error} title="The tasks could not be loaded" onRetry={() => void tasks.refetch()} />}
      {tasks.data && ordered.length === 0 && (
        <Text size="sm" c="dimmed">
          No tasks yet. Break the response into steps someone can own: “Isolate the host”, “Reset the account”, “Tell the DPO”. Press t to add one.
        </Text>
      )}
      {ordered.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {open} open of {ordered.length}
            {overdue > 0 && <Text span c="red" fw={600} size="sm"> · {overdue} overdue</Text>}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={4} aria-label="Tasks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th aria-label="Done" />
                  <Table.Th>Task</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Assignee</Table.Th>
                  <Table.Th>Phase</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th aria-label="Order" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ordered.map((task, index) => (
                  <TaskRow
                    key={task.id}
                    task={task}
                    canWrite={canWrite}
                    first={index === 0}
                    last={index === ordered.length - 1}
                    onChange={(changes) => change.mutate({ task, changes })}
                    onMove={(direction) => move(task, direction)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

function QuickAddTask({ incident, focusRequest }: { incident: Incident; focusRequest: number }) {
  const add = useAddTask(incident.id);
  const [title, setTitle] = useState('');
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest > 0) titleRef.current?.focus();
  }, [focusRequest]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    // A task starts in the phase the incident is in, which is when it is usually needed.
    const phase = incident.phase === 'closed' ? null : incident.phase;
    add.mutate({ title: title.trim(), phase }, { onSuccess: () => setTitle('') });
  };

  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} aria-label="Add a task">
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            ref={titleRef}
            label="Task title"
            placeholder="What needs doing? (press t anywhere to come here)"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
            error={add.error instanceof ApiProblem ? add.error.fieldError('title') : undefined}
            maxLength={300}
            style={{ flex: 1 }}
          />
          <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={add.isPending} disabled={!title.trim()}>
            Add task
          </Button>
        </Group>
        {add.error && !(add.error instanceof ApiProblem && add.error.fieldError('title')) && <ProblemAlert error={add.error} />}
      </Stack>
    </Paper>
  );
}
