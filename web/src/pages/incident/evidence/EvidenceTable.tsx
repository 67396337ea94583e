import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatInstant } from '../../../format/time';
import { CopyHash } from './CopyHash';
import { EvidenceBadges } from './EvidenceBadges';
import { formatBytes } from './evidenceFormat';
import { kindLabel, type Evidence } from './types';

export function EvidenceTable({ items }: { items: Evidence[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Evidence items" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Number</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>SHA-256</Table.Th>
            <Table.Th>Holder</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Collected</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component={Link} to={`/evidence/${item.id}`} size="sm" ff="monospace">{item.number}</Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.title}</Text>
                {item.file_name && item.file_name !== item.title && <Text size="xs" c="dimmed">{item.file_name}</Text>}
              </Table.Td>
              <Table.Td><Text size="sm">{kindLabel(item.kind)}</Text></Table.Td>
              <Table.Td><Text size="sm">{item.size_bytes === null ? '—' : formatBytes(item.size_bytes)}</Text></Table.Td>
              <Table.Td><CopyHash value={item.sha256} label={`SHA-256 of ${item.number}`} /></Table.Td>
              <Table.Td><Text size="sm">{item.pending_holder ? `${item.holder?.name ?? '—'} → ${item.pending_holder.name}` : item.holder?.name ?? '—'}</Text></Table.Td>
              <Table.Td><EvidenceBadges item={item} /></Table.Td>
              <Table.Td><Text size="sm">{item.collected_at ? formatInstant(item.collected_at) : '—'}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
