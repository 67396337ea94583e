import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useControlSearch } from './queries';

/** Searchable by ref (PR.AA) or words of the title. */
export function ControlPicker({ value, onChange, taken, label = 'Control' }: { value: string | null; onChange: (id: string | null) => void; taken: Set<string>; label?: string }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const results = useControlSearch(debounced);
  const data = (results.data ?? []).map((c) => ({ value: c.id, label: `${c.ref} ${c.title}${taken.has(c.id) ? ' (recorded)' : ''}`, disabled: taken.has(c.id) }));
  return (
    <Select
      label={label}
      placeholder="Search by ref or title"
      searchable
      clearable
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={onChange}
      data={data}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No control matches'}
      leftSection={<IconSearch size={14} aria-hidden />}
      maxDropdownHeight={320}
      w={{ base: '100%', sm: 360 }}
    />
  );
}
