import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTechniqueSearch } from './queries';

/** Searchable by ATT&CK id (t1059) or name (powershell); choosing one tags it at once. */
export function TechniquePicker({ onPick, disabled, tagged, label = 'Add a technique', autoFocus = false }: { onPick: (techniqueId: string) => void; disabled: boolean; tagged: Set<string>; label?: string; autoFocus?: boolean }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const results = useTechniqueSearch(debounced);
  const data = (results.data ?? []).map((t) => ({
    value: t.id,
    label: `${t.id} ${t.name}${tagged.has(t.id) ? ' (tagged)' : ''}`,
    disabled: tagged.has(t.id),
  }));
  return (
    <Select
      label={label}
      autoFocus={autoFocus}
      placeholder="Search by id or name, e.g. T1566 or phishing"
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
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No technique matches'}
      leftSection={<IconSearch size={14} aria-hidden />}
      disabled={disabled}
      maxDropdownHeight={320}
      w={{ base: '100%', sm: 420 }}
      size="sm"
    />
  );
}
