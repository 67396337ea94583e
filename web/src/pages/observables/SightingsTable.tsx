import { Anchor, Badge, Group, Paper, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconShieldExclamation } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Phase } from '../../api/types';
import { PhaseBadge } from '../../components/PhaseBadge';
import { SeverityBadge } from '../../components/SeverityBadge';
import { TlpBadge } from '../../components/TlpBadge';
import { formatInstant, formatRelative } from '../../format/time';
import { FlagBadges } from './FlagBadges';
import type { Sighting } from './types';

/** Every alert and incident an observable was seen on (that the viewer may see), most recent first. */
export function SightingsTable({ sightings }: { sightings: Sighting[] }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing={4} aria-label="Where it was seen">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Seen on</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Flags</Table.Th>
              <Table.Th>TLP</Table.Th>
              <Table.Th>Times</Table.Th>
              <Table.Th>First seen</Table.Th>
              <Table.Th>Last seen</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sightings.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td maw={380}>
                  {s.subject.type === 'incident' ? (
                    <Group gap={6} wrap="nowrap">
                      <IconShieldExclamation size={16} aria-label="Incident" />
                      <Anchor component={Link} to={`/incidents/${s.subject.id}`} size="sm" lineClamp={1}>
                        <Text span ff="monospace" size="sm">{s.subject.number}</Text> {s.subject.title}
                      </Anchor>
                    </Group>
                  ) : (
                    <Group gap={6} wrap="nowrap">
                      <IconAlertCircle size={16} aria-label="Alert" />
                      <Anchor component={Link} to={`/alerts/${s.subject.id}`} size="sm" lineClamp={1}>
                        {s.subject.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">{s.subject.source}</Text>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  {s.subject.type === 'incident' ? (
                    <PhaseBadge phase={s.subject.phase as Phase} size="sm" />
                  ) : (
                    <Badge variant="default" size="sm" radius="sm" tt="none">alert · {s.subject.status}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <SeverityBadge severity={s.subject.severity} size="sm" />
                </Table.Td>
                <Table.Td>
                  <FlagBadges ioc={s.ioc} sighted={s.sighted} />
                </Table.Td>
                <Table.Td>
                  <TlpBadge tlp={s.tlp} size="sm" />
                </Table.Td>
                <Table.Td>{s.count}</Table.Td>
                <Table.Td>
                  <Text size="xs">{formatInstant(s.first_seen_at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" title={formatInstant(s.last_seen_at)}>{formatRelative(s.last_seen_at)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
