import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiProblem } from '../../../api/problem';
import type { Member } from '../../../api/types';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { UserSelect } from '../../../components/UserSelect';
import { useMeta } from '../../../meta/useMeta';
import { useAssignRole } from '../useMembers';

/** Puts a person in a role; for a single-holder role that is held, it says it is a hand-over first. */
export function AssignRoleForm({ incidentId, members }: { incidentId: string; members: Member[] }) {
  const meta = useMeta();
  const assign = useAssignRole(incidentId);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState('observer');
  const roleInfo = meta.incident_roles.find((r) => r.id === role);
  const holders = members.filter((m) => m.role === role && !m.released_at);
  const handOver = Boolean(roleInfo?.single_holder) && holders.length > 0;
  const fieldError = (field: string) => (assign.error instanceof ApiProblem ? assign.error.fieldError(field) : undefined);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    assign.mutate({ user_id: userId, role }, { onSuccess: () => setUserId(null) });
  };

  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} aria-label="Assign a role">
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <UserSelect label="Person" placeholder="Find someone" value={userId} onChange={setUserId} error={fieldError('user_id')} w={300} />
          <NativeSelect
            label="Role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={meta.incident_roles.map((r) => ({ value: r.id, label: r.label }))}
            error={fieldError('role')}
            w={220}
          />
          <Button type="submit" leftSection={<IconUserPlus size={16} aria-hidden />} loading={assign.isPending} disabled={!userId}>
            {handOver ? 'Hand over' : 'Assign'}
          </Button>
        </Group>
        {handOver && (
          <Text size="sm" c="dimmed">
            {roleInfo?.label} is held by one person at a time: {holders.map((h) => h.user_name).join(', ')} hands over, and their tenure ends now.
          </Text>
        )}
        {assign.error && !fieldError('user_id') && !fieldError('role') && <ProblemAlert error={assign.error} />}
      </Stack>
    </Paper>
  );
}
