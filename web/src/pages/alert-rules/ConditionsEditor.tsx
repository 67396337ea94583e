import { ActionIcon, Button, Group, MultiSelect, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { OBSERVABLE_TYPE_LABELS } from '../observables/types';
import { CONDITION_FIELDS, SEVERITY_OPTIONS, conditionField, newRow, unusedField, type ConditionField, type ConditionRow } from './conditions';

const OBSERVABLE_TYPE_OPTIONS = Object.entries(OBSERVABLE_TYPE_LABELS).map(([value, label]) => ({ value, label }));

/**
 * Which alerts a rule applies to, as rows: field, its operator, value(s). Every row must hold; any
 * value within a row may match. Problems arrive by row key once the user has tried to save.
 */
export function ConditionsEditor({ rows, onChange, problems, overall }: { rows: ConditionRow[]; onChange: (rows: ConditionRow[]) => void; problems: Map<number, string>; overall: string | null }) {
  const replace = (key: number, next: Partial<ConditionRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...next } : r)));
  const free = unusedField(rows);

  return (
    <Stack gap={6} role="group" aria-label="Conditions">
      <Text size="sm" fw={500}>Applies to alerts that match all of</Text>
      {rows.length === 0 && <Text size="sm" c="dimmed">No conditions: every alert.</Text>}
      {rows.map((row, index) => {
        const meta = conditionField(row.field);
        const n = index + 1;
        const error = problems.get(row.key);
        const valueLabel = `Condition ${n} value`;
        return (
          <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
            <Select
              aria-label={`Condition ${n} field`}
              data={CONDITION_FIELDS.map((f) => ({ value: f.field, label: f.label, disabled: f.field !== row.field && rows.some((r) => r.field === f.field) }))}
              value={row.field}
              onChange={(field) => field && replace(row.key, { field: field as ConditionField, values: [] })}
              allowDeselect={false}
              w={150}
            />
            <Text size="sm" c="dimmed" w={120} pt={7} style={{ flexShrink: 0 }}>
              {meta.operator}
            </Text>
            <div style={{ flex: 1, minWidth: 0 }}>
              {meta.input === 'text' && (
                <TextInput aria-label={valueLabel} placeholder={meta.placeholder} value={row.values[0] ?? ''} onChange={(e) => replace(row.key, { values: [e.currentTarget.value] })} error={error} />
              )}
              {meta.input === 'free' && (
                <TagsInput aria-label={valueLabel} placeholder={row.values.length ? undefined : `${meta.placeholder} (Enter after each)`} value={row.values} onChange={(values) => replace(row.key, { values })} error={error} acceptValueOnBlur />
              )}
              {meta.input === 'choice' && (
                <MultiSelect
                  aria-label={valueLabel}
                  placeholder={row.values.length ? undefined : meta.placeholder}
                  data={row.field === 'severity' ? SEVERITY_OPTIONS : OBSERVABLE_TYPE_OPTIONS}
                  value={row.values}
                  onChange={(values) => replace(row.key, { values })}
                  searchable
                  error={error}
                />
              )}
            </div>
            <ActionIcon variant="subtle" color="gray" mt={4} aria-label={`Remove condition ${n} (${meta.label})`} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
              <IconX size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {overall && <Text size="sm" c="red" role="alert">{overall}</Text>}
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} disabled={free === null} onClick={() => free && onChange([...rows, newRow(free)])}>
          Add condition
        </Button>
      </Group>
    </Stack>
  );
}
