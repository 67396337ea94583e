import { Anchor, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SeverityBadge } from '../../components/SeverityBadge';
import { RelativeTime } from '../../format/RelativeTime';
import { HomeSection } from '../home/HomeSection';
import type { AlertListItem } from './types';

const PEEK = 50;

/** Home: how many new alerts wait for triage, and the most severe of the newest, live (key ['alerts', …]). */
export function WaitingAlerts() {
  const waiting = useQuery({ queryKey: ['alerts', 'waiting'], queryFn: () => api.get<Page<AlertListItem>>('/api/v1/alerts', { status: 'new', limit: PEEK }) });
  const items = waiting.data?.items ?? [];
  const more = Boolean(waiting.data?.next_cursor);
  const top = [...items].sort((a, b) => a.severity - b.severity).slice(0, 5);
  return (
    <HomeSection title="Alerts waiting for triage" count={waiting.data && !more ? items.length : null} action={<Anchor component={Link} to="/alerts" size="sm">Open the queue</Anchor>}>
      {waiting.isError && <ProblemAlert error={waiting.error} onRetry={() => void waiting.refetch()} />}
      {waiting.isPending ? (
        <Skeleton h={60} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">No new alerts.</Text>
      ) : (
        <Stack gap={6}>
          {more && <Text size="sm" fw={600}>More than {PEEK} new alerts; the most severe of the newest:</Text>}
          {top.map((alert) => (
            <Group key={alert.id} gap="xs" wrap="nowrap">
              <SeverityBadge severity={alert.severity} size="xs" />
              <Anchor component={Link} to={`/alerts/${alert.id}`} size="sm" lineClamp={1} style={{ flex: 1 }}>
                {alert.title}
              </Anchor>
              <Text size="xs" c="dimmed"><RelativeTime iso={alert.last_seen_at} /></Text>
            </Group>
          ))}
        </Stack>
      )}
    </HomeSection>
  );
}
