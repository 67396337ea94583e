import { ActionIcon, Anchor, Badge, Button, Group, NativeSelect, Paper, Skeleton, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ControlPicker } from './ControlPicker';
import { useChangeOutcome, useControlOutcomes, useRecordOutcome, useRemoveOutcome } from './queries';
import { CONTROL_OUTCOMES, OUTCOME_COLORS, OUTCOME_LABELS, outcomeLabel, type ControlOutcome, type ControlOutcomeKind } from './types';

const OUTCOME_OPTIONS = CONTROL_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }));

/** What each control did in this incident; failed, bypassed and absent ones lead to proposals when the review completes. */
export function ControlOutcomes({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const outcomes = useControlOutcomes(incidentId);
  const remove = useRemoveOutcome(incidentId);
  const [editing, setEditing] = useState<string | null>(null);
  const list = outcomes.data ?? [];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="control-outcomes-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="control-outcomes-title">
          What the controls did
        </Title>
        {canWrite && <RecordOutcomeForm incidentId={incidentId} taken={new Set(list.map((o) => o.control_id))} />}
        {outcomes.isPending && <Skeleton h={60} />}
        {outcomes.isError && <ProblemAlert error={outcomes.error} title="Control outcomes could not be loaded" onRetry={() => void outcomes.refetch()} />}
        {remove.error && <ProblemAlert error={remove.error} title="The outcome could not be removed" />}
        {outcomes.data && list.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing recorded yet. For each control that mattered, say whether it worked, detected, failed, was bypassed or was absent.
          </Text>
        )}
        {list.length > 0 && (
          <Table verticalSpacing={4} aria-label="Control outcomes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Control</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Note</Table.Th>
                {canWrite && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((o) =>
                editing === o.id ? (
                  <EditOutcomeRow key={o.id} incidentId={incidentId} outcome={o} onDone={() => setEditing(null)} />
                ) : (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/controls/${encodeURIComponent(o.control_id)}`} size="sm">
                        {o.control.ref} {o.control.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={OUTCOME_COLORS[o.outcome] ?? 'gray'} tt="none">
                        {outcomeLabel(o.outcome)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{o.note || '—'}</Text>
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label="Edit">
                            <ActionIcon variant="subtle" color="gray" aria-label={`Edit outcome of ${o.control.ref}`} onClick={() => setEditing(o.id)}>
                              <IconPencil size={14} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Remove">
                            <ActionIcon variant="subtle" color="red" aria-label={`Remove outcome of ${o.control.ref}`} onClick={() => remove.mutate(o)} loading={remove.isPending && remove.variables?.id === o.id}>
                              <IconTrash size={14} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function RecordOutcomeForm({ incidentId, taken }: { incidentId: string; taken: Set<string> }) {
  const record = useRecordOutcome(incidentId);
  const [controlId, setControlId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ControlOutcomeKind>('failed');
  const [note, setNote] = useState('');
  const submit = () => {
    if (!controlId) return;
    record.mutate(
      { control_id: controlId, outcome, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setControlId(null);
          setNote('');
        },
      },
    );
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <ControlPicker value={controlId} onChange={setControlId} taken={taken} />
        <NativeSelect label="Outcome" data={OUTCOME_OPTIONS} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as ControlOutcomeKind)} />
        <TextInput label="Outcome note" placeholder="What happened, briefly" value={note} onChange={(e) => setNote(e.currentTarget.value)} w={{ base: '100%', sm: 280 }} />
        <Button onClick={submit} disabled={!controlId} loading={record.isPending}>
          Record outcome
        </Button>
      </Group>
      {record.error && <ProblemAlert error={record.error} title="The outcome could not be recorded" />}
    </Stack>
  );
}

function EditOutcomeRow({ incidentId, outcome, onDone }: { incidentId: string; outcome: ControlOutcome; onDone: () => void }) {
  const change = useChangeOutcome(incidentId);
  const [kind, setKind] = useState<ControlOutcomeKind>(outcome.outcome);
  const [note, setNote] = useState(outcome.note);
  const name = outcome.control.ref;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{outcome.control.ref} {outcome.control.title}</Text>
      </Table.Td>
      <Table.Td>
        <NativeSelect size="xs" aria-label={`Outcome of ${name}`} data={OUTCOME_OPTIONS} value={kind} onChange={(e) => setKind(e.currentTarget.value as ControlOutcomeKind)} />
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" aria-label={`Note on ${name}`} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {change.error && <ProblemAlert error={change.error} title="The outcome could not be changed" />}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" loading={change.isPending} onClick={() => change.mutate({ outcome, changes: { outcome: kind, note } }, { onSuccess: onDone })}>
            Save
          </Button>
          <Button size="compact-xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
