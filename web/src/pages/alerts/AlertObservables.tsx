import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { TlpBadge } from '../../components/TlpBadge';
import { RelativeTime } from '../../format/RelativeTime';
import type { AlertObservable } from './types';

/** The alert's observables and, inline, whether each was seen before and in which incidents. */
export function AlertObservables({ observables }: { observables: AlertObservable[] }) {
  if (!observables.length) return <Text size="sm" c="dimmed">This alert carries no observables.</Text>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table aria-label="Observables" fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="1%">Type</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th w="1%">Flags</Table.Th>
            <Table.Th>Seen before</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {observables.map((o) => {
            const elsewhere = o.seen.sighting_count - o.count;
            return (
              <Table.Tr key={o.observable_id}>
                <Table.Td>
                  <Badge size="sm" variant="default" radius="sm" tt="none">
                    {o.type}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/observables/${o.observable_id}`} ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {o.value}
                  </Anchor>
                  {o.note && (
                    <Text size="xs" c="dimmed">
                      {o.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {o.ioc && (
                      <Badge size="xs" color="red" variant="filled" radius="sm">
                        IOC
                      </Badge>
                    )}
                    {o.sighted && (
                      <Badge size="xs" color="orange" variant="light" radius="sm">
                        Sighted
                      </Badge>
                    )}
                    <TlpBadge tlp={o.tlp} size="xs" />
                  </Group>
                </Table.Td>
                <Table.Td>
                  {o.ignore_similarity ? (
                    <Text size="xs" c="dimmed">ignored for similarity</Text>
                  ) : elsewhere <= 0 ? (
                    <Text size="xs" c="dimmed">first time</Text>
                  ) : (
                    <SeenBefore o={o} elsewhere={elsewhere} />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SeenBefore({ o, elsewhere }: { o: AlertObservable; elsewhere: number }) {
  return (
    <div>
      <Text size="sm">
        <Text span fw={600}>
          {elsewhere} other sighting{elsewhere === 1 ? '' : 's'}
        </Text>{' '}
        <Text span size="xs" c="dimmed">
          · first <RelativeTime iso={o.seen.first_seen_at} />
        </Text>
      </Text>
      {o.seen.incidents.length > 0 && (
        <Group gap={6}>
          {o.seen.incidents.map((incident) => (
            <Anchor key={incident.id} component={Link} to={`/incidents/${incident.id}`} size="xs" title={incident.title} ff="monospace">
              {incident.number}
            </Anchor>
          ))}
        </Group>
      )}
    </div>
  );
}
