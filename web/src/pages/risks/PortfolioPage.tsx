import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LossCurve } from './LossCurve';
import { contributionRows, portfolioResult, progressPercent } from './portfolio';
import { useRiskAppetite } from './queries';
import { RiskNav } from './RiskNav';
import { SimulationStats } from './SimulationStats';
import type { Simulation } from './types';

/** /risks/portfolio — every quantified risk simulated together, year by year, with each one's share. */
export function PortfolioPage() {
  const appetite = useRiskAppetite();
  const currency = appetite.data?.currency ?? 'EUR';
  const [iterations, setIterations] = useState('10000');
  const [id, setId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => api.post<{ id: string }>('/api/v1/simulations/portfolio', { iterations: Number(iterations) || 10000 }),
    onSuccess: (answer) => setId(answer.id),
  });
  const simulation = useQuery({
    queryKey: ['simulation', id],
    queryFn: () => api.get<Simulation>(`/api/v1/simulations/${encodeURIComponent(id!)}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'running' ? false : 400),
  });
  const running = start.isPending || (id !== null && (!simulation.data || simulation.data.status === 'running'));
  const result = simulation.data?.status === 'running' ? null : portfolioResult(simulation.data);
  const rows = result ? contributionRows(result.contributions) : [];

  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        Portfolio
      </Title>
      <RiskNav />
      <Paper withBorder radius="sm" p="md">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Simulates every quantified risk together in each simulated year (never by adding percentiles), so the totals show what the
            organisation as a whole can lose in a year.
          </Text>
          <Group align="flex-end" gap="sm">
            <TextInput label="Simulated years" w={160} value={iterations} onChange={(e) => setIterations(e.currentTarget.value)} inputMode="numeric" />
            <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={running} onClick={() => start.mutate()}>
              Run portfolio simulation
            </Button>
          </Group>
          {id !== null && running && (
            <Stack gap={4}>
              <Progress value={progressPercent(simulation.data?.progress)} animated aria-label="Simulation progress" />
              <Text size="xs" c="dimmed">
                {Math.round(progressPercent(simulation.data?.progress))} % simulated…
              </Text>
            </Stack>
          )}
          {start.isError && <ProblemAlert error={start.error} title="The portfolio simulation could not start" />}
          {simulation.isError && <ProblemAlert error={simulation.error} title="The simulation's progress could not be read" />}
          {simulation.data?.status === 'failed' && <ProblemAlert error={new Error(simulation.data.error ?? 'The simulation failed.')} title="The simulation failed" />}
        </Stack>
      </Paper>
      {result && (
        <>
          <Paper withBorder radius="sm" p="md" component="section" aria-label="Portfolio totals">
            <Stack gap="sm">
              <Title order={2} size="h5">
                Totals
              </Title>
              <SimulationStats result={result.totals} currency={currency} />
              <LossCurve lec={result.totals.lec} tolerance={appetite.data?.loss_tolerance ?? []} currency={currency} label="Portfolio loss exceedance curve" />
            </Stack>
          </Paper>
          <Paper withBorder radius="sm" p="md" component="section" aria-label="Contribution by risk">
            <Stack gap="sm">
              <Title order={2} size="h5">
                Contribution by risk
              </Title>
              {rows.length === 0 ? (
                <Text size="sm" c="dimmed">No quantified risk. Give risks FAIR inputs on their FAIR analysis tab.</Text>
              ) : (
                <BarChart
                  h={Math.max(200, rows.length * 34)}
                  data={rows}
                  dataKey="risk"
                  orientation="vertical"
                  unit=" %"
                  withLegend
                  series={[
                    { name: 'share_of_mean', label: 'Share of mean annual loss', color: 'blue.6' },
                    { name: 'share_of_p95', label: 'Share of the p95 tail', color: 'orange.6' },
                  ]}
                  yAxisProps={{ width: 90 }}
                />
              )}
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}
