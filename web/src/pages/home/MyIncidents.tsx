import { Anchor, Center, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Incident, Page } from '../../api/types';
import { PhaseBadge } from '../../components/PhaseBadge';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RestrictedBadge } from '../../components/RestrictedBadge';
import { SeverityBadge } from '../../components/SeverityBadge';
import { RelativeTime } from '../../format/RelativeTime';
import { useListSelection } from '../../keyboard/useListSelection';
import { HomeSection } from './HomeSection';

/** Open incidents where I hold a role; `j`/`k`/`Enter` work here as in the full list. */
export function MyIncidents() {
  const navigate = useNavigate();
  const incidents = useQuery({
    queryKey: ['incidents', 'mine', 'open'],
    queryFn: () => api.get<Page<Incident>>('/api/v1/incidents', { assignee: 'me', open: true, sort: 'severity', direction: 'asc', limit: 50 }),
  });
  const items = incidents.data?.items ?? [];
  const selection = useListSelection('home-incidents', items.length, (index) => {
    const incident = items[index];
    if (incident) void navigate(`/incidents/${incident.id}`);
  });

  return (
    <HomeSection
      title="Incidents I’m on"
      count={incidents.data ? items.length : null}
      action={
        <Anchor component={Link} to="/incidents?assignee=me&open=true" size="sm">
          Open in list view
        </Anchor>
      }
    >
      {incidents.isPending && (
        <Center py="sm">
          <Loader size="sm" aria-label="Loading" />
        </Center>
      )}
      {incidents.isError && <ProblemAlert error={incidents.error} onRetry={() => void incidents.refetch()} />}
      {incidents.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          You hold no role on an open incident. Commanders assign roles under “People &amp; roles” on the incident page.
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Open incidents where I hold a role" fz="sm" verticalSpacing={5}>
            <Table.Tbody>
              {items.map((incident, index) => (
                <Table.Tr key={incident.id} {...selection.rowProps(index)}>
                  <Table.Td w="1%">
                    <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {incident.number}
                    </Text>
                  </Table.Td>
                  <Table.Td w="1%">
                    <SeverityBadge severity={incident.severity} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/incidents/${incident.id}`} size="sm" fw={500} lineClamp={2}>
                      {incident.title}
                    </Anchor>
                    {incident.restricted && <RestrictedBadge size="xs" />}
                  </Table.Td>
                  <Table.Td w="1%">
                    <PhaseBadge phase={incident.phase} size="sm" />
                  </Table.Td>
                  <Table.Td w="1%" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="xs" c="dimmed">
                      <RelativeTime iso={incident.updated_at} />
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </HomeSection>
  );
}
