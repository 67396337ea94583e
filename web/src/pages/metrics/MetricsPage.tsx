import { BarChart, LineChart } from '@mantine/charts';
import { Center, Group, Loader, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDuration } from '../../format/time';
import {
  RESPONSE_TIMES,
  RESPONSE_TIME_LABELS,
  ageRows,
  categoryLabel,
  severityLabel,
  shareLabel,
  stackedRows,
  trendRows,
  windowOf,
  type IncidentMetrics,
  type ResponseTime,
  type StackedRows,
} from './metrics';

const WINDOWS = ['3', '6', '12', '24'];

function Panel({ title, children, caption }: { title: string; children: ReactNode; caption?: string }) {
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
      {caption && (
        <Text size="xs" c="dimmed" mt={4}>
          {caption}
        </Text>
      )}
    </Paper>
  );
}

function Stacked({ data, label }: { data: StackedRows; label: string }) {
  if (data.series.length === 0) return <Text size="sm" c="dimmed">No incident in this period.</Text>;
  return (
    <figure aria-label={label} style={{ margin: 0 }} data-testid={label}>
      <BarChart h={240} data={data.rows} dataKey="month" type="stacked" series={data.series} withLegend legendProps={{ verticalAlign: 'bottom' }} yAxisLabel="Incidents" />
    </figure>
  );
}

function Trend({ metrics, metric }: { metrics: IncidentMetrics; metric: ResponseTime }) {
  const rows = trendRows(metrics.months, metric);
  const overall = metrics.response_times[metric];
  return (
    <Panel title={RESPONSE_TIME_LABELS[metric]} caption={`Overall: median ${formatDuration(overall.median_ms)}, p90 ${formatDuration(overall.p90_ms)}, p95 ${formatDuration(overall.p95_ms)} over ${overall.count} incidents.`}>
      {overall.count === 0 ? (
        <Text size="sm" c="dimmed">No incident in this period reached this step.</Text>
      ) : (
        <figure aria-label={`${RESPONSE_TIME_LABELS[metric]} trend`} style={{ margin: 0 }}>
          <LineChart
            h={200}
            data={rows}
            dataKey="month"
            connectNulls
            withLegend
            unit=" h"
            yAxisLabel="Hours"
            series={[
              { name: 'median', label: 'Median', color: 'blue.6' },
              { name: 'p90', label: '90th percentile', color: 'orange.6' },
            ]}
            lineProps={(s) => (s.name === 'p90' ? { strokeDasharray: '6 4' } : {})}
          />
        </figure>
      )}
    </Panel>
  );
}

/** /metrics — how incident response is going: volume by category and severity, response-time trends, known risks, open action items. */
export function MetricsPage() {
  const [params, setParams] = useSearchParams();
  const months = WINDOWS.includes(params.get('months') ?? '') ? params.get('months')! : '12';
  const { from } = windowOf(Number(months));
  const metrics = useQuery({ queryKey: ['metrics', 'incidents', from], queryFn: () => api.get<IncidentMetrics>('/api/v1/metrics/incidents', { from }) });
  const m = metrics.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Incident metrics
        </Title>
        <SegmentedControl
          aria-label="Period"
          value={months}
          onChange={(v) => setParams({ months: v }, { replace: true })}
          data={WINDOWS.map((w) => ({ value: w, label: `${w} months` }))}
        />
      </Group>
      {metrics.isError && <ProblemAlert error={metrics.error} title="The metrics could not be loaded" onRetry={() => void metrics.refetch()} />}
      {!m ? (
        !metrics.isError && (
          <Center py="xl">
            <Loader size="sm" aria-label="Loading metrics" />
          </Center>
        )
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {m.incidents} incidents detected in the period (months in UTC); restricted incidents count only for those who may see them.
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <Panel title="Incidents by category">
              <Stacked data={stackedRows(m.months, 'by_category', categoryLabel)} label="Incidents by category per month" />
            </Panel>
            <Panel title="Incidents by severity">
              <Stacked data={stackedRows(m.months, 'by_severity', severityLabel)} label="Incidents by severity per month" />
            </Panel>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="sm">
            {RESPONSE_TIMES.map((metric) => (
              <Trend key={metric} metrics={m} metric={metric} />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <Panel title="Root cause was a known risk" caption="Reviewed incidents with a root cause naming a risk of the register, or linked to one.">
              <Stack gap={6}>
                <Text size="xl" fw={700} aria-label="Share with a known risk">
                  {shareLabel(m.known_risk_root_causes.share)}
                </Text>
                <Progress value={(m.known_risk_root_causes.share ?? 0) * 100} aria-label="Share of reviewed incidents whose root cause was a known risk" />
                <Text size="sm">
                  {m.known_risk_root_causes.with_known_risk} of {m.known_risk_root_causes.reviewed} reviewed incidents
                </Text>
              </Stack>
            </Panel>
            <Panel title="Open action items by age" caption={`${m.open_action_items.total} open action items, by days since they were written.`}>
              <figure aria-label="Open action items by age" style={{ margin: 0 }}>
                <BarChart h={200} data={ageRows(m.open_action_items.by_age)} dataKey="age" series={[{ name: 'count', label: 'Open action items', color: 'teal.6' }]} />
              </figure>
            </Panel>
          </SimpleGrid>
          <Panel title="Response-time percentiles">
            <Table fz="sm" verticalSpacing={2} aria-label="Response-time percentiles">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Measure</Table.Th>
                  <Table.Th>Incidents</Table.Th>
                  <Table.Th>p50</Table.Th>
                  <Table.Th>p75</Table.Th>
                  <Table.Th>p90</Table.Th>
                  <Table.Th>p95</Table.Th>
                  <Table.Th>Longest</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {RESPONSE_TIMES.map((metric) => {
                  const s = m.response_times[metric];
                  return (
                    <Table.Tr key={metric}>
                      <Table.Td>{RESPONSE_TIME_LABELS[metric]}</Table.Td>
                      <Table.Td>{s.count}</Table.Td>
                      <Table.Td>{formatDuration(s.p50_ms)}</Table.Td>
                      <Table.Td>{formatDuration(s.p75_ms)}</Table.Td>
                      <Table.Td>{formatDuration(s.p90_ms)}</Table.Td>
                      <Table.Td>{formatDuration(s.p95_ms)}</Table.Td>
                      <Table.Td>{formatDuration(s.max_ms)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Panel>
        </>
      )}
    </Stack>
  );
}
