import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useRiskSearch } from './queries';

/** Searchable by number (RISK-0007) or words of the title; choosing one links it at once. */
export function RiskPicker({ onPick, disabled, linked }: { onPick: (riskId: string) => void; disabled: boolean; linked: Set<string> }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const results = useRiskSearch(debounced);
  const data = (results.data ?? []).map((r) => ({ value: r.id, label: `${r.number} ${r.title}${linked.has(r.id) ? ' (linked)' : ''}`, disabled: linked.has(r.id) }));
  return (
    <Select
      label="Link a risk"
      placeholder="Search the register by number or title"
      searchable
      clearable
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(value) => {
        if (value) onPick(value);
        setSearch('');
      }}
      data={data}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No risk matches'}
      leftSection={<IconSearch size={14} aria-hidden />}
      disabled={disabled}
      maxDropdownHeight={320}
      w={{ base: '100%', sm: 420 }}
    />
  );
}
