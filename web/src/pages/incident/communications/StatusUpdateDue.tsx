import { Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatDuration, formatInstant } from '../../../format/time';
import { AUDIENCE_LABELS, type IncidentCommunications } from './types';

/** The next status update under the plan's cadence: a count-down, or "overdue" with an icon and text (never colour alone). */
export function StatusUpdateDue({ cadence }: { cadence: IncidentCommunications['status_update'] }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!cadence) {
    return (
      <Text size="sm" c="dimmed">
        No status-update cadence applies: the response plan in force sets none for this severity, or the incident is closed.
      </Text>
    );
  }
  const left = Date.parse(cadence.due_at) - now;
  const overdue = left <= 0;
  const every = cadence.every_minutes % 60 === 0 ? `${cadence.every_minutes / 60} h` : `${cadence.every_minutes} min`;
  return (
    <Paper withBorder p="sm" radius="md" role="status" aria-label="Next status update">
      <Group gap="sm" wrap="nowrap">
        {overdue ? <IconAlertTriangle size={20} color="var(--mantine-color-red-6)" aria-hidden /> : <IconClockHour4 size={20} aria-hidden />}
        <div>
          <Text fw={600} c={overdue ? 'red' : undefined}>
            {overdue ? `Status update overdue by ${formatDuration(-left)}` : `Next status update due in ${formatDuration(left)}`}
          </Text>
          <Text size="sm" c="dimmed">
            To {AUDIENCE_LABELS[cadence.audience]?.toLowerCase() ?? cadence.audience}, due {formatInstant(cadence.due_at)} · every {every} at this severity. Sending a communication of kind “Status update” restarts the clock.
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
