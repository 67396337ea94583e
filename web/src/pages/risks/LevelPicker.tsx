import { Select, Stack, Text } from '@mantine/core';
import type { ImpactLevel, LikelihoodLevel } from './types';

/** A likelihood or impact picker whose options carry the matrix's level descriptions. */
export function LevelPicker({ label, levels, value, onChange, error, required, clearable }: { label: string; levels: Array<LikelihoodLevel | ImpactLevel>; value: string | null; onChange: (value: string | null) => void; error?: string; required?: boolean; clearable?: boolean }) {
  const chosen = levels.find((l) => l.id === value);
  return (
    <Select
      label={label}
      required={required}
      clearable={clearable}
      data={levels.map((l) => ({ value: l.id, label: l.name }))}
      value={value}
      onChange={onChange}
      error={error}
      description={chosen?.description}
      renderOption={({ option }) => {
        const level = levels.find((l) => l.id === option.value);
        return (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {option.label}
            </Text>
            {level?.description && (
              <Text size="xs" c="dimmed">
                {level.description}
              </Text>
            )}
          </Stack>
        );
      }}
      w={{ base: '100%', sm: 260 }}
    />
  );
}
