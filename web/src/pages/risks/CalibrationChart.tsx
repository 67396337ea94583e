import { ScatterChart } from '@mantine/charts';
import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatMoney, formatPercent } from './fair';
import { calibrationPoints, calibrationRows, calibrationVerdict, type CalibrationRisk } from './riskLearning';

/** Realised versus estimated loss across the risks that materialised: points on the diagonal were estimated right. */
export function CalibrationChart({ currency }: { currency: string }) {
  const calibration = useQuery({
    queryKey: ['risks', 'calibration'],
    queryFn: async () => (await api.get<{ items: CalibrationRisk[] }>('/api/v1/risks/calibration')).items,
  });
  const entries = calibrationRows(calibration.data ?? []);
  const { points, max } = calibrationPoints(entries);
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-label="Calibration">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Calibration: realised versus estimated loss
        </Title>
        {calibration.isError && <ProblemAlert error={calibration.error} title="The calibration could not be loaded" />}
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {calibration.isPending ? 'Loading…' : 'No realised loss yet. Reviews of incidents linked to quantified risks record what the incident cost; those risks appear here.'}
          </Text>
        ) : (
          <>
            {points.length > 0 && (
              <figure aria-label="Realised versus estimated loss" style={{ margin: 0 }} data-testid="calibration-chart">
                <ScatterChart
                  h={280}
                  data={[{ color: 'blue.6', name: 'Risks', data: points }]}
                  dataKey={{ x: 'estimated', y: 'realised' }}
                  xAxisLabel={`Estimated mean annual loss (${currency})`}
                  yAxisLabel={`Realised loss (${currency})`}
                  xAxisProps={{ domain: [0, max], tickFormatter: (v: number) => formatMoney(v, currency) }}
                  yAxisProps={{ domain: [0, max], tickFormatter: (v: number) => formatMoney(v, currency) }}
                  valueFormatter={(v) => formatMoney(v, currency)}
                  referenceLines={[{ segment: [{ x: 0, y: 0 }, { x: max, y: max }], color: 'gray.6', strokeDasharray: '6 4', label: 'Estimate = realised' }]}
                />
                <figcaption>
                  <Text size="xs" c="dimmed">
                    Each point is an incident of a risk: above the dashed diagonal it cost more than the risk’s estimated mean annual loss, below it less.
                  </Text>
                </figcaption>
              </figure>
            )}
            <Table fz="sm" verticalSpacing={2} aria-label="Calibration by risk">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Risk</Table.Th>
                  <Table.Th>Incident</Table.Th>
                  <Table.Th>Estimated mean</Table.Th>
                  <Table.Th>Estimated p90</Table.Th>
                  <Table.Th>Realised</Table.Th>
                  <Table.Th>Percentile</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={`${e.riskId}-${e.incidentId}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/risks/${e.riskId}`} size="sm">
                        {e.risk}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/incidents/${e.incidentId}`} size="sm">
                        {e.incident}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatMoney(e.estimatedMean, currency)}</Table.Td>
                    <Table.Td>{formatMoney(e.estimatedP90, currency)}</Table.Td>
                    <Table.Td>{formatMoney(e.realised, currency)}</Table.Td>
                    <Table.Td>
                      {formatPercent(e.percentile)}{' '}
                      <Text span size="xs" c="dimmed">
                        {calibrationVerdict(e)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
