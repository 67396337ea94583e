import { Anchor, Button, Group, MultiSelect, SegmentedControl, Text, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { severityLabel } from '../../components/SeverityBadge';
import { hasAlertFilters, type AlertFilters } from './alertFilters';

interface Props {
  filters: AlertFilters;
  update: (change: Partial<AlertFilters>) => void;
  clear: () => void;
}

const STATUS_VIEWS = [
  { value: 'new', label: 'New' },
  { value: 'dismissed', label: 'Dismissed' },
  { value: 'merged,promoted', label: 'In incidents' },
  { value: 'all', label: 'All' },
];

/** A text box that applies its value on Enter or when it loses focus (source, tag). */
function CommitInput({ label, value, onCommit, w }: { label: string; value: string | null; onCommit(value: string | null): void; w: number }) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value ?? '');
  }
  const commit = () => onCommit(text.trim() || null);
  return <TextInput aria-label={label} placeholder={label} w={w} size="sm" value={text} onChange={(e) => setText(e.currentTarget.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />;
}

export function AlertFilterBar({ filters, update, clear }: Props) {
  const status = filters.status.length ? filters.status.join(',') : 'all';
  return (
    <Group gap="xs" wrap="wrap">
      <SegmentedControl aria-label="Status" size="sm" value={STATUS_VIEWS.some((v) => v.value === status) ? status : 'all'} onChange={(value) => update({ status: value === 'all' ? [] : value.split(',') })} data={STATUS_VIEWS} />
      <CommitInput label="Search title or reference" value={filters.q || null} onCommit={(q) => update({ q: q ?? '' })} w={240} />
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
      <CommitInput label="Source" value={filters.source} onCommit={(source) => update({ source })} w={140} />
      <CommitInput label="Tag" value={filters.tag} onCommit={(tag) => update({ tag: tag?.toLowerCase() ?? null })} w={120} />
      {filters.group && (
        <Text size="sm">
          One group ·{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => update({ group: null })}>
            show all groups
          </Anchor>
        </Text>
      )}
      {hasAlertFilters(filters) && (
        <Button variant="subtle" color="gray" size="sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
