import { Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { viewerTimeZone } from '../../../format/time';
import { Countdown } from './Countdown';
import { ObligationActionDialog, type ObligationAction } from './ObligationActionDialog';
import { StatusBadge } from './StatusBadge';
import type { Obligation } from './types';
import { formatInZone } from './zones';

/** One row per notification owed: to whom, by when (in both zones), how long is left, and what was done. */
export function ObligationsTable({ items, canAct }: { items: Obligation[]; canAct: boolean }) {
  const [acting, setActing] = useState<{ obligation: Obligation; action: ObligationAction } | null>(null);
  const zone = viewerTimeZone();
  return (
    <>
      <Table striped withTableBorder aria-label="Obligations" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Obligation</Table.Th>
            <Table.Th>Deadline</Table.Th>
            <Table.Th>Time left</Table.Th>
            <Table.Th>Status</Table.Th>
            {canAct && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => {
            const open = o.status === 'pending' || o.status === 'drafted' || o.status === 'late';
            const name = `${o.regime_name} — ${o.stage.replaceAll('_', ' ')}${o.state ? ` (${o.state})` : ''}`;
            return (
              <Table.Tr key={o.id} aria-label={name}>
                <Table.Td>
                  <Tooltip label={o.basis} multiline w={360}><Text size="sm" fw={500}>{name}</Text></Tooltip>
                  <Text size="xs" c="dimmed">to {o.recipient}{o.deadline_kind === 'target' ? ' · without undue delay (our target)' : ''}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatInZone(o.deadline_utc, zone)}</Text>
                  {o.time_zone !== zone && <Text size="xs" c="dimmed">Regulator: {formatInZone(o.deadline_utc, o.time_zone)}</Text>}
                  {o.time_zone === zone && <Text size="xs" c="dimmed">Regulator's zone too</Text>}
                </Table.Td>
                <Table.Td>{open && o.deadline_utc ? <Countdown deadline={o.deadline_utc} /> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <StatusBadge status={o.status} />
                    {o.status === 'submitted' && <Text size="xs">Ref. {o.reference}</Text>}
                    {o.status === 'submitted' && o.delay_reason && <Text size="xs" c="dimmed">Delay: {o.delay_reason}</Text>}
                    {o.status === 'not_required' && <Text size="xs" c="dimmed">{o.status_reason}</Text>}
                  </Stack>
                </Table.Td>
                {canAct && (
                  <Table.Td>
                    {open && (
                      <Group gap={4} wrap="nowrap">
                        {o.status !== 'drafted' && <Button size="compact-xs" variant="default" onClick={() => setActing({ obligation: o, action: 'drafted' })} aria-label={`Mark drafted: ${name}`}>Drafted</Button>}
                        <Button size="compact-xs" onClick={() => setActing({ obligation: o, action: 'submitted' })} aria-label={`Submit: ${name}`}>Submit</Button>
                        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setActing({ obligation: o, action: 'not_required' })} aria-label={`Not required: ${name}`}>Not required</Button>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {acting && <ObligationActionDialog obligation={acting.obligation} action={acting.action} onClose={() => setActing(null)} />}
    </>
  );
}
