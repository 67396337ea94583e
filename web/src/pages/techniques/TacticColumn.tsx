import { ActionIcon, Anchor, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconNote, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { TaggedTechnique } from './types';

/** One tactic and the incident's techniques in it; sub-techniques show their parent's id. */
export function TacticColumn({ incidentId, title, subtitle, techniques, canWrite, onRemove, busy }: {
  incidentId: string;
  title: string;
  subtitle: string;
  techniques: TaggedTechnique[];
  canWrite: boolean;
  busy: boolean;
  onRemove: (technique: TaggedTechnique, timelineEntryId: string | null) => void;
}) {
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={title}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text fw={600} size="sm">{title}</Text>
        <Text size="xs" c="dimmed" ff="monospace">{subtitle}</Text>
      </Group>
      <Stack gap={6}>
        {techniques.map((technique) => {
          const onIncident = technique.tags.find((t) => t.timeline_entry_id === null);
          const onEntries = technique.tags.filter((t) => t.timeline_entry_id !== null);
          return (
            <Group key={technique.technique_id} gap={6} wrap="nowrap" align="flex-start" justify="space-between">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  {technique.url ? (
                    <Anchor href={technique.url} target="_blank" rel="noreferrer" size="sm" ff="monospace" aria-label={`${technique.technique_id} on attack.mitre.org`}>
                      {technique.technique_id}
                    </Anchor>
                  ) : (
                    <Text size="sm" ff="monospace">{technique.technique_id}</Text>
                  )}
                  {technique.revoked && <Badge size="xs" color="red" variant="light">revoked{technique.revoked_by ? ` → ${technique.revoked_by}` : ''}</Badge>}
                  {technique.deprecated && !technique.revoked && <Badge size="xs" color="gray" variant="light">deprecated</Badge>}
                  {!technique.known && <Badge size="xs" color="gray" variant="light">not in catalogue</Badge>}
                </Group>
                <Text size="sm" lineClamp={2}>{technique.name}</Text>
                {onEntries.map((entry, index) => (
                  <Group key={entry.id} gap={4} c="dimmed" wrap="nowrap">
                    <IconNote size={12} aria-hidden />
                    <Anchor component={Link} to={`/incidents/${incidentId}?tab=timeline#entry-${entry.timeline_entry_id}`} size="xs" c="dimmed">
                      on timeline entry{onEntries.length > 1 ? ` ${index + 1}` : ''}
                    </Anchor>
                    {canWrite && (
                      <ActionIcon variant="subtle" color="gray" size="xs" disabled={busy} aria-label={`Remove ${technique.technique_id} from timeline entry${onEntries.length > 1 ? ` ${index + 1}` : ''}`} onClick={() => onRemove(technique, entry.timeline_entry_id)}>
                        <IconX size={10} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                ))}
              </Stack>
              {canWrite && onIncident && (
                <Tooltip label="Remove from the incident">
                  <ActionIcon variant="subtle" color="gray" size="sm" disabled={busy} aria-label={`Remove ${technique.technique_id} ${technique.name}`} onClick={() => onRemove(technique, null)}>
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
