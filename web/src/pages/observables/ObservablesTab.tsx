import { Group, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AddObservablesForm } from './AddObservablesForm';
import { ObservableRow } from './ObservableRow';
import { useIncidentObservables } from './queries';

/** The incident's IPs, domains, hashes…: flags per incident, and whether each was seen before elsewhere. */
export function ObservablesTab({ incidentId, canWrite, focusRequest }: { incidentId: string; canWrite: boolean; focusRequest: number }) {
  const observables = useIncidentObservables(incidentId);
  const [filter, setFilter] = useState('');
  const all = observables.data ?? [];
  const needle = filter.trim().toLowerCase();
  const shown = needle ? all.filter((s) => s.observable.value.toLowerCase().includes(needle) || s.observable.type.includes(needle) || s.tags.some((t) => t.includes(needle))) : all;
  const iocs = all.filter((s) => s.ioc).length;
  const seenBefore = all.filter((s) => (s.seen_elsewhere ?? 0) > 0).length;

  return (
    <Stack gap="md">
      {canWrite && <AddObservablesForm incidentId={incidentId} focusRequest={focusRequest} />}
      {observables.isPending && <Skeleton h={120} />}
      {observables.isError && <ProblemAlert error={observables.error} title="The observables could not be loaded" onRetry={() => void observables.refetch()} />}
      {observables.data && all.length === 0 && (
        <Text size="sm" c="dimmed">
          No observables yet. Paste the sender address, the phishing URL, the C2 IP or the dropper’s hash{canWrite ? ' above' : ''}: Bulwark tells you at once whether any of them was seen in another alert or incident.
        </Text>
      )}
      {all.length > 0 && (
        <>
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {all.length} observable{all.length === 1 ? '' : 's'} · {iocs} IOC{iocs === 1 ? '' : 's'} · {seenBefore} seen before elsewhere
            </Text>
            <TextInput
              aria-label="Filter observables"
              placeholder="Filter by value, type or tag"
              leftSection={<IconFilter size={14} aria-hidden />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              size="xs"
              w={260}
            />
          </Group>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing={4} aria-label="Observables">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Value</Table.Th>
                    <Table.Th>Flags</Table.Th>
                    <Table.Th>TLP</Table.Th>
                    <Table.Th>Seen elsewhere</Table.Th>
                    <Table.Th>Tags · note</Table.Th>
                    <Table.Th>Last seen</Table.Th>
                    {canWrite && <Table.Th aria-label="Actions" />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((sighting) => (
                    <ObservableRow key={sighting.id} incidentId={incidentId} sighting={sighting} canWrite={canWrite} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {shown.length === 0 && (
            <Text size="sm" c="dimmed">
              No observable matches “{filter}”.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
