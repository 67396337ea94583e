import { Button, Code, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFilterOff, IconListCheck, IconPlus, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';

/** An empty register teaches how to start: add a risk, import a spreadsheet, install the CSF starter controls. */
export function NoRisks({ filtered, canWrite, onClear }: { filtered: boolean; canWrite: boolean; onClear: () => void }) {
  const starter = useMutation({
    mutationFn: () => api.post<{ control_count?: number }>('/api/v1/control-catalogs/starter'),
    onSuccess: () => notifications.show({ color: 'green', message: 'The NIST CSF 2.0 starter catalog is installed. Link its controls to your risks.' }),
  });
  if (filtered) {
    return (
      <Paper withBorder p="xl" radius="sm">
        <Stack align="center" gap="xs">
          <Title order={2} size="h4">
            No risk matches these filters
          </Title>
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
        <ThemeIcon size={40} radius="xl" variant="light" aria-hidden>
          <IconListCheck size={22} />
        </ThemeIcon>
        <Title order={2} size="h4">
          The register is empty
        </Title>
        <Text c="dimmed" size="sm" ta="center" maw={520}>
          {canWrite ? (
            <>
              Add your first risk, or move in from a spreadsheet with the CSV import. The NIST CSF 2.0 starter catalog gives you controls
              to link. To look around first, load the demo data with <Code>npx bulwark demo</Code>.
            </>
          ) : (
            'Risks appear here as risk owners add them.'
          )}
        </Text>
        {canWrite && (
          <Group gap="xs" justify="center">
            <Button component={Link} to="/risks/new" leftSection={<IconPlus size={16} aria-hidden />}>
              Add a risk
            </Button>
            <Button component={Link} to="/risks/import" variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
              Import CSV or JSON
            </Button>
            <Button variant="default" loading={starter.isPending} onClick={() => starter.mutate()}>
              Install the CSF starter catalog
            </Button>
            {starter.isSuccess && (
              <Button component={Link} to="/controls" variant="subtle">
                See the controls
              </Button>
            )}
          </Group>
        )}
        {starter.isError && <ProblemAlert error={starter.error} title="The starter catalog could not be installed" />}
      </Stack>
    </Paper>
  );
}
