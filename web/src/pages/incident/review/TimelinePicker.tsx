import { Checkbox, Grid, List, ScrollArea, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../format/time';
import { useTimeline } from '../queries';
import { selectedTimeline, toggleEntry } from './reviewDraft';
import type { ReviewTimelineEntry } from './types';

const firstLine = (body: string) => body.split('\n')[0]?.slice(0, 200) ?? '';

/** The review's timeline: the incident's own entries, ticked, shown in the order they happened. */
export function TimelinePicker({ incidentId, value, onChange, readOnly, expanded }: { incidentId: string; value: string[]; onChange: (ids: string[]) => void; readOnly: boolean; expanded?: ReviewTimelineEntry[] }) {
  const timeline = useTimeline(incidentId);
  const [filter, setFilter] = useState('');
  const entries = timeline.data?.entries ?? [];
  const chosen = expanded && readOnly ? expanded : selectedTimeline(entries, value);

  const chosenList = chosen.length ? (
    <List type="ordered" size="sm" spacing={4} aria-label="Review timeline">
      {chosen.map((e) => (
        <List.Item key={e.id}>
          <Text span size="xs" c="dimmed">
            {formatInstant(e.occurred_at)}
          </Text>{' '}
          {firstLine(e.body)}
        </List.Item>
      ))}
    </List>
  ) : (
    <Text size="sm" c="dimmed">
      No entries chosen.{readOnly ? '' : ' Tick the moments that tell the story: first signal, escalation, containment, recovery.'}
    </Text>
  );
  if (readOnly) return chosenList;

  const shown = filter.trim() ? entries.filter((e) => e.body.toLowerCase().includes(filter.trim().toLowerCase())) : entries;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack gap="xs">
          <TextInput size="xs" label="Find entries" placeholder="Words in the entry" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
          {timeline.isPending && <Skeleton h={80} />}
          {timeline.isError && <ProblemAlert error={timeline.error} title="The timeline could not be loaded" onRetry={() => void timeline.refetch()} />}
          <ScrollArea.Autosize mah={320} type="auto">
            <Stack gap={4} role="group" aria-label="Incident timeline entries">
              {shown.map((e) => (
                <Checkbox
                  key={e.id}
                  size="xs"
                  checked={value.includes(e.id)}
                  onChange={() => onChange(toggleEntry(entries, value, e.id))}
                  label={
                    <>
                      <Text span size="xs" c="dimmed">
                        {formatInstant(e.occurred_at)}
                      </Text>{' '}
                      <Text span size="sm">
                        {firstLine(e.body)}
                      </Text>
                    </>
                  }
                  aria-label={`${firstLine(e.body)} (${formatInstant(e.occurred_at)})`}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>{chosenList}</Grid.Col>
    </Grid>
  );
}
