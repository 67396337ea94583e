import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatMoney, formatPercent } from './fair';
import type { SimulationResult } from './types';

/** Mean annual loss, percentiles and the chance of any loss, as numbers a board reads. */
export function SimulationStats({ result, currency }: { result: SimulationResult; currency: string }) {
  const stats: Array<[string, string]> = [
    ['Mean annual loss', formatMoney(result.mean, currency)],
    ['p10', formatMoney(result.p10, currency)],
    ['p50 (median)', formatMoney(result.p50, currency)],
    ['p90', formatMoney(result.p90, currency)],
    ['p95', formatMoney(result.p95, currency)],
    ['p99', formatMoney(result.p99, currency)],
    ['Chance of any loss', formatPercent(result.probability_of_loss)],
  ];
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" aria-label="Simulation results">
        {stats.map(([label, value]) => (
          <Paper key={label} withBorder radius="sm" p="xs">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg" aria-label={label}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {result.iterations.toLocaleString('en')} simulated years · seed {result.seed} (run again with this seed to reproduce)
        </Text>
      </Group>
    </Stack>
  );
}
