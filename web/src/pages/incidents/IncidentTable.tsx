import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Incident } from '../../api/types';
import { PhaseBadge } from '../../components/PhaseBadge';
import { RestrictedBadge } from '../../components/RestrictedBadge';
import { SeverityBadge } from '../../components/SeverityBadge';
import { RelativeTime } from '../../format/RelativeTime';
import { useMeta } from '../../meta/useMeta';
import type { IncidentFilters, SortField } from './incidentFilters';
import { SortHeader } from './SortHeader';

interface Props {
  incidents: Incident[];
  filters: IncidentFilters;
  onSort: (sort: SortField, direction: 'asc' | 'desc') => void;
  rowProps: (index: number) => Record<string, unknown>;
}

/** The incident list: dense, sortable by the columns the API can sort on, one row per incident. */
export function IncidentTable({ incidents, filters, onSort, rowProps }: Props) {
  const meta = useMeta();
  const header = (field: SortField, label: string, w?: string) => (
    <SortHeader field={field} label={label} sort={filters.sort} direction={filters.direction} onSort={onSort} w={w} />
  );
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label="Incidents" fz="sm">
        <Table.Thead>
          <Table.Tr>
            {header('number', 'Number', '1%')}
            {header('severity', 'Severity', '1%')}
            <Table.Th style={{ minWidth: 260 }}>Title</Table.Th>
            <Table.Th w="1%">Phase</Table.Th>
            <Table.Th w="1%">Category</Table.Th>
            {header('detected_at', 'Detected', '1%')}
            {header('updated_at', 'Updated', '1%')}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {incidents.map((incident, index) => (
            <Table.Tr key={incident.id} {...rowProps(index)}>
              <Table.Td>
                <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {incident.number}
                </Text>
              </Table.Td>
              <Table.Td>
                <SeverityBadge severity={incident.severity} size="sm" />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/incidents/${incident.id}`} fw={500} size="sm" lineClamp={2}>
                  {incident.title}
                </Anchor>
                {(incident.restricted || incident.tags.length > 0) && (
                  <Group gap={4} mt={2}>
                    {incident.restricted && <RestrictedBadge size="xs" />}
                    {incident.tags.slice(0, 5).map((tag) => (
                      <Badge key={tag} size="xs" variant="default" radius="sm" tt="none" fw={500}>
                        {tag}
                      </Badge>
                    ))}
                    {incident.tags.length > 5 && (
                      <Text size="xs" c="dimmed" title={incident.tags.slice(5).join(', ')}>
                        +{incident.tags.length - 5}
                      </Text>
                    )}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <PhaseBadge phase={incident.phase} size="sm" />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {meta.categoryLabel(incident.category)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <RelativeTime iso={incident.detected_at} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  <RelativeTime iso={incident.updated_at} />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
