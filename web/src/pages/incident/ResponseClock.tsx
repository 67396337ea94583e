import { Group, Text, Tooltip } from '@mantine/core';
import { IconClockHour4, IconShieldCheck, IconShieldHalfFilled } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Incident } from '../../api/types';
import { formatDuration, formatInstant } from '../../format/time';

/** The current time, refreshed every `intervalMs` so running clocks tick without a reload. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A running clock that ticks once a minute shows whole minutes, so it never shows stale seconds. */
const running = (ms: number) => (ms < 60_000 ? 'under a minute' : formatDuration(Math.floor(ms / 60_000) * 60_000));

/** How long the incident has run since detection, and how long containment took (or is taking). */
export function ResponseClock({ incident }: { incident: Incident }) {
  const now = useNow();
  const detected = Date.parse(incident.detected_at);
  const open = incident.closed_at === null;
  const contained = incident.metrics.time_to_contain_ms;

  return (
    <Group gap="lg" wrap="wrap">
      <Tooltip label={`Detected ${formatInstant(incident.detected_at)}`} withArrow>
        <Group gap={6} wrap="nowrap">
          <IconClockHour4 size={16} aria-hidden />
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {open ? 'Open ' : 'Closed after '}
            </Text>
            <Text span fw={600} size="sm">{open ? running(now - detected) : formatDuration(incident.metrics.time_to_close_ms)}</Text>
            {open && <Text span c="dimmed" size="sm"> since detection</Text>}
          </Text>
        </Group>
      </Tooltip>
      {contained !== null ? (
        <Tooltip label={`Contained ${formatInstant(incident.contained_at)}`} withArrow>
          <Group gap={6} wrap="nowrap">
            <IconShieldCheck size={16} aria-hidden color="var(--mantine-color-teal-text)" />
            <Text size="sm">
              <Text span c="dimmed" size="sm">Contained in </Text>
              <Text span fw={600} size="sm">{formatDuration(contained)}</Text>
            </Text>
          </Group>
        </Tooltip>
      ) : (
        <Group gap={6} wrap="nowrap">
          <IconShieldHalfFilled size={16} aria-hidden color="var(--mantine-color-orange-text)" />
          <Text size="sm">
            <Text span c="dimmed" size="sm">Not contained yet · </Text>
            <Text span fw={600} size="sm">{running(now - detected)}</Text>
            <Text span c="dimmed" size="sm"> so far</Text>
          </Text>
        </Group>
      )}
    </Group>
  );
}
