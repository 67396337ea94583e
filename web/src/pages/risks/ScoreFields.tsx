import { Group, Stack, Text } from '@mantine/core';
import { LevelBadge } from './LevelBadge';
import { LevelPicker } from './LevelPicker';
import { levelFor } from './matrix';
import type { RiskMatrix } from './types';

/** A likelihood × impact pair with the level the matrix gives it, shown as the user picks. */
export function ScoreFields({ basis, matrix, likelihood, impact, onChange, errors, optional }: { basis: 'Inherent' | 'Residual'; matrix: RiskMatrix; likelihood: string | null; impact: string | null; onChange: (change: { likelihood?: string | null; impact?: string | null }) => void; errors: Record<string, string | undefined>; optional?: boolean }) {
  const level = levelFor(matrix, likelihood, impact);
  return (
    <Stack gap={4}>
      <Group align="flex-start" gap="md">
        <LevelPicker label={`${basis} likelihood`} levels={matrix.likelihood_levels} value={likelihood} onChange={(v) => onChange({ likelihood: v })} error={errors.likelihood} required={!optional} clearable={optional} />
        <LevelPicker label={`${basis} impact`} levels={matrix.impact_levels} value={impact} onChange={(v) => onChange({ impact: v })} error={errors.impact} required={!optional} clearable={optional} />
        <Stack gap={4} pt={24}>
          <Text size="sm" aria-live="polite">
            {basis} level: {level ? <LevelBadge matrix={matrix} level={level} aria-label={`${basis} level`} /> : <Text span c="dimmed" size="sm">{optional ? 'from the linked controls' : 'pick both'}</Text>}
          </Text>
        </Stack>
      </Group>
    </Stack>
  );
}
