import { Anchor, Button, Code, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFilterOff, IconPlugConnected } from '@tabler/icons-react';
import { Link } from 'react-router';

const EXAMPLE = (origin: string) => `curl -X POST ${origin}/api/v1/alerts \\
  -H "Authorization: Bearer $BULWARK_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{"source": "splunk", "source_ref": "notable-4711",
       "type": "siem", "title": "Brute force against VPN",
       "severity": 2,
       "observables": [{"type": "ip", "value": "203.0.113.7"}]}'`;

/** An empty queue teaches: how to point a SIEM at Bulwark, or how to widen the filters. */
export function EmptyQueue({ filtered, onClear }: { filtered: boolean; onClear(): void }) {
  if (filtered) {
    return (
      <Paper withBorder p="xl" radius="sm">
        <Stack align="center" gap="xs">
          <Title order={2} size="h4">
            No alert matches these filters
          </Title>
          <Text c="dimmed" size="sm">
            New alerts appear here live. Clear the filters to see the whole queue.
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
      <Stack align="center" gap="sm">
        <ThemeIcon size={40} radius="xl" variant="light" aria-hidden>
          <IconPlugConnected size={22} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          No new alerts
        </Text>
        <Text c="dimmed" size="sm" ta="center" maw={620}>
          Point your detection sources at Bulwark and alerts appear here as they arrive. Create an API token with the analyst role under{' '}
          <Anchor component={Link} to="/profile">
            your profile
          </Anchor>{' '}
          (or Admin → Tokens), then send alerts to <Code>POST /api/v1/alerts</Code> (up to 10,000 at once to <Code>/api/v1/alerts/batch</Code>). TheHive senders —
          TheHive4py, ElastAlert2’s TheHive alerter, Wazuh’s integration — work unchanged against <Code>/api/alert</Code>.
        </Text>
        <Code block style={{ maxWidth: 720, width: '100%', overflowX: 'auto' }} aria-label="Example request">
          {EXAMPLE(window.location.origin)}
        </Code>
        <Text size="xs" c="dimmed">
          The same (source, source_ref) is stored once: a repeat raises its count instead of adding a row. See docs/alerts.md for each sender.
        </Text>
      </Stack>
    </Paper>
  );
}
