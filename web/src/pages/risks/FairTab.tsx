import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RelativeTime } from '../../format/RelativeTime';
import { FactorFields } from './FactorFields';
import { fairDraft, fairInputs, formatMoney, pointsAboveTolerance } from './fair';
import { LossCurve } from './LossCurve';
import { riskPath, useRiskInvalidation, useRiskSimulations } from './queries';
import { SimulationStats } from './SimulationStats';
import type { CompareResult, Risk, RiskAppetite, RiskDetail, Simulation, SimulationResult } from './types';

/** A simulation answer may be the kept simulation (with its result) or the result itself. */
export function resultOf(answer: unknown): SimulationResult | null {
  if (!answer || typeof answer !== 'object') return null;
  const a = answer as { result?: unknown; mean?: unknown };
  if (a.result && typeof a.result === 'object') return a.result as SimulationResult;
  return typeof a.mean === 'number' ? (answer as SimulationResult) : null;
}

/** The FAIR analysis of one risk: inputs, a run, its curve against tolerance, past runs, and a proposed control. */
export function FairTab({ risk, appetite }: { risk: RiskDetail; appetite: RiskAppetite | undefined }) {
  const canWrite = useCan('risk.write');
  const invalidate = useRiskInvalidation();
  const simulations = useRiskSimulations(risk.id);
  const [draft, setDraft] = useState(() => fairDraft(risk.fair_inputs));
  const [shownErrors, setShownErrors] = useState<Partial<Record<string, string>>>({});
  const [latest, setLatest] = useState<SimulationResult | null>(() => resultOf(risk.latest_simulation));
  const currency = appetite?.currency ?? 'EUR';
  const tolerance = appetite?.loss_tolerance ?? [];

  const run = useMutation({
    mutationFn: async () => {
      const parsed = fairInputs(draft);
      if ('errors' in parsed) {
        setShownErrors(parsed.errors);
        throw new Error('Some FAIR inputs need fixing (see the fields above).');
      }
      setShownErrors({});
      if (JSON.stringify(parsed.inputs) !== JSON.stringify(risk.fair_inputs)) {
        await api.patch<Risk>(riskPath(risk.id), { fair_inputs: parsed.inputs, reason: 'FAIR inputs updated' }, { ifMatch: risk.version });
      }
      return api.post<unknown>(`${riskPath(risk.id)}/simulations`, {});
    },
    onSuccess: (answer) => setLatest(resultOf(answer)),
    onSettled: () => invalidate(risk.id),
  });
  const above = latest ? pointsAboveTolerance(latest.lec, tolerance) : [];

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <Paper withBorder radius="sm" p="md" component="section" aria-label="FAIR inputs">
          <Stack gap="sm">
            <Title order={2} size="h5">
              Inputs
            </Title>
            <Text size="xs" c="dimmed">
              Frequencies per year, vulnerability and probabilities between 0 and 1, losses in {currency}. Give a range when you are
              unsure: min – most likely – max, or a 90 % interval you are confident in.
            </Text>
            <FactorFields draft={draft} onChange={setDraft} errors={shownErrors} />
            {run.isError && <ProblemAlert error={run.error} title="The simulation could not run" />}
            {canWrite && (
              <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={run.isPending} onClick={() => run.mutate()} style={{ alignSelf: 'flex-start' }}>
                Save inputs and run simulation
              </Button>
            )}
          </Stack>
        </Paper>
        <Paper withBorder radius="sm" p="md" component="section" aria-label="Simulation result">
          <Stack gap="sm">
            <Title order={2} size="h5">
              Result
            </Title>
            {latest ? (
              <>
                <SimulationStats result={latest} currency={currency} />
                {tolerance.length > 0 &&
                  (above.length ? (
                    <Alert color="red" variant="light" title="Over the loss tolerance">
                      The curve lies above the tolerance at {above.map((t) => `${formatMoney(t.loss, currency)} (${Math.round(t.probability * 100)} %)`).join(', ')}.
                    </Alert>
                  ) : (
                    <Text size="sm" c="green">
                      Within the loss tolerance at every tolerance point.
                    </Text>
                  ))}
                <LossCurve lec={latest.lec} tolerance={tolerance} currency={currency} />
              </>
            ) : (
              <Text size="sm" c="dimmed">
                Not simulated yet. Enter the inputs and run a simulation to see the annual loss and its exceedance curve.
              </Text>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
      <CompareControl risk={risk} currency={currency} />
      <Paper withBorder radius="sm" p="md" component="section" aria-label="Past simulations">
        <Stack gap="xs">
          <Title order={2} size="h5">
            Past simulations
          </Title>
          {simulations.isError && <ProblemAlert error={simulations.error} />}
          {simulations.data?.length ? <SimulationTable simulations={simulations.data} currency={currency} onShow={(s) => setLatest(resultOf(s))} /> : <Text size="sm" c="dimmed">None yet.</Text>}
        </Stack>
      </Paper>
    </Stack>
  );
}

function SimulationTable({ simulations, currency, onShow }: { simulations: Simulation[]; currency: string; onShow: (s: Simulation) => void }) {
  return (
    <Table fz="sm" aria-label="Simulations">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Years</Table.Th>
          <Table.Th>Seed</Table.Th>
          <Table.Th>Mean</Table.Th>
          <Table.Th>p90</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {simulations.map((s) => {
          const r = resultOf(s);
          return (
            <Table.Tr key={s.id}>
              <Table.Td>
                <RelativeTime iso={s.finished_at ?? s.created_at} />
              </Table.Td>
              <Table.Td>{s.iterations.toLocaleString('en')}</Table.Td>
              <Table.Td>{s.seed}</Table.Td>
              <Table.Td>{formatMoney(r?.mean, currency)}</Table.Td>
              <Table.Td>{formatMoney(r?.p90, currency)}</Table.Td>
              <Table.Td>
                {r && (
                  <Button size="compact-xs" variant="subtle" onClick={() => onShow(s)}>
                    Show
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function CompareControl({ risk, currency }: { risk: RiskDetail; currency: string }) {
  const [open, setOpen] = useState(false);
  const [after, setAfter] = useState(() => fairDraft(risk.fair_inputs));
  const [cost, setCost] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const compare = useMutation({
    mutationFn: () => {
      const parsed = fairInputs(after);
      const costValue = Number(cost);
      if ('errors' in parsed || !(costValue > 0)) {
        setErrors({ ...('errors' in parsed ? parsed.errors : {}), ...(costValue > 0 ? {} : { cost: 'the yearly cost of the control, above 0' }) });
        throw new Error('Some inputs need fixing (see the fields above).');
      }
      setErrors({});
      return api.post<CompareResult>('/api/v1/simulations/compare', { risk_id: risk.id, after: parsed.inputs, control_cost_per_year: costValue });
    },
  });
  if (!risk.fair_inputs) return null;
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label="Compare with a proposed control">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            Compare with a proposed control
          </Title>
          <Button variant="default" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Hide' : 'Compare with a proposed control'}
          </Button>
        </Group>
        {open && (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <Stack gap="sm">
              <Text size="xs" c="dimmed">
                Change the factors the control would change (for example a lower vulnerability), and give what it costs a year.
              </Text>
              <FactorFields draft={after} onChange={setAfter} errors={errors} prefix="With the control: " />
              <TextInput label={`Control cost per year (${currency})`} w={220} value={cost} onChange={(e) => setCost(e.currentTarget.value)} error={errors.cost} inputMode="decimal" />
              {compare.isError && <ProblemAlert error={compare.error} title="The comparison could not run" />}
              <Button onClick={() => compare.mutate()} loading={compare.isPending} style={{ alignSelf: 'flex-start' }}>
                Compare
              </Button>
            </Stack>
            {compare.data && (
              <Stack gap="xs" aria-label="Comparison">
                <Text size="sm">
                  Mean annual loss: {formatMoney(compare.data.before.mean, currency)} → {formatMoney(compare.data.after.mean, currency)}
                </Text>
                <Text size="lg" fw={700}>
                  Reduction: {formatMoney(compare.data.reduction_mean, currency)} a year
                </Text>
                <Text size="lg" fw={700} c={(compare.data.return_on_control ?? 0) >= 0 ? 'green' : 'red'}>
                  Return on control: {compare.data.return_on_control === null ? '—' : `${Math.round(compare.data.return_on_control * 100)} %`}
                </Text>
                <Text size="xs" c="dimmed">
                  Return on control = (reduction in mean annual loss − yearly cost) ÷ yearly cost.
                </Text>
              </Stack>
            )}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
