import { Anchor, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { viewerTimeZone } from '../../format/time';
import { Countdown } from '../incident/obligations/Countdown';
import { obligationKeys } from '../incident/obligations/queries';
import { StatusBadge } from '../incident/obligations/StatusBadge';
import type { Obligation } from '../incident/obligations/types';
import { formatInZone } from '../incident/obligations/zones';
import { HomeSection } from './HomeSection';

/** Open notification deadlines across the incidents you can see, soonest first, counting down. */
export function ObligationsDue() {
  const due = useQuery({
    queryKey: obligationKeys.due,
    queryFn: async () => (await api.get<{ items: Obligation[] }>('/api/v1/obligations', { status: 'open', limit: 8 })).items,
    refetchInterval: 60_000,
  });
  const zone = viewerTimeZone();
  return (
    <HomeSection title="Obligations due soonest" count={due.data ? due.data.length : null}>
      {due.isPending && (
        <Center py="sm">
          <Loader size="sm" aria-label="Loading obligations" />
        </Center>
      )}
      {due.isError && <ProblemAlert error={due.error} title="The obligations could not be loaded" onRetry={() => void due.refetch()} />}
      {due.data && due.data.length === 0 && (
        <Text size="sm" c="dimmed">
          No notification deadlines running. They appear here when an incident's facts (on its Obligations tab) and your organisation profile mean a regulator, the people affected or a customer must be told.
        </Text>
      )}
      <Stack gap={0}>
        {(due.data ?? []).map((o) => (
          <Group key={o.id} gap="sm" wrap="nowrap" py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <StatusBadge status={o.status} />
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Anchor component={Link} to={`/incidents/${o.incident_id}?tab=obligations`} size="sm" fw={500} truncate>
                {o.regime_name} — {o.stage.replaceAll('_', ' ')}{o.state ? ` (${o.state})` : ''}
              </Anchor>
              <Text size="xs" c="dimmed" truncate>
                {o.incident && <Text span ff="monospace" size="xs">{o.incident.number}</Text>} · due {formatInZone(o.deadline_utc, zone)}
              </Text>
            </Stack>
            {o.deadline_utc && <Countdown deadline={o.deadline_utc} size="xs" />}
          </Group>
        ))}
      </Stack>
    </HomeSection>
  );
}
