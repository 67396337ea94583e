import { Button, Code, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFilterOff, IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';

/** Empty list: either nothing matches the filters, or there is nothing yet and we say how to start. */
export function NoIncidents({ filtered, canOpen, onClear }: { filtered: boolean; canOpen: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <Paper withBorder p="xl" radius="sm">
        <Stack align="center" gap="xs">
          <Title order={2} size="h4">
            No incident matches these filters
          </Title>
          <Text c="dimmed" size="sm">
            Widen the search, or clear the filters to see every incident you may see.
          </Text>
          <Button variant="default" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
            Clear filters
          </Button>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="xl" radius="sm">
      <Stack align="center" gap="xs">
        <ThemeIcon size={40} radius="xl" variant="light" color="green" aria-hidden>
          <IconShieldCheck size={22} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          Nothing reported yet
        </Text>
        <Text c="dimmed" size="sm" ta="center" maw={460}>
          {canOpen ? (
            <>
              When something happens, open an incident with <Code>N</Code> or the button below. To look around first, load the demo
              data with <Code>npx bulwark demo</Code>.
            </>
          ) : (
            'Incidents you may see will appear here as responders open them.'
          )}
        </Text>
        {canOpen && (
          <Button component={Link} to="/incidents/new">
            Open the first incident
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
