import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { tolerancePoints, type PointDraft } from '../risks/appetite';
import type { RiskAppetite, RiskMatrix } from '../risks/types';

/** The appetite: the highest acceptable residual level, the loss tolerance curve, and the currency. */
export function RiskSettingsAppetite({ appetite, matrix }: { appetite: RiskAppetite; matrix: RiskMatrix }) {
  const client = useQueryClient();
  const [maxLevel, setMaxLevel] = useState(appetite.max_level);
  const [currency, setCurrency] = useState(appetite.currency);
  const [points, setPoints] = useState<PointDraft[]>(appetite.loss_tolerance.map((p) => ({ loss: String(p.loss), probability: String(Math.round(p.probability * 1000) / 10) })));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const parsed = tolerancePoints(points);
      if ('error' in parsed) {
        setError(parsed.error);
        throw new Error(parsed.error);
      }
      setError(null);
      return api.put<RiskAppetite>('/api/v1/risk-appetite', { max_level: maxLevel, loss_tolerance: parsed.points, currency: currency.trim().toUpperCase() });
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Appetite saved; every risk was re-evaluated against it.' });
      void client.invalidateQueries({ queryKey: ['risk-appetite'] });
      void client.invalidateQueries({ queryKey: ['risks'] });
      void client.invalidateQueries({ queryKey: ['risk'] });
    },
  });
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label="Risk appetite">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Risk appetite
        </Title>
        <Group gap="md" align="flex-start">
          <Select label="Highest acceptable residual level" description="Risks above it are flagged over appetite" w={280} data={matrix.levels.map((l) => ({ value: l.id, label: l.name }))} value={maxLevel} onChange={(v) => v && setMaxLevel(v)} allowDeselect={false} />
          <TextInput label="Currency" description="ISO 4217, e.g. EUR" w={140} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} maxLength={3} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Loss tolerance curve
          </Text>
          <Text size="xs" c="dimmed">
            Each point: the largest acceptable chance in a year of losing at least that amount. A quantified risk whose loss exceedance curve
            lies above any point is over appetite.
          </Text>
          {points.map((p, i) => (
            <Group key={i} gap="xs">
              <TextInput aria-label={`Tolerance point ${i + 1} loss`} placeholder="loss" w={160} value={p.loss} onChange={(e) => setPoints(points.map((q, k) => (k === i ? { ...q, loss: e.currentTarget.value } : q)))} inputMode="decimal" />
              <TextInput aria-label={`Tolerance point ${i + 1} probability (%)`} placeholder="probability %" w={140} rightSection={<Text size="xs">%</Text>} value={p.probability} onChange={(e) => setPoints(points.map((q, k) => (k === i ? { ...q, probability: e.currentTarget.value } : q)))} inputMode="decimal" />
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove tolerance point ${i + 1}`} onClick={() => setPoints(points.filter((_, k) => k !== i))}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setPoints([...points, { loss: '', probability: '' }])} style={{ alignSelf: 'flex-start' }}>
            Add a point
          </Button>
        </Stack>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        {save.isError && !error && <ProblemAlert error={save.error} title="The appetite was not saved" />}
        <Button onClick={() => save.mutate()} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          Save appetite
        </Button>
      </Stack>
    </Paper>
  );
}
