import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { SortField } from './incidentFilters';

interface Props {
  field: SortField;
  label: string;
  sort: SortField;
  direction: 'asc' | 'desc';
  onSort: (field: SortField, direction: 'asc' | 'desc') => void;
  w?: string;
}

/** A column header that sorts the list by its field; a second click reverses the order. */
export function SortHeader({ field, label, sort, direction, onSort, w }: Props) {
  const active = sort === field;
  const Icon = !active ? IconSelector : direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th w={w} style={{ whiteSpace: 'nowrap' }} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(field, active && direction === 'desc' ? 'asc' : 'desc')}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 'inherit' }}
      >
        {label}
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
      </UnstyledButton>
    </Table.Th>
  );
}
