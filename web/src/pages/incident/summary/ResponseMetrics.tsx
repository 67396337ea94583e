import { Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import type { ResponseMetrics as Metrics } from '../../../api/types';
import { formatDuration } from '../../../format/time';

const METRICS: Array<{ key: keyof Metrics; label: string; explains: string }> = [
  { key: 'time_to_detect_ms', label: 'Detect', explains: 'From occurred to detected' },
  { key: 'time_to_acknowledge_ms', label: 'Acknowledge', explains: 'From detected to acknowledged (a commander took it on)' },
  { key: 'time_to_contain_ms', label: 'Contain', explains: 'From detected to contained' },
  { key: 'time_to_eradicate_ms', label: 'Eradicate', explains: 'From detected to eradicated' },
  { key: 'time_to_recover_ms', label: 'Recover', explains: 'From detected to recovered' },
  { key: 'time_to_close_ms', label: 'Close', explains: 'From detected to closed' },
];

/** Time to detect, acknowledge, contain, eradicate, recover and close, as one compact row. */
export function ResponseMetrics({ metrics }: { metrics: Metrics }) {
  return (
    <Paper withBorder radius="md" px="md" py="xs">
      <SimpleGrid cols={{ base: 3, md: 6 }} spacing="md" component="dl" className="metric-row" aria-label="Response metrics">
        {METRICS.map((metric) => (
          <Tooltip key={metric.key} label={metric.explains} withArrow>
            <div>
              <Text component="dt" size="xs" c="dimmed">
                Time to {metric.label.toLowerCase()}
              </Text>
              <Text component="dd" fw={600} size="sm" c={metrics[metric.key] === null ? 'dimmed' : undefined}>
                {metrics[metric.key] === null ? 'not yet' : formatDuration(metrics[metric.key])}
              </Text>
            </div>
          </Tooltip>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
