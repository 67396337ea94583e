import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconStar } from '@tabler/icons-react';
import { ApiProblem } from '../../api/problem';
import type { IncidentDetail } from '../../api/types';
import { useCurrentUser } from '../../auth/session';
import { useAssignRole } from './useMembers';

/** Who is in command; when nobody is, anyone who may edit can take command in one click. */
export function CommanderControl({ incident, canTakeCommand }: { incident: IncidentDetail; canTakeCommand: boolean }) {
  const me = useCurrentUser();
  const assign = useAssignRole(incident.id);
  const commander = incident.members.find((m) => m.role === 'incident_commander' && !m.released_at);

  if (commander) {
    return (
      <Group gap={6} wrap="nowrap">
        <IconStar size={16} aria-hidden />
        <Text size="sm">
          <Text span c="dimmed" size="sm">Commander </Text>
          <Text span fw={600} size="sm">{commander.user_id === me.id ? `${commander.user_name} (you)` : commander.user_name}</Text>
        </Text>
      </Group>
    );
  }
  if (!canTakeCommand) {
    return (
      <Text size="sm" c="orange">
        No commander
      </Text>
    );
  }
  return (
    <Button
      size="compact-sm"
      variant="light"
      color="orange"
      leftSection={<IconStar size={14} aria-hidden />}
      loading={assign.isPending}
      onClick={() =>
        assign.mutate(
          { user_id: me.id, role: 'incident_commander' },
          { onError: (error) => notifications.show({ color: 'red', title: 'Could not take command', message: error instanceof ApiProblem ? error.detail : String(error) }) },
        )
      }
    >
      No commander — take command
    </Button>
  );
}
