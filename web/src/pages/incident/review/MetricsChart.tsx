import { BarChart } from '@mantine/charts';
import { Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDuration } from '../../../format/time';
import { useIncidentMetrics } from './queries';
import { chartUnit, metricPairs } from './reviewDraft';
import { METRIC_LABELS } from './types';

/** This incident's response times beside the organisation's medians over the last twelve months. */
export function MetricsChart({ incidentId }: { incidentId: string }) {
  const metrics = useIncidentMetrics(incidentId);
  if (metrics.isPending) return <Skeleton h={160} />;
  if (metrics.isError) return <ProblemAlert error={metrics.error} title="The metrics could not be loaded" onRetry={() => void metrics.refetch()} />;
  const pairs = metricPairs(metrics.data);
  const max = Math.max(0, ...pairs.flatMap((p) => [p.incident ?? 0, p.median ?? 0]));
  const unit = chartUnit(max);
  const round = (ms: number | null) => (ms === null ? null : Math.round((ms / unit.ms) * 10) / 10);
  const data = pairs.map((p) => ({ metric: METRIC_LABELS[p.key], 'This incident': round(p.incident), 'Median (12 months)': round(p.median) }));
  return (
    <Stack gap="xs">
      {max > 0 ? (
        <Paper p="xs">
          <BarChart
            h={200}
            data={data}
            dataKey="metric"
            unit={` ${unit.label}`}
            series={[
              { name: 'This incident', color: 'blue.6' },
              { name: 'Median (12 months)', color: 'gray.5' },
            ]}
            withLegend
            aria-hidden
          />
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          No times measured yet.
        </Text>
      )}
      <Table verticalSpacing={2} aria-label="Response times against the medians">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time to</Table.Th>
            <Table.Th>This incident</Table.Th>
            <Table.Th>Median (12 months)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pairs.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>{METRIC_LABELS[p.key]}</Table.Td>
              <Table.Td>{p.incident === null ? 'not measured' : formatDuration(p.incident)}</Table.Td>
              <Table.Td>{p.median === null ? 'no data' : formatDuration(p.median)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
