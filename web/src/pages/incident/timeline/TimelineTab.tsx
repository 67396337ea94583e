import { Group, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import type { Incident, TimelineEntry } from '../../../api/types';
import { useCan } from '../../../auth/session';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { techniquesByEntry } from '../../techniques/entryTechniques';
import { useAttackCatalogue, useIncidentTechniques } from '../../techniques/queries';
import { TIMELINE_CAP, useTimeline } from '../queries';
import { EntryTechniques } from './EntryTechniques';
import { NoteComposer } from './NoteComposer';
import { TimelineEntryItem } from './TimelineEntryItem';

type Filter = 'all' | 'notes' | 'changes';

const dayOf = new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });

/** The spine of the incident: every note and change in the order things happened, newest at the bottom. */
export function TimelineTab({ incident, canNote, focusRequest }: { incident: Incident; canNote: boolean; focusRequest: number }) {
  const timeline = useTimeline(incident.id);
  const [filter, setFilter] = useState<Filter>('all');
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const techniques = useIncidentTechniques(incident.id);
  const catalogue = useAttackCatalogue();
  // Tagging needs what noting does (the server checks incident.note), and a catalogue to pick from.
  const canTag = useCan('incident.note') && Boolean(catalogue.data?.last_import);
  const byEntry = techniquesByEntry(techniques.data);

  useEffect(() => {
    if (!justAdded) return;
    document.getElementById(`entry-${justAdded}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    const timer = setTimeout(() => setJustAdded(null), 4000);
    return () => clearTimeout(timer);
  }, [justAdded, timeline.data]);

  const entries = (timeline.data?.entries ?? []).filter((entry) => filter === 'all' || (filter === 'notes') === (entry.kind === 'note'));
  let previousDay = '';

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {timeline.data ? `${timeline.data.entries.length} entries, in the order things happened` : 'Loading the timeline…'}
        </Text>
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(value) => setFilter(value as Filter)}
          data={[{ value: 'all', label: 'Everything' }, { value: 'notes', label: 'Notes' }, { value: 'changes', label: 'Changes' }]}
          aria-label="Show timeline entries"
        />
      </Group>
      {timeline.isPending && <Skeleton h={160} />}
      {timeline.isError && <ProblemAlert error={timeline.error} title="The timeline could not be loaded" onRetry={() => void timeline.refetch()} />}
      {timeline.data?.truncated && <Text size="sm" c="dimmed">Showing the first {TIMELINE_CAP} entries; export the incident for the full record.</Text>}
      {timeline.data && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {filter === 'notes' ? 'No notes yet. Press n to write the first: what you saw, what you did, what you decided.' : 'Nothing here yet.'}
        </Text>
      )}
      {entries.length > 0 && (
        <ol className="timeline" aria-label="Timeline">
          {entries.map((entry: TimelineEntry) => {
            const day = dayOf.format(new Date(entry.occurred_at));
            const newDay = day !== previousDay;
            previousDay = day;
            return (
              <Fragment key={entry.id}>
                {newDay && (
                  <li className="timeline-day" aria-hidden>
                    {day}
                  </li>
                )}
                <TimelineEntryItem entry={entry} highlighted={entry.id === justAdded}>
                  {entry.kind !== 'techniques_changed' && <EntryTechniques incidentId={incident.id} entryId={entry.id} techniques={byEntry.get(entry.id) ?? []} canTag={canTag} />}
                </TimelineEntryItem>
              </Fragment>
            );
          })}
        </ol>
      )}
      {canNote ? (
        <NoteComposer incidentId={incident.id} focusRequest={focusRequest} onAdded={(entry) => setJustAdded(entry.id)} />
      ) : (
        <Text size="sm" c="dimmed">Your role can read this timeline but not add notes.</Text>
      )}
    </Stack>
  );
}
