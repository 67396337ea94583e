import { Anchor, Badge, Checkbox, Group, Table, Text } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { SeverityBadge } from '../../components/SeverityBadge';
import { RelativeTime } from '../../format/RelativeTime';
import { StatusBadge } from './StatusBadge';
import type { AlertListItem } from './types';

interface Props {
  alerts: AlertListItem[];
  chosen: ReadonlySet<string>;
  toggle(ids: string[], on: boolean): void;
  rowProps: (index: number) => Record<string, unknown>;
  onGroup(groupId: string): void;
}

/** Rows of the loaded page in queue order, with the alerts of one correlation group gathered under its heading. */
export function groupedOrder(alerts: AlertListItem[]): Array<{ group: AlertListItem['group']; items: Array<{ alert: AlertListItem; index: number }> }> {
  const sections: Array<{ group: AlertListItem['group']; items: Array<{ alert: AlertListItem; index: number }> }> = [];
  const byGroup = new Map<string, (typeof sections)[number]>();
  alerts.forEach((alert, index) => {
    const key = alert.group?.id;
    const existing = key ? byGroup.get(key) : undefined;
    if (existing) existing.items.push({ alert, index });
    else {
      const section = { group: alert.group, items: [{ alert, index }] };
      sections.push(section);
      if (key) byGroup.set(key, section);
    }
  });
  return sections;
}

export function AlertTable({ alerts, chosen, toggle, rowProps, onGroup }: Props) {
  const all = alerts.length > 0 && alerts.every((a) => chosen.has(a.id));
  const some = alerts.some((a) => chosen.has(a.id));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label="Alerts" fz="sm" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}>
              <Checkbox aria-label="Select all loaded alerts" size="xs" checked={all} indeterminate={some && !all} onChange={() => toggle(alerts.map((a) => a.id), !all)} />
            </Table.Th>
            <Table.Th w="1%">Severity</Table.Th>
            <Table.Th style={{ minWidth: 280 }}>Alert</Table.Th>
            <Table.Th w="1%">Source</Table.Th>
            <Table.Th w="1%">Status</Table.Th>
            <Table.Th w="1%" style={{ whiteSpace: 'nowrap' }}>Last seen</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groupedOrder(alerts).map((section) => (
            <Fragment key={section.group?.id ?? section.items[0]!.alert.id}>
              {section.group && section.items.length > 1 && (
                <Table.Tr className="alert-group-row">
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select the group ${section.group.title}`}
                      size="xs"
                      checked={section.items.every((i) => chosen.has(i.alert.id))}
                      onChange={(e) => toggle(section.items.map((i) => i.alert.id), e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td colSpan={5}>
                    <Group gap={6}>
                      <IconStack2 size={16} aria-hidden />
                      <Text size="sm" fw={600}>
                        {section.group.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {section.items.length} here · {section.group.alert_count} in the group
                      </Text>
                      <Anchor component="button" type="button" size="xs" onClick={() => onGroup(section.group!.id)}>
                        Show the whole group
                      </Anchor>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )}
              {section.items.map(({ alert, index }) => (
                <Table.Tr key={alert.id} {...rowProps(index)} data-chosen={chosen.has(alert.id) || undefined}>
                  <Table.Td>
                    <Checkbox aria-label={`Select ${alert.title}`} size="xs" checked={chosen.has(alert.id)} onChange={(e) => toggle([alert.id], e.currentTarget.checked)} onClick={(e) => e.stopPropagation()} />
                  </Table.Td>
                  <Table.Td>
                    <SeverityBadge severity={alert.severity} size="sm" />
                  </Table.Td>
                  <Table.Td style={section.group && section.items.length > 1 ? { paddingLeft: 24 } : undefined}>
                    <Anchor component={Link} to={`/alerts/${alert.id}`} fw={500} size="sm" lineClamp={2}>
                      {alert.title}
                    </Anchor>
                    <Group gap={4} mt={2}>
                      {alert.repeat_count > 1 && (
                        <Badge size="xs" variant="light" color="gray" radius="sm" tt="none" title="Times the sender sent it">
                          ×{alert.repeat_count}
                        </Badge>
                      )}
                      {alert.group && section.items.length === 1 && (
                        <Badge size="xs" variant="default" radius="sm" tt="none" leftSection={<IconStack2 size={10} aria-hidden />}>
                          {alert.group.title}
                        </Badge>
                      )}
                      {alert.incident && (
                        <Anchor component={Link} to={`/incidents/${alert.incident.id}`} size="xs" ff="monospace">
                          {alert.incident.number}
                        </Anchor>
                      )}
                      {alert.tags.slice(0, 4).map((tag) => (
                        <Badge key={tag} size="xs" variant="default" radius="sm" tt="none" fw={500}>
                          {tag}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {alert.source}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={alert.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      <RelativeTime iso={alert.last_seen_at} />
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The loaded alerts in the order the table shows them (groups gathered), which j/k and Enter follow. */
export function displayOrder(alerts: AlertListItem[]): AlertListItem[] {
  return groupedOrder(alerts).flatMap((section) => section.items.map((item) => item.alert));
}
