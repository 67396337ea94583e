import { Button, Group, MultiSelect, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { Phase } from '../../api/types';
import { severityLabel } from '../../components/SeverityBadge';
import { useMeta } from '../../meta/useMeta';
import { hasFilters, type IncidentFilters, type OpenFilter } from './incidentFilters';
import { SearchBox } from './SearchBox';

interface Props {
  filters: IncidentFilters;
  update: (change: Partial<IncidentFilters>) => void;
  clear: () => void;
}

export function IncidentFilterBar({ filters, update, clear }: Props) {
  const meta = useMeta();
  const [tag, setTag] = useState(filters.tag ?? '');
  const [shownTag, setShownTag] = useState(filters.tag);
  if (filters.tag !== shownTag) {
    setShownTag(filters.tag);
    setTag(filters.tag ?? '');
  }
  const commitTag = () => update({ tag: tag.trim().toLowerCase() || null });

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <SearchBox value={filters.q} onSearch={(q) => update({ q })} />
        <SegmentedControl
          aria-label="Open or closed"
          size="sm"
          value={filters.open}
          onChange={(open) => update({ open: open as OpenFilter })}
          data={[
            { value: 'all', label: 'All' },
            { value: 'open', label: 'Open' },
            { value: 'closed', label: 'Closed' },
          ]}
        />
        <SegmentedControl
          aria-label="Whose incidents"
          size="sm"
          value={filters.mine ? 'me' : 'anyone'}
          onChange={(who) => update({ mine: who === 'me' })}
          data={[
            { value: 'anyone', label: 'Anyone' },
            { value: 'me', label: 'I’m on' },
          ]}
        />
      </Group>
      <Group gap="xs" wrap="wrap">
        <MultiSelect
          aria-label="Phase"
          placeholder={filters.phase.length ? undefined : 'Any phase'}
          w={230}
          size="sm"
          data={meta.phases.map((p) => ({ value: p.id, label: p.label }))}
          value={filters.phase}
          onChange={(phase) => update({ phase: phase as Phase[] })}
          clearable
          comboboxProps={{ width: 220 }}
        />
        <MultiSelect
          aria-label="Severity"
          placeholder={filters.severity.length ? undefined : 'Any severity'}
          w={210}
          size="sm"
          data={[1, 2, 3, 4].map((s) => ({ value: String(s), label: severityLabel(s) }))}
          value={filters.severity.map(String)}
          onChange={(severity) => update({ severity: severity.map(Number).sort() })}
          clearable
        />
        <Select
          aria-label="Category"
          placeholder="Any category"
          w={190}
          size="sm"
          searchable
          clearable
          data={meta.categories.map((c) => ({ value: c.key, label: c.label }))}
          value={filters.category}
          onChange={(category) => update({ category })}
        />
        <TextInput
          aria-label="Tag"
          placeholder="Tag"
          w={130}
          size="sm"
          value={tag}
          onChange={(e) => setTag(e.currentTarget.value)}
          onBlur={commitTag}
          onKeyDown={(e) => e.key === 'Enter' && commitTag()}
        />
        {hasFilters(filters) && (
          <Button variant="subtle" color="gray" size="sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
            Clear filters
          </Button>
        )}
      </Group>
    </Stack>
  );
}
