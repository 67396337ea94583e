import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { RiskSort } from './riskFilters';

/** A column header that sorts the register; a second click reverses the order. */
export function RiskSortHeader({ field, label, sort, direction, onSort }: { field: RiskSort; label: string; sort: RiskSort; direction: 'asc' | 'desc'; onSort: (field: RiskSort, direction: 'asc' | 'desc') => void }) {
  const active = sort === field;
  const Icon = !active ? IconSelector : direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th style={{ whiteSpace: 'nowrap' }} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(field, active && direction === 'desc' ? 'asc' : 'desc')} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 'inherit' }}>
        {label}
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
      </UnstyledButton>
    </Table.Th>
  );
}
