import { Group, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { usePersonName } from '../queries';
import { useOthersChanges } from '../useOthersChanges';

/**
 * While the user edits, says calmly that someone else just changed the incident, before the user
 * saves into a conflict: nothing is lost, Bulwark will show both versions if they overlap.
 */
export function EditedMeanwhile({ incidentId, since, hidden }: { incidentId: string; since: unknown; hidden?: boolean }) {
  const personName = usePersonName();
  const changes = useOthersChanges(incidentId, { types: ['incident.updated', 'incident.transitioned'], since });
  const latest = changes.at(-1);
  if (!latest || hidden) return null;
  return (
    <Group gap={6} wrap="nowrap" role="status">
      <IconInfoCircle size={16} aria-hidden color="var(--mantine-color-yellow-text)" />
      <Text size="sm">
        {personName(latest.actor_id)} changed this incident while you were editing. Save as usual: if you both changed the same thing, you will see their
        version before anything is overwritten.
      </Text>
    </Group>
  );
}
