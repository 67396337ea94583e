import { ActionIcon, Badge, Checkbox, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Phase, Task, TaskStatus } from '../../../api/types';
import { UserSelect } from '../../../components/UserSelect';
import { formatInstant, fromLocalInput, toLocalInput } from '../../../format/time';
import { useMeta } from '../../../meta/useMeta';
import type { TaskChanges } from './useTaskWrites';

/** One task, changed in place: done, status, assignee, phase, due date, and its place in the list. */
export function TaskRow({ task, canWrite, onChange, onMove, first, last }: {
  task: Task;
  canWrite: boolean;
  onChange(changes: TaskChanges): void;
  onMove(direction: -1 | 1): void;
  first: boolean;
  last: boolean;
}) {
  const meta = useMeta();
  const finished = task.status === 'done' || task.status === 'cancelled';
  return (
    <Table.Tr data-finished={finished || undefined} className="task-row">
      <Table.Td w={36}>
        <Checkbox
          aria-label={`Done: ${task.title}`}
          checked={task.status === 'done'}
          disabled={!canWrite}
          onChange={(e) => onChange({ status: e.currentTarget.checked ? 'done' : 'todo' })}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={8} wrap="nowrap">
          <Text size="sm" fw={500} td={finished ? 'line-through' : undefined} c={finished ? 'dimmed' : undefined}>
            {task.title}
          </Text>
          {task.overdue && (
            <Badge color="red" variant="light" radius="sm" tt="none" style={{ flex: 'none' }} leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              Overdue
            </Badge>
          )}
        </Group>
        {task.description && <Text size="xs" c="dimmed" lineClamp={1}>{task.description}</Text>}
      </Table.Td>
      <Table.Td w={140}>
        <NativeSelect
          size="xs"
          aria-label={`Status of ${task.title}`}
          value={task.status}
          disabled={!canWrite}
          onChange={(e) => onChange({ status: e.currentTarget.value as TaskStatus })}
          data={meta.task_statuses.map((s) => ({ value: s.id, label: s.label }))}
        />
      </Table.Td>
      <Table.Td w={200}>
        <UserSelect
          size="xs"
          aria-label={`Assignee of ${task.title}`}
          placeholder="Unassigned"
          clearable
          value={task.assignee?.id ?? null}
          disabled={!canWrite}
          onChange={(value) => onChange({ assignee_id: value })}
        />
      </Table.Td>
      <Table.Td w={170}>
        <NativeSelect
          size="xs"
          aria-label={`Phase of ${task.title}`}
          value={task.phase ?? ''}
          disabled={!canWrite}
          onChange={(e) => onChange({ phase: (e.currentTarget.value || null) as Phase | null })}
          data={[{ value: '', label: 'Any phase' }, ...meta.phases.filter((p) => p.id !== 'closed').map((p) => ({ value: p.id, label: p.label }))]}
        />
      </Table.Td>
      <Table.Td w={200}>
        <DueInput task={task} disabled={!canWrite} onCommit={(due_at) => onChange({ due_at })} />
      </Table.Td>
      <Table.Td w={70}>
        <Group gap={2} wrap="nowrap">
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Move ${task.title} up`} disabled={!canWrite || first} onClick={() => onMove(-1)}>
            <IconArrowUp size={14} />
          </ActionIcon>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Move ${task.title} down`} disabled={!canWrite || last} onClick={() => onMove(1)}>
            <IconArrowDown size={14} />
          </ActionIcon>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Due date typed in the viewer's zone; sent when the field is left, not on every keystroke. */
function DueInput({ task, disabled, onCommit }: { task: Task; disabled: boolean; onCommit(dueAt: string | null): void }) {
  const [value, setValue] = useState(toLocalInput(task.due_at));
  useEffect(() => setValue(toLocalInput(task.due_at)), [task.due_at]);
  const commit = () => {
    if (value !== toLocalInput(task.due_at)) onCommit(fromLocalInput(value));
  };
  return (
    <TextInput
      size="xs"
      type="datetime-local"
      aria-label={`Due date of ${task.title}`}
      title={task.due_at ? `Due ${formatInstant(task.due_at)}` : 'No due date'}
      value={value}
      disabled={disabled}
      error={task.overdue}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
