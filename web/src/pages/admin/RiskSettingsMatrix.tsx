import { Box, Button, ColorInput, Group, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { levelColor, textOn } from '../risks/matrix';
import type { RiskMatrix } from '../risks/types';

/** The likelihood × impact matrix: level names and descriptions, colours, and each cell's level. */
export function RiskSettingsMatrix({ matrix }: { matrix: RiskMatrix }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<RiskMatrix>(() => structuredClone(matrix));
  const save = useMutation({
    mutationFn: () => api.put<RiskMatrix>('/api/v1/risk-matrix', draft),
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Matrix saved; every risk was re-scored with it.' });
      void client.invalidateQueries({ queryKey: ['risk-matrix'] });
      void client.invalidateQueries({ queryKey: ['risks'] });
      void client.invalidateQueries({ queryKey: ['risk'] });
    },
  });
  const setLevel = (kind: 'likelihood_levels' | 'impact_levels', index: number, change: { name?: string; description?: string }) =>
    setDraft((d) => ({ ...d, [kind]: d[kind].map((l, i) => (i === index ? { ...l, ...change } : l)) }));
  const setCell = (i: number, j: number, level: string) => setDraft((d) => ({ ...d, table: d.table.map((row, r) => (r === i ? row.map((c, k) => (k === j ? level : c)) : row)) }));
  const levelOptions = draft.levels.map((l) => ({ value: l.id, label: l.name }));
  const changed = JSON.stringify(draft) !== JSON.stringify(matrix);

  const levelEditor = (kind: 'likelihood_levels' | 'impact_levels', title: string) => (
    <Stack gap={6}>
      <Title order={3} size="h6">
        {title}
      </Title>
      {draft[kind].map((l, i) => (
        <Group key={l.id} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput aria-label={`${title}: name of ${l.id}`} size="xs" w={130} value={l.name} onChange={(e) => setLevel(kind, i, { name: e.currentTarget.value })} />
          <Textarea aria-label={`${title}: description of ${l.id}`} size="xs" autosize minRows={1} style={{ flex: 1 }} value={l.description} onChange={(e) => setLevel(kind, i, { description: e.currentTarget.value })} />
        </Group>
      ))}
    </Stack>
  );

  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label="Risk matrix">
      <Stack gap="md">
        <Title order={2} size="h4">
          Risk matrix
        </Title>
        <Text size="sm" c="dimmed">
          Saving re-scores every risk with the new table, in one step; each risk whose level changes gets a history entry.
        </Text>
        <Group align="flex-start" grow>
          {levelEditor('likelihood_levels', 'Likelihood levels')}
          {levelEditor('impact_levels', 'Impact levels')}
        </Group>
        <Stack gap={6}>
          <Title order={3} size="h6">
            Risk levels
          </Title>
          <Group gap="xs">
            {draft.levels.map((l, i) => (
              <Group key={l.id} gap={4} wrap="nowrap">
                <TextInput aria-label={`Name of risk level ${l.id}`} size="xs" w={110} value={l.name} onChange={(e) => setDraft((d) => ({ ...d, levels: d.levels.map((x, k) => (k === i ? { ...x, name: e.currentTarget.value } : x)) }))} />
                <ColorInput aria-label={`Colour of risk level ${l.id}`} size="xs" w={120} format="hex" value={l.color} onChange={(color) => setDraft((d) => ({ ...d, levels: d.levels.map((x, k) => (k === i ? { ...x, color } : x)) }))} />
              </Group>
            ))}
          </Group>
        </Stack>
        <Stack gap={6}>
          <Title order={3} size="h6">
            Table (likelihood rows, highest on top; impact columns)
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder withColumnBorders fz="xs" aria-label="Matrix table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Likelihood \ impact</Table.Th>
                  {draft.impact_levels.map((l) => (
                    <Table.Th key={l.id}>{l.name}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {draft.likelihood_levels
                  .map((l, i) => ({ l, i }))
                  .reverse()
                  .map(({ l, i }) => (
                    <Table.Tr key={l.id}>
                      <Table.Th>{l.name}</Table.Th>
                      {draft.impact_levels.map((im, j) => {
                        const cell = draft.table[i]?.[j] ?? '';
                        const color = levelColor(draft, cell);
                        return (
                          <Table.Td key={im.id} style={{ background: color, padding: 4 }}>
                            <Select aria-label={`Level for likelihood ${l.name}, impact ${im.name}`} size="xs" data={levelOptions} value={cell} onChange={(v) => v && setCell(i, j, v)} allowDeselect={false} styles={{ input: { background: color, color: textOn(color), fontWeight: 600 } }} />
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Preview
          </Text>
          <Box style={{ display: 'grid', gridTemplateColumns: `repeat(${draft.impact_levels.length}, 28px)`, gap: 2 }} aria-hidden>
            {[...draft.table].reverse().flatMap((row, r) => row.map((cell, c) => <Box key={`${r}-${c}`} title={cell} style={{ width: 28, height: 28, borderRadius: 3, background: levelColor(draft, cell) }} />))}
          </Box>
        </Stack>
        {save.isError && <ProblemAlert error={save.error} title="The matrix was not saved" />}
        <Group gap="xs">
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed}>
            Save matrix
          </Button>
          <Button variant="default" disabled={!changed} onClick={() => setDraft(structuredClone(matrix))}>
            Undo changes
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
