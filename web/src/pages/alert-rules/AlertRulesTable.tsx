import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { RelativeTime } from '../../format/RelativeTime';
import { describeConditions, describeEffect } from './ruleSummary';
import { KIND_LABELS, type AlertRule } from './types';

interface Props {
  rules: AlertRule[];
  canManage: boolean;
  onToggle: (rule: AlertRule) => void;
  onEdit: (rule: AlertRule) => void;
  onDelete: (rule: AlertRule) => void;
}

export function AlertRulesTable({ rules, canManage, onToggle, onEdit, onDelete }: Props) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label="Alert rules" fz="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rule</Table.Th>
            <Table.Th w={150}>Kind</Table.Th>
            <Table.Th>Applies to</Table.Th>
            <Table.Th>Does</Table.Th>
            <Table.Th w={90} ta="right">
              Matched
            </Table.Th>
            <Table.Th w={90}>Status</Table.Th>
            {canManage && (
              <Table.Th w={230}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id} style={{ opacity: rule.enabled ? 1 : 0.7 }}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {rule.name}
                </Text>
                <Text size="xs" c="dimmed">
                  changed <RelativeTime iso={rule.updated_at} />
                </Text>
              </Table.Td>
              <Table.Td>{KIND_LABELS[rule.kind]}</Table.Td>
              <Table.Td>
                <Text size="xs">{describeConditions(rule)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{describeEffect(rule)}</Text>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {rule.matched_count.toLocaleString()}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={rule.enabled ? 'green' : 'gray'} leftSection={rule.enabled ? <IconPlayerPlay size={10} aria-hidden /> : <IconPlayerPause size={10} aria-hidden />}>
                  {rule.enabled ? 'On' : 'Paused'}
                </Badge>
              </Table.Td>
              {canManage && (
                <Table.Td ta="right">
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="default" fw={500} onClick={() => onEdit(rule)} aria-label={`Edit ${rule.name}`}>
                      Edit
                    </Button>
                    <Button size="compact-sm" variant="default" fw={500} onClick={() => onToggle(rule)} aria-label={`${rule.enabled ? 'Pause' : 'Resume'} ${rule.name}`}>
                      {rule.enabled ? 'Pause' : 'Resume'}
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" fw={500} onClick={() => onDelete(rule)} aria-label={`Delete ${rule.name}`}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
