import { Badge, Button, Checkbox, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { UserSelect } from '../../components/UserSelect';
import { useShortcut } from '../../keyboard/useShortcut';
import { humanise } from './labels';
import { hasRiskFilters, type RiskFilters } from './riskFilters';
import { RISK_STATUSES, SUGGESTED_CATEGORIES, type RiskMatrix } from './types';

interface Props {
  filters: RiskFilters;
  matrix: RiskMatrix | undefined;
  update: (change: Partial<RiskFilters>) => void;
  clear: () => void;
}

export function RiskFilterBar({ filters, matrix, update, clear }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(filters.q);
  const [shown, setShown] = useState(filters.q);
  if (filters.q !== shown) {
    setShown(filters.q);
    setText(filters.q);
  }
  const commit = useDebouncedCallback((q: string) => update({ q }), 300);
  useShortcut('/', () => input.current?.focus());
  const cellName = (kind: 'likelihood' | 'impact', id: string) =>
    (kind === 'likelihood' ? matrix?.likelihood_levels : matrix?.impact_levels)?.find((l) => l.id === id)?.name ?? humanise(id);

  return (
    <Group gap="xs" wrap="wrap">
      <TextInput
        ref={input}
        aria-label="Search risks"
        placeholder="Search number, title, description…"
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          commit(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') update({ q: text });
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={() => { setText(''); update({ q: '' }); }} /> : null}
        style={{ flex: 1, minWidth: 220 }}
        size="sm"
      />
      <Select aria-label="Status" placeholder="Any status" w={150} size="sm" clearable data={RISK_STATUSES.map((s) => ({ value: s, label: humanise(s) }))} value={filters.status} onChange={(status) => update({ status })} />
      <Select aria-label="Residual level" placeholder="Any level" w={150} size="sm" clearable data={(matrix?.levels ?? []).map((l) => ({ value: l.id, label: l.name }))} value={filters.level} onChange={(level) => update({ level })} />
      <UserSelect aria-label="Owner" placeholder="Any owner" w={190} size="sm" clearable value={filters.owner} onChange={(owner) => update({ owner })} />
      <Select aria-label="Category" placeholder="Any category" w={160} size="sm" clearable searchable data={[...new Set([...SUGGESTED_CATEGORIES, ...(filters.category ? [filters.category] : [])])].map((c) => ({ value: c, label: humanise(c) }))} value={filters.category} onChange={(category) => update({ category })} />
      <Checkbox label="Over appetite" checked={filters.overAppetite} onChange={(e) => update({ overAppetite: e.currentTarget.checked })} size="sm" />
      <Checkbox label="Review due" checked={filters.reviewDue} onChange={(e) => update({ reviewDue: e.currentTarget.checked })} size="sm" />
      {filters.cell && (
        <Badge variant="light" size="lg" tt="none" rightSection={<CloseButton size="xs" aria-label="Clear the heat-map cell" onClick={() => update({ cell: null })} />}>
          {filters.basis === 'inherent' ? 'Inherent' : 'Residual'}: likelihood {cellName('likelihood', filters.cell.likelihood)} × impact {cellName('impact', filters.cell.impact)}
        </Badge>
      )}
      {hasRiskFilters(filters) && (
        <Button variant="subtle" color="gray" size="sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
