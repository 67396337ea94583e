import { ActionIcon, Anchor, Badge, Button, Group, Stack } from '@mantine/core';
import { IconTarget, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import type { EntryTechnique } from '../../techniques/entryTechniques';
import { useTagTechnique, useUntagTechnique } from '../../techniques/queries';
import { TechniquePicker } from '../../techniques/TechniquePicker';

/**
 * The ATT&CK techniques tagged on one timeline entry, as chips, and for people who may tag a
 * "Tag technique" action opening the same searchable picker the Techniques tab uses.
 */
export function EntryTechniques({ incidentId, entryId, techniques, canTag }: { incidentId: string; entryId: string; techniques: EntryTechnique[]; canTag: boolean }) {
  const [picking, setPicking] = useState(false);
  const tag = useTagTechnique(incidentId);
  const untag = useUntagTechnique(incidentId);
  if (techniques.length === 0 && !canTag) return null;
  const busy = tag.isPending || untag.isPending;

  return (
    <Stack gap={6} mt={6} className="timeline-entry-techniques">
      <Group gap={6} wrap="wrap">
        {techniques.length > 0 && (
          <Group gap={6} wrap="wrap" role="list" aria-label="Techniques on this entry">
            {techniques.map((t) => (
              <Badge
                key={t.technique_id}
                role="listitem"
                variant="light"
                color="orange"
                radius="sm"
                tt="none"
                leftSection={<IconTarget size={12} aria-hidden />}
                rightSection={canTag ? (
                  <ActionIcon variant="transparent" color="orange" size={14} disabled={busy} aria-label={`Remove ${t.technique_id} from this entry`} onClick={() => untag.mutate({ techniqueId: t.technique_id, timelineEntryId: entryId })}>
                    <IconX size={10} aria-hidden />
                  </ActionIcon>
                ) : undefined}
              >
                <Anchor component={Link} to={`/incidents/${incidentId}?tab=techniques`} size="xs" c="inherit" underline="hover" title={t.name}>
                  {t.technique_id} {t.name}
                </Anchor>
              </Badge>
            ))}
          </Group>
        )}
        {canTag && !picking && (
          <Button className="timeline-entry-tag" variant="subtle" color="gray" size="compact-xs" leftSection={<IconTarget size={12} aria-hidden />} onClick={() => setPicking(true)}>
            Tag technique
          </Button>
        )}
      </Group>
      {canTag && picking && (
        <Group gap="xs" align="flex-end">
          <TechniquePicker
            label="Technique for this entry"
            autoFocus
            disabled={tag.isPending}
            tagged={new Set(techniques.map((t) => t.technique_id))}
            onPick={(techniqueId) => tag.mutate({ techniqueId, timelineEntryId: entryId }, { onSuccess: () => setPicking(false) })}
          />
          <Button variant="default" size="sm" onClick={() => { tag.reset(); setPicking(false); }}>
            Done
          </Button>
        </Group>
      )}
      {tag.isError && <ProblemAlert error={tag.error} title="The technique could not be tagged" />}
      {untag.isError && <ProblemAlert error={untag.error} title="The technique could not be removed" />}
    </Stack>
  );
}
