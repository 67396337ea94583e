import { CompositeChart } from '@mantine/charts';
import { Anchor, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RelativeTime } from '../../format/RelativeTime';
import { CalibrationChart } from './CalibrationChart';
import { trendRows } from './dashboard';
import { formatMoney } from './fair';
import { LevelBadge } from './LevelBadge';
import { useRiskAppetite, useRiskDashboard, useRiskMatrix } from './queries';
import { RiskNav } from './RiskNav';
import type { Risk, RiskMatrix } from './types';

function Card({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {title}
          </Title>
          <Text fw={700} c={count > 0 ? undefined : 'dimmed'}>
            {count}
          </Text>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function RiskList({ risks, matrix, currency, extra }: { risks: Risk[]; matrix: RiskMatrix | undefined; currency: string; extra?: (r: Risk) => ReactNode }) {
  if (risks.length === 0) return <Text size="sm" c="dimmed">None.</Text>;
  return (
    <Table fz="sm" verticalSpacing={4}>
      <Table.Tbody>
        {risks.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td w="1%">
              <Text ff="monospace" size="xs" style={{ whiteSpace: 'nowrap' }}>
                {r.number}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/risks/${r.id}`} size="sm" lineClamp={1}>
                {r.title}
              </Anchor>
            </Table.Td>
            <Table.Td w="1%">
              <LevelBadge matrix={matrix} level={r.residual_level} size="xs" />
            </Table.Td>
            <Table.Td w="1%" style={{ whiteSpace: 'nowrap' }}>
              {extra ? extra(r) : formatMoney(r.annual_loss_mean, currency)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** /risks/dashboard — what needs a decision, and how the residual picture moved over the year. */
export function RiskDashboardPage() {
  const dashboard = useRiskDashboard();
  const matrix = useRiskMatrix();
  const appetite = useRiskAppetite();
  const currency = appetite.data?.currency ?? 'EUR';
  const d = dashboard.data;
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        Risk dashboard
      </Title>
      <RiskNav />
      {dashboard.isError && <ProblemAlert error={dashboard.error} title="The dashboard could not be loaded" onRetry={() => void dashboard.refetch()} />}
      {!d ? (
        !dashboard.isError && (
          <Center py="xl">
            <Loader size="sm" aria-label="Loading" />
          </Center>
        )
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <Card title="Top risks" count={d.top.length}>
              <RiskList risks={d.top} matrix={matrix.data} currency={currency} />
            </Card>
            <Card title="Over appetite" count={d.over_appetite.length}>
              <RiskList risks={d.over_appetite} matrix={matrix.data} currency={currency} />
            </Card>
            <Card title="Overdue reviews" count={d.overdue_reviews.length}>
              <RiskList risks={d.overdue_reviews} matrix={matrix.data} currency={currency} extra={(r) => <Text size="sm" c="red"><RelativeTime iso={r.next_review_at} /></Text>} />
            </Card>
            <Card title="Overdue treatments" count={d.overdue_treatments.length}>
              {d.overdue_treatments.length === 0 ? (
                <Text size="sm" c="dimmed">None.</Text>
              ) : (
                <RiskList
                  risks={d.overdue_treatments.map((t) => t.risk)}
                  matrix={matrix.data}
                  currency={currency}
                  extra={(r) => {
                    const t = d.overdue_treatments.find((x) => x.risk.id === r.id);
                    return <Text size="sm" c="red">due <RelativeTime iso={t?.due_at} /></Text>;
                  }}
                />
              )}
            </Card>
            <Card title="Expired acceptances" count={d.expired_acceptances.length}>
              <RiskList risks={d.expired_acceptances} matrix={matrix.data} currency={currency} />
            </Card>
          </SimpleGrid>
          <Paper withBorder radius="sm" p="sm" component="section" aria-label="Residual trend">
            <Stack gap="xs">
              <Title order={2} size="h5">
                Residual risk over the last 12 months
              </Title>
              {d.trend.length === 0 ? (
                <Text size="sm" c="dimmed">No history yet.</Text>
              ) : (
                <CompositeChart
                  h={300}
                  data={trendRows(d.trend, matrix.data)}
                  dataKey="month"
                  withLegend
                  withRightYAxis
                  yAxisLabel="Risks"
                  rightYAxisLabel={`Annual loss (${currency})`}
                  rightYAxisProps={{ tickFormatter: (v: number) => formatMoney(v, currency) }}
                  series={[
                    ...(matrix.data?.levels ?? []).map((l) => ({ name: l.id, label: l.name, color: l.color, type: 'area' as const })),
                    { name: 'annual_loss', label: 'Total mean annual loss', color: 'blue.5', type: 'line' as const, yAxisId: 'right' },
                  ]}
                  areaProps={{ stackId: 'levels' }}
                  withDots={false}
                />
              )}
            </Stack>
          </Paper>
          <CalibrationChart currency={currency} />
        </>
      )}
    </Stack>
  );
}
