import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Breadcrumbs, Center, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LevelBadge } from './badges';
import { formatEffectiveness } from './controlTree';
import { coverageBars, coverageMatrix, mostReliedOn, risksForCoverage } from './coverage';
import { useCoverage, useRiskLevels } from './queries';
import type { Coverage } from './types';

/** /controls/coverage: which risks rely on which controls; controls relied on by many first; risks with none stand out. */
export function CoveragePage() {
  const coverage = useCoverage();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'matrix' ? 'matrix' : 'risks';
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/controls" size="sm">
          Controls
        </Anchor>
        <Text size="sm">Coverage</Text>
      </Breadcrumbs>
      <Title order={1} size="h2">
        Control coverage
      </Title>
      {coverage.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading coverage" />
        </Center>
      ) : coverage.isError ? (
        <ProblemAlert error={coverage.error} title="The coverage could not be loaded" onRetry={() => void coverage.refetch()} />
      ) : (
        <>
          <Summary coverage={coverage.data} />
          <MostReliedOn coverage={coverage.data} />
          <Paper withBorder p="md" radius="md" component="section" aria-label="Risks and their controls">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h5">
                Risks and the controls they rely on
              </Title>
              <SegmentedControl
                size="xs"
                value={view}
                onChange={(v) => setParams(v === 'matrix' ? { view: 'matrix' } : {}, { replace: true })}
                data={[{ value: 'risks', label: 'By risk' }, { value: 'matrix', label: 'Matrix' }]}
                aria-label="Coverage view"
              />
            </Group>
            {view === 'matrix' ? <Matrix coverage={coverage.data} /> : <ByRisk coverage={coverage.data} />}
          </Paper>
        </>
      )}
    </Stack>
  );
}

function Summary({ coverage }: { coverage: Coverage }) {
  const relied = coverage.controls.filter((c) => c.risk_count > 0).length;
  return (
    <Group gap="lg" role="status" aria-label="Coverage summary">
      <Text size="sm">
        <b>{coverage.risks.length}</b> {coverage.risks.length === 1 ? 'risk' : 'risks'}
      </Text>
      <Text size="sm">
        <b>{relied}</b> {relied === 1 ? 'control relied on' : 'controls relied on'}
      </Text>
      <Group gap={4}>
        {coverage.uncovered_risks > 0 ? <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-text)" /> : <IconCheck size={16} aria-hidden color="var(--mantine-color-teal-text)" />}
        <Text size="sm" c={coverage.uncovered_risks > 0 ? 'red' : undefined} fw={coverage.uncovered_risks > 0 ? 600 : undefined}>
          {coverage.uncovered_risks === 0 ? 'Every risk relies on at least one control' : coverage.uncovered_risks === 1 ? '1 risk without any control' : `${coverage.uncovered_risks} risks without any control`}
        </Text>
      </Group>
    </Group>
  );
}

function MostReliedOn({ coverage }: { coverage: Coverage }) {
  const bars = coverageBars(coverage.controls, 15);
  const top = mostReliedOn(coverage.controls);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Controls relied on by most risks">
      <Title order={2} size="h5" mb="sm">
        Controls relied on by most risks
      </Title>
      {top.length === 0 ? (
        <Text size="sm" c="dimmed">
          No risk relies on a control yet. Link controls from a risk's page, under its treatment.
        </Text>
      ) : (
        <Stack gap="md">
          <BarChart
            h={Math.max(120, bars.length * 28)}
            data={bars}
            dataKey="control"
            orientation="vertical"
            series={[{ name: 'risks', label: 'Risks relying on it', color: 'blue.6' }]}
            yAxisProps={{ width: 90 }}
            xAxisProps={{ allowDecimals: false }}
            withBarValueLabel
            aria-hidden
          />
          <Table verticalSpacing={4} aria-label="Controls by risks relying on them">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Control</Table.Th>
                <Table.Th>Effectiveness</Table.Th>
                <Table.Th ta="right">Risks</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {top.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/controls/${c.id}`} size="sm">
                      <Text span ff="monospace" inherit fw={600}>
                        {c.ref}
                      </Text>{' '}
                      {c.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatEffectiveness(c.effectiveness)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={600}>
                      {c.risk_count}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Paper>
  );
}

function ByRisk({ coverage }: { coverage: Coverage }) {
  const levels = useRiskLevels();
  const risks = useMemo(() => risksForCoverage(coverage.risks, levels.levels.map((l) => l.id)), [coverage.risks, levels.levels]);
  if (risks.length === 0) return <Text size="sm" c="dimmed">No risks in the register yet.</Text>;
  return (
    <Table verticalSpacing={4} aria-label="Risks and their controls">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Risk</Table.Th>
          <Table.Th>Residual level</Table.Th>
          <Table.Th>Controls</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {risks.map((risk) => (
          <Table.Tr key={risk.id} bg={risk.controls.length === 0 ? 'var(--mantine-color-red-light)' : undefined} data-uncovered={risk.controls.length === 0 || undefined}>
            <Table.Td>
              <Anchor component={Link} to={`/risks/${risk.id}`} size="sm">
                {risk.number} {risk.title}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <LevelBadge level={risk.residual_level} />
            </Table.Td>
            <Table.Td>
              {risk.controls.length === 0 ? (
                <Group gap={4}>
                  <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-red-text)" />
                  <Text size="sm" c="red" fw={600}>
                    No control
                  </Text>
                </Group>
              ) : (
                <Group gap={4}>
                  {risk.controls.map((c) => (
                    <Badge key={c.id} component={Link} to={`/controls/${c.id}`} variant="light" radius="sm" style={{ cursor: 'pointer', textTransform: 'none' }} title={`${c.title} · ${formatEffectiveness(c.effectiveness)}`}>
                      {c.ref}
                    </Badge>
                  ))}
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Matrix({ coverage }: { coverage: Coverage }) {
  const levels = useRiskLevels();
  const [limit] = useState(30);
  const risks = useMemo(() => risksForCoverage(coverage.risks, levels.levels.map((l) => l.id)), [coverage.risks, levels.levels]);
  const controls = mostReliedOn(coverage.controls, limit);
  const cells = coverageMatrix(risks, controls);
  if (risks.length === 0) return <Text size="sm" c="dimmed">No risks in the register yet.</Text>;
  return (
    <Stack gap="xs">
      <div style={{ overflowX: 'auto' }}>
        <Table withColumnBorders verticalSpacing={2} horizontalSpacing={6} aria-label="Coverage matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Risk</Table.Th>
              {controls.map((c) => (
                <Table.Th key={c.id} title={c.title} style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', whiteSpace: 'nowrap', fontFamily: 'var(--mantine-font-family-monospace)' }}>
                  {c.ref}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {risks.map((risk, i) => (
              <Table.Tr key={risk.id} bg={risk.controls.length === 0 ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/risks/${risk.id}`} size="sm">
                    {risk.number}
                  </Anchor>{' '}
                  {risk.controls.length === 0 && (
                    <Text span size="xs" c="red" fw={600}>
                      no control
                    </Text>
                  )}
                </Table.Td>
                {controls.map((c, j) => (
                  <Table.Td key={c.id} ta="center" aria-label={cells[i]![j] ? `${risk.number} relies on ${c.ref}` : undefined}>
                    {cells[i]![j] ? '●' : ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {coverage.controls.filter((c) => c.risk_count > 0).length > controls.length && (
        <Text size="xs" c="dimmed">
          The {controls.length} controls relied on by most risks are shown as columns.
        </Text>
      )}
    </Stack>
  );
}
