import { Box, Group, Paper, SegmentedControl, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { levelColor, levelName, textOn } from './matrix';
import type { Basis } from './riskFilters';
import type { HeatMap as HeatMapData, RiskMatrix } from './types';

interface Props {
  data: HeatMapData | undefined;
  matrix: RiskMatrix | undefined;
  basis: Basis;
  onBasis: (basis: Basis) => void;
  selected: { likelihood: string; impact: string } | null;
  onCell: (cell: { likelihood: string; impact: string } | null) => void;
}

/**
 * Likelihood (rows, highest on top) × impact (columns): each cell in its level's colour with how many
 * risks sit there; clicking a cell filters the register to it, clicking it again clears that filter.
 */
export function HeatMap({ data, matrix, basis, onBasis, selected, onCell }: Props) {
  const rows = data ? data.likelihood_levels.map((l, i) => ({ level: l, i })).reverse() : [];
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-labelledby="heat-map-title">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5" id="heat-map-title">
            Heat map
          </Title>
          <SegmentedControl
            size="xs"
            aria-label="Heat map basis"
            value={basis}
            onChange={(value) => onBasis(value as Basis)}
            data={[
              { value: 'inherent', label: 'Inherent' },
              { value: 'residual', label: 'Residual' },
            ]}
          />
        </Group>
        {!data ? (
          <Text size="sm" c="dimmed">
            Loading…
          </Text>
        ) : (
          <Box style={{ display: 'grid', gridTemplateColumns: `auto repeat(${data.impact_levels.length}, minmax(44px, 1fr))`, gap: 3, alignItems: 'stretch' }} role="grid" aria-label={`${basis === 'inherent' ? 'Inherent' : 'Residual'} risk heat map`}>
            {rows.map(({ level: likelihood, i }) => (
              <Box key={likelihood.id} role="row" style={{ display: 'contents' }}>
                <Text role="rowheader" size="xs" c="dimmed" ta="right" pr={4} style={{ alignSelf: 'center', whiteSpace: 'nowrap' }}>
                  {likelihood.name}
                </Text>
                {data.impact_levels.map((impact, j) => {
                  const cell = data.cells[i]?.[j] ?? { level: '', count: 0 };
                  const color = levelColor(matrix, cell.level);
                  const active = selected?.likelihood === likelihood.id && selected.impact === impact.id;
                  const label = `Likelihood ${likelihood.name}, impact ${impact.name}: ${cell.count} ${cell.count === 1 ? 'risk' : 'risks'} (${levelName(matrix, cell.level)})`;
                  return (
                    <Tooltip key={impact.id} label={label} openDelay={300}>
                      <UnstyledButton
                        role="gridcell"
                        aria-label={label}
                        aria-pressed={active}
                        data-likelihood={likelihood.id}
                        data-impact={impact.id}
                        onClick={() => onCell(active ? null : { likelihood: likelihood.id, impact: impact.id })}
                        style={{
                          background: color,
                          color: textOn(color),
                          opacity: cell.count === 0 ? 0.45 : 1,
                          borderRadius: 4,
                          minHeight: 40,
                          display: 'flex',
                          alignItems: 'center',
                          justifyContent: 'center',
                          fontWeight: 700,
                          fontSize: 15,
                          outline: active ? '3px solid var(--mantine-color-text)' : undefined,
                          outlineOffset: 1,
                        }}
                      >
                        {cell.count}
                      </UnstyledButton>
                    </Tooltip>
                  );
                })}
              </Box>
            ))}
            <Box role="row" style={{ display: 'contents' }}>
              <Text size="xs" c="dimmed" ta="right" pr={4}>
                L ↑ / I →
              </Text>
              {data.impact_levels.map((impact) => (
                <Text key={impact.id} role="columnheader" size="xs" c="dimmed" ta="center" lh={1.2}>
                  {impact.name}
                </Text>
              ))}
            </Box>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
