import { Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { formatInstant } from '../../format/time';
import type { Delivery } from './types';

/** The attempts of one delivery and the exact body sent, with redelivery. */
export function DeliveryDetails({ delivery, onRedeliver, busy }: { delivery: Delivery; onRedeliver: () => void; busy: boolean }) {
  return (
    <Stack gap="xs" py="xs">
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          Delivery <Code fz="xs">{delivery.id}</Code> · event <Code fz="xs">{delivery.event_id}</Code>
        </Text>
        <Button size="compact-sm" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} loading={busy} onClick={onRedeliver}>
          Redeliver
        </Button>
      </Group>
      {delivery.attempts.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not attempted yet{delivery.next_attempt_at ? `; due ${formatInstant(delivery.next_attempt_at)}` : ''}.
        </Text>
      ) : (
        <Table fz="xs" withTableBorder aria-label={`Attempts of delivery ${delivery.id}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Attempt</Table.Th>
              <Table.Th w={230}>At</Table.Th>
              <Table.Th w={80}>Status</Table.Th>
              <Table.Th w={80}>Took</Table.Th>
              <Table.Th>Error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {delivery.attempts.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>#{a.attempt}</Table.Td>
                <Table.Td>{formatInstant(a.at)}</Table.Td>
                <Table.Td>{a.status_code ?? 'no answer'}</Table.Td>
                <Table.Td>{a.duration_ms} ms</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{a.error ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" fw={600}>
        Body
      </Text>
      <Code block fz="xs" style={{ maxHeight: 280, overflow: 'auto' }} aria-label={`Body of delivery ${delivery.id}`}>
        {JSON.stringify(delivery.body, null, 2)}
      </Code>
    </Stack>
  );
}
