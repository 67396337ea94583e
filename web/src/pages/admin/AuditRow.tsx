import { ActionIcon, Code, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuditEntry } from '../../api/types';
import { formatInstant, formatRelative } from '../../format/time';

/** One audit entry; its details (and chain hash) open below it. */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const hasDetails = Object.keys(entry.details).length > 0;
  return (
    <>
      <Table.Tr>
        <Table.Td w={36}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} details of entry ${entry.seq}`}
          >
            {open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatInstant(entry.at)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatRelative(entry.at)}
          </Text>
        </Table.Td>
        <Table.Td>{entry.actor ? entry.actor.name : <Text span size="sm" c="dimmed">Bulwark (system)</Text>}</Table.Td>
        <Table.Td>
          <Code>{entry.action}</Code>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.target_type}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {entry.target_id}
          </Text>
        </Table.Td>
        <Table.Td ta="right">
          <Text size="xs" c="dimmed" ff="monospace">
            #{entry.seq}
          </Text>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={5}>
            {hasDetails ? (
              <Code block style={{ maxHeight: 300, overflow: 'auto' }}>
                {JSON.stringify(entry.details, null, 2)}
              </Code>
            ) : (
              <Text size="sm" c="dimmed">
                No details recorded.
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4} ff="monospace" style={{ wordBreak: 'break-all' }}>
              hash {entry.hash}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
