import { Badge, Table, Text } from '@mantine/core';
import { formatInstant } from '../../format/time';
import { usePlanVersions } from './queries';
import { SECTION_LABELS } from './types';

const STATUS = { draft: ['Draft', 'yellow'], approved: ['In force', 'green'], superseded: ['Superseded', 'gray'] } as const;

/** Every version, what changed in it and who approved it. */
export function VersionHistory() {
  const versions = usePlanVersions();
  if (versions.isPending) return <Text size="sm" c="dimmed">Loading versions…</Text>;
  if (!versions.data?.length) return <Text size="sm" c="dimmed">No versions yet. The first saved draft becomes version 1.</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder aria-label="Plan versions" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Approved</Table.Th>
            <Table.Th>Review due</Table.Th>
            <Table.Th>Changed</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.data.map((v) => {
            const [label, color] = STATUS[v.status];
            return (
              <Table.Tr key={v.id}>
                <Table.Td>{v.plan_version}</Table.Td>
                <Table.Td><Badge color={color} variant="light">{label}</Badge></Table.Td>
                <Table.Td>{v.approved_at ? `${formatInstant(v.approved_at)} by ${v.approved_by_name ?? v.approved_by}` : '—'}</Table.Td>
                <Table.Td>{formatInstant(v.review_due_at) || '—'}</Table.Td>
                <Table.Td>{v.changed_sections.map((s) => SECTION_LABELS[s]).join(', ') || 'Nothing'}</Table.Td>
                <Table.Td>{v.change_note || '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
