import { Grid, Group, Stack, Text, Title, Kbd } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useCan, useCurrentUser } from '../../auth/session';
import { useShortcut } from '../../keyboard/useShortcut';
import { WaitingAlerts } from '../alerts/WaitingAlerts';
import { useCanOpenIncident } from '../incidents/useCanOpenIncident';
import { MyIncidents } from './MyIncidents';
import { MyTasks } from './MyTasks';
import { ObligationsDue } from './ObligationsDue';
import { OpenBySeverity } from './OpenBySeverity';

/** "What needs me now": my tasks, the incidents I hold a role on, and the open load by severity. */
export function HomePage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canOpen = useCanOpenIncident();
  const seesAlerts = useCan('alert.read');
  useShortcut('n', () => void navigate('/incidents/new'), { enabled: canOpen });
  const firstName = (user.name || user.email).split(/[\s@]/)[0];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          What needs you now
        </Title>
        <Text size="sm" c="dimmed">
          Signed in as {firstName}
          {canOpen && (
            <>
              {' '}
              · press <Kbd size="xs">n</Kbd> for a new incident
            </>
          )}
        </Text>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <ObligationsDue />
            <MyTasks />
            <MyIncidents />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {seesAlerts && <WaitingAlerts />}
            <OpenBySeverity />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
