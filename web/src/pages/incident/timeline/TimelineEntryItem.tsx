import { Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import {
  IconArrowsRightLeft,
  IconBell,
  IconBellOff,
  IconChecklist,
  IconClipboardCheck,
  IconFingerprint,
  IconFlag,
  IconMessage,
  IconPencil,
  IconPoint,
  IconTarget,
  IconUserMinus,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { TimelineEntry } from '../../../api/types';
import { Markdown } from '../../../components/Markdown';
import { formatInstant } from '../../../format/time';

const KINDS: Record<string, { icon: Icon; label: string; colour: string }> = {
  note: { icon: IconMessage, label: 'Note', colour: 'blue' },
  incident_opened: { icon: IconFlag, label: 'Opened', colour: 'red' },
  incident_updated: { icon: IconPencil, label: 'Edited', colour: 'gray' },
  phase_changed: { icon: IconArrowsRightLeft, label: 'Phase change', colour: 'grape' },
  role_assigned: { icon: IconUserPlus, label: 'Role assigned', colour: 'teal' },
  role_released: { icon: IconUserMinus, label: 'Role released', colour: 'teal' },
  task_created: { icon: IconChecklist, label: 'Task added', colour: 'cyan' },
  task_updated: { icon: IconChecklist, label: 'Task changed', colour: 'cyan' },
  review_marked: { icon: IconClipboardCheck, label: 'Review', colour: 'yellow' },
  techniques_changed: { icon: IconTarget, label: 'ATT&CK', colour: 'orange' },
  alerts_merged: { icon: IconBell, label: 'Alerts', colour: 'indigo' },
  alert_unmerged: { icon: IconBellOff, label: 'Alert unmerged', colour: 'gray' },
  observables_added: { icon: IconFingerprint, label: 'Observables', colour: 'pink' },
  observable_updated: { icon: IconFingerprint, label: 'Observable', colour: 'pink' },
  observable_removed: { icon: IconFingerprint, label: 'Observable removed', colour: 'gray' },
};
const OTHER = { icon: IconPoint, label: 'Entry', colour: 'gray' };

/** Written more than a minute after it happened: worth showing both times. */
const writtenLater = (entry: TimelineEntry) => Math.abs(Date.parse(entry.recorded_at) - Date.parse(entry.occurred_at)) > 60_000;

/** One entry of the spine: what kind, who, when it happened (and when it was written, if later), and what. */
export function TimelineEntryItem({ entry, highlighted, children }: { entry: TimelineEntry; highlighted: boolean; children?: ReactNode }) {
  const kind = KINDS[entry.kind] ?? OTHER;
  const KindIcon = kind.icon;
  return (
    <li className="timeline-entry" data-kind={entry.kind} data-highlighted={highlighted || undefined} id={`entry-${entry.id}`}>
      <ThemeIcon className="timeline-entry-icon" variant="light" color={kind.colour} radius="xl" size={28} aria-hidden>
        <KindIcon size={16} />
      </ThemeIcon>
      <div className="timeline-entry-content">
        <Group gap={8} wrap="wrap" className="timeline-entry-meta">
          <Text size="xs" fw={700} tt="uppercase" c={kind.colour === 'gray' ? 'dimmed' : `${kind.colour}.6`} lts={0.3}>
            {kind.label}
          </Text>
          <Text size="sm" fw={600}>
            {entry.actor.name}
          </Text>
          <Text size="xs" c="dimmed">
            <time dateTime={entry.occurred_at}>{formatInstant(entry.occurred_at)}</time>
          </Text>
          {writtenLater(entry) && (
            <Tooltip label="When this was written down, as opposed to when it happened" withArrow>
              <Text size="xs" c="dimmed" fs="italic">
                written <time dateTime={entry.recorded_at}>{formatInstant(entry.recorded_at)}</time>
              </Text>
            </Tooltip>
          )}
        </Group>
        {entry.kind === 'note' ? <Markdown source={entry.body} className="timeline-note" /> : <Text size="sm">{entry.body}</Text>}
        {children}
      </div>
    </li>
  );
}
