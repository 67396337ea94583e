import { Anchor, Button, Code, Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SeverityBadge } from '../../components/SeverityBadge';
import { SEVERITY_COLOURS } from '../../theme';
import { useCanOpenIncident } from '../incidents/useCanOpenIncident';
import { HomeSection } from './HomeSection';

const SEVERITIES = [1, 2, 3, 4];

/** How many incidents are open at each severity, each count leading to that slice of the list. */
export function OpenBySeverity() {
  const counts = useQueries({
    queries: SEVERITIES.map((severity) => ({
      queryKey: ['incidents', 'count', { open: true, severity: [severity] }],
      queryFn: () => api.get<{ count: number }>('/api/v1/incidents/count', { open: true, severity: [severity] }),
    })),
  });
  const canOpen = useCanOpenIncident();
  const failed = counts.find((c) => c.isError);
  const loaded = counts.every((c) => c.data);
  const total = counts.reduce((sum, c) => sum + (c.data?.count ?? 0), 0);

  return (
    <HomeSection title="Open by severity" count={loaded ? total : null}>
      {failed && <ProblemAlert error={failed.error} onRetry={() => counts.forEach((c) => void c.refetch())} />}
      {loaded && total === 0 ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {canOpen ? (
              <>
                No open incidents. Open one with <Code>N</Code> or load the demo data with <Code>npx bulwark demo</Code>.
              </>
            ) : (
              'No open incidents right now.'
            )}
          </Text>
          {canOpen && (
            <Button component={Link} to="/incidents/new" size="xs" variant="light" w="fit-content">
              New incident
            </Button>
          )}
        </Stack>
      ) : (
        <Stack gap={8}>
          {SEVERITIES.map((severity, index) => {
            const count = counts[index]?.data?.count;
            return (
              <Stack key={severity} gap={3}>
                <Group justify="space-between" wrap="nowrap">
                  <SeverityBadge severity={severity} size="sm" />
                  {count === undefined ? (
                    <Skeleton h={14} w={40} />
                  ) : count === 0 ? (
                    <Text size="sm" c="dimmed">
                      none
                    </Text>
                  ) : (
                    <Anchor component={Link} to={`/incidents?open=true&severity=${severity}`} size="sm" fw={600}>
                      {count} open
                    </Anchor>
                  )}
                </Group>
                <Progress value={total && count ? (count / total) * 100 : 0} color={SEVERITY_COLOURS[severity]} size={4} aria-hidden />
              </Stack>
            );
          })}
        </Stack>
      )}
    </HomeSection>
  );
}
