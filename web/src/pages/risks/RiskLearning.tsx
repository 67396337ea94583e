import { LineChart } from '@mantine/charts';
import { Anchor, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../format/time';
import { riskPath } from './queries';
import { extendToNow, incidentMarkers, scoreRows, type IncidentMark, type RiskIncidents, type ScorePoint } from './riskLearning';
import type { RiskMatrix } from './types';

/** `GET /api/v1/risks/{id}/score-history`: the levels as they changed, and the incidents by detection date. */
interface ScoreHistory {
  risk_id: string;
  number: string;
  points: ScorePoint[];
  incidents: IncidentMark[];
}

/** The risk's "Incidents" tab: how often it materialised, the incidents, and its score over time with them marked. */
export function RiskLearning({ riskId, matrix }: { riskId: string; matrix: RiskMatrix | undefined }) {
  const incidents = useQuery({ queryKey: ['risk', riskId, 'incidents'], queryFn: () => api.get<RiskIncidents>(`${riskPath(riskId)}/incidents`) });
  const history = useQuery({ queryKey: ['risk', riskId, 'score-history'], queryFn: () => api.get<ScoreHistory>(`${riskPath(riskId)}/score-history`) });
  return (
    <Stack gap="sm">
      <Paper withBorder radius="sm" p="sm" component="section" aria-label="Times materialised">
        <Title order={2} size="h5" mb="xs">
          Incidents where it materialised
        </Title>
        {incidents.isError && <ProblemAlert error={incidents.error} title="The incidents could not be loaded" />}
        {incidents.isPending ? (
          <Loader size="xs" aria-label="Loading incidents" />
        ) : (
          incidents.data && (
            <Stack gap="xs">
              <Group gap="xl">
                <Text size="sm">
                  Last 12 months:{' '}
                  <Text span fw={700} aria-label="Times materialised in the last 12 months">
                    {incidents.data.materialised.last_12_months}
                  </Text>
                </Text>
                <Text size="sm">
                  Ever:{' '}
                  <Text span fw={700} aria-label="Times materialised ever">
                    {incidents.data.materialised.ever}
                  </Text>
                </Text>
              </Group>
              {incidents.data.not_shown > 0 && (
                <Text size="xs" c="dimmed">
                  {incidents.data.not_shown} of them are restricted incidents you are not a member of: counted, not listed.
                </Text>
              )}
              {incidents.data.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No incident is linked to this risk yet. Link it from an incident&apos;s &quot;Risks &amp; controls&quot; tab when it materialises.
                </Text>
              ) : (
                <Table fz="sm" verticalSpacing={2} aria-label="Incidents of this risk">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Incident</Table.Th>
                      <Table.Th>Materialised</Table.Th>
                      <Table.Th>Note</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {incidents.data.items.map(({ incident: i, materialised_at, note }) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/incidents/${i.id}`} size="sm">
                            {i.number} {i.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{formatInstant(materialised_at)}</Table.Td>
                        <Table.Td>{note || '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          )
        )}
      </Paper>
      <Paper withBorder radius="sm" p="sm" component="section" aria-label="Score over time">
        <Title order={2} size="h5" mb="xs">
          Score over time
        </Title>
        {history.isError && <ProblemAlert error={history.error} title="The score history could not be loaded" />}
        {history.isPending ? (
          <Center py="md">
            <Loader size="xs" aria-label="Loading score history" />
          </Center>
        ) : (
          history.data && <ScoreChart history={history.data} matrix={matrix} />
        )}
      </Paper>
    </Stack>
  );
}

function ScoreChart({ history, matrix }: { history: ScoreHistory; matrix: RiskMatrix | undefined }) {
  const levels = matrix?.levels ?? [];
  const rows = extendToNow(scoreRows(history.points, levels), Date.now());
  const marks = incidentMarkers(history.incidents);
  if (rows.length === 0) return <Text size="sm" c="dimmed">No score recorded yet.</Text>;
  const xs = [...rows.map((r) => r.t), ...marks.map((m) => m.x)];
  // A history of a day or two reads in hours; a longer one in days.
  const short = Math.max(...xs) - Math.min(...xs) < 2 * 86_400_000;
  const day = (t: number) =>
    short ? new Date(t).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) : new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: '2-digit' });
  return (
    <figure aria-label="Score over time with incidents" style={{ margin: 0 }} data-testid="score-history">
      <LineChart
        h={260}
        data={rows}
        dataKey="t"
        curveType="stepAfter"
        withLegend
        series={[
          { name: 'inherent', label: 'Inherent level', color: 'gray.6' },
          { name: 'residual', label: 'Residual level', color: 'blue.6' },
        ]}
        xAxisProps={{ type: 'number', scale: 'time', domain: [Math.min(...xs), Math.max(...xs)], tickFormatter: day }}
        yAxisProps={{ domain: [0, Math.max(levels.length, 1)], allowDecimals: false, tickFormatter: (v: number) => levels[v - 1]?.name ?? '' }}
        valueFormatter={(v) => levels[v - 1]?.name ?? String(v)}
        tooltipProps={{ labelFormatter: (v: unknown) => day(Number(v)) }}
        referenceLines={marks.map((m) => ({ x: m.x, label: m.label, color: 'red.6', labelPosition: 'insideTopRight', strokeDasharray: '4 3' }))}
      />
      <figcaption>
        <Text size="xs" c="dimmed">
          The risk&apos;s levels as they changed (steps); the dashed red lines are the incidents where it materialised, by detection date.
          {marks.length > 0 && ` Incidents: ${history.incidents.map((i) => i.number).join(', ')}.`}
        </Text>
      </figcaption>
    </figure>
  );
}
