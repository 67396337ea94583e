import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { FACTORS, type FactorDraft, type FactorKey, type FactorKind, type FairDraft } from './fair';

const KINDS: Array<{ value: FactorKind; label: string }> = [
  { value: 'number', label: 'Number' },
  { value: 'range', label: 'Min – most likely – max' },
  { value: 'interval', label: '90 % interval' },
];

/** One FAIR factor: a number, a calibrated range (modified PERT) or a 90 % interval (lognormal). */
function FactorInput({ label, unit, draft, onChange, error, prefix }: { label: string; unit: string; draft: FactorDraft; onChange: (d: FactorDraft) => void; error?: string; prefix: string }) {
  const field = (key: keyof FactorDraft, name: string, w = 130) => (
    <TextInput aria-label={`${prefix}${label} ${name}`} placeholder={name} inputMode="decimal" w={w} size="xs" value={draft[key]} onChange={(e) => onChange({ ...draft, [key]: e.currentTarget.value })} />
  );
  return (
    <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text component="legend" size="sm" fw={500}>
          {label}{' '}
          <Text span size="xs" c="dimmed">
            ({unit})
          </Text>
        </Text>
        <SegmentedControl size="xs" aria-label={`${prefix}${label} as`} data={KINDS} value={draft.kind} onChange={(kind) => onChange({ ...draft, kind: kind as FactorKind })} />
      </Group>
      <Group gap="xs">
        {draft.kind === 'number' && field('value', 'value')}
        {draft.kind === 'range' && (
          <>
            {field('min', 'min')}
            {field('most_likely', 'most likely')}
            {field('max', 'max')}
          </>
        )}
        {draft.kind === 'interval' && (
          <>
            {field('low', 'low (5th percentile)', 170)}
            {field('high', 'high (95th percentile)', 170)}
          </>
        )}
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

export function FactorFields({ draft, onChange, errors, prefix = '' }: { draft: FairDraft; onChange: (d: FairDraft) => void; errors: Partial<Record<string, string>>; prefix?: string }) {
  const setFactor = (key: FactorKey, factor: FactorDraft) => onChange({ ...draft, factors: { ...draft.factors, [key]: factor } });
  return (
    <Stack gap="sm">
      {FACTORS.map((f) => (
        <FactorInput key={f.key} prefix={prefix} label={f.label + (f.required || f.key === 'vulnerability' ? '' : ' (optional)')} unit={f.unit} draft={draft.factors[f.key]} onChange={(d) => setFactor(f.key, d)} error={errors[f.key]} />
      ))}
      <Group gap="sm">
        <TextInput label="Simulated years" size="xs" w={140} value={draft.iterations} onChange={(e) => onChange({ ...draft, iterations: e.currentTarget.value })} error={errors.iterations} aria-label={`${prefix}Simulated years`} />
        <TextInput label="Seed" size="xs" w={140} value={draft.seed} placeholder="random" onChange={(e) => onChange({ ...draft, seed: e.currentTarget.value })} error={errors.seed} aria-label={`${prefix}Seed`} />
      </Group>
    </Stack>
  );
}
