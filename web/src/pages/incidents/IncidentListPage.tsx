import { Button, Center, Group, Loader, Paper, Stack, Text, Title, Kbd } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useListSelection } from '../../keyboard/useListSelection';
import { useShortcut } from '../../keyboard/useShortcut';
import { IncidentFilterBar } from './IncidentFilterBar';
import { hasFilters, useIncidentFilters } from './incidentFilters';
import { IncidentTable } from './IncidentTable';
import { NoIncidents } from './NoIncidents';
import { useCanOpenIncident } from './useCanOpenIncident';
import { useIncidentList } from './useIncidentList';

export function IncidentListPage() {
  const navigate = useNavigate();
  const { filters, update, clear } = useIncidentFilters();
  const { incidents, total, pages } = useIncidentList(filters);
  const open = (index: number) => {
    const incident = incidents[index];
    if (incident) void navigate(`/incidents/${incident.id}`);
  };
  const selection = useListSelection('incidents', incidents.length, open);
  const canOpen = useCanOpenIncident();
  useShortcut('n', () => void navigate('/incidents/new'), { enabled: canOpen });

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Group gap="sm" align="baseline">
          <Title order={1} size="h2">
            Incidents
          </Title>
          {total !== null && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {total === 1 ? '1 match' : `${total} matches`}
            </Text>
          )}
        </Group>
        {canOpen && (
          <Button component={Link} to="/incidents/new" leftSection={<IconPlus size={16} aria-hidden />}>
            New incident
          </Button>
        )}
      </Group>
      <IncidentFilterBar filters={filters} update={update} clear={clear} />
      {pages.isError && <ProblemAlert error={pages.error} title="The incident list could not be loaded" onRetry={() => void pages.refetch()} />}
      {pages.isPending ? (
        <Center py="xl">
          <Group gap="sm">
            <Loader size="sm" />
            <Text c="dimmed">Loading incidents…</Text>
          </Group>
        </Center>
      ) : incidents.length === 0 && !pages.isError ? (
        <NoIncidents filtered={hasFilters(filters)} canOpen={canOpen} onClear={clear} />
      ) : (
        incidents.length > 0 && (
          <Paper withBorder radius="sm" style={{ opacity: pages.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
            <IncidentTable incidents={incidents} filters={filters} onSort={(sort, direction) => update({ sort, direction })} rowProps={selection.rowProps} />
          </Paper>
        )
      )}
      {incidents.length > 0 && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Showing {incidents.length}
            {total !== null ? ` of ${total}` : ''} · <Kbd size="xs">j</Kbd>/<Kbd size="xs">k</Kbd> to move, <Kbd size="xs">Enter</Kbd> to open
          </Text>
          {pages.hasNextPage && (
            <Button variant="default" size="xs" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
              Load more
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
