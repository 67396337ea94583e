import { Table, Text } from '@mantine/core';
import { changeRows, fieldLabel, formatValue } from './proposals';
import type { ReasoningStep } from './types';

/** Before → after, one row per field; changed rows are marked in words as well as weight. */
export function ChangeTable({ before, after, label = 'Proposed change' }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null; label?: string }) {
  const rows = changeRows(before, after);
  if (rows.length === 0) return <Text size="sm" c="dimmed">Nothing to change: accepting records the finding.</Text>;
  return (
    <Table fz="sm" verticalSpacing={2} aria-label={label} withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.field}>
            <Table.Td>{fieldLabel(r.field)}</Table.Td>
            <Table.Td>{formatValue(r.before)}</Table.Td>
            <Table.Td fw={r.changed ? 700 : undefined}>
              {formatValue(r.after)}
              {r.changed && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  (changed)
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The steps of the reasoning (prior, observation, posterior…) as a small two-column table. */
export function ReasoningSteps({ steps }: { steps: ReasoningStep[] }) {
  if (steps.length === 0) return null;
  return (
    <Table fz="sm" verticalSpacing={2} aria-label="Reasoning steps" withTableBorder>
      <Table.Tbody>
        {steps.map((s, i) => (
          <Table.Tr key={`${i}-${s.label}`}>
            <Table.Td w="45%">{s.label}</Table.Td>
            <Table.Td ff="monospace">{typeof s.value === 'string' ? s.value : formatValue(s.value)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
