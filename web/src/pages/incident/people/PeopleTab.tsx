import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiProblem } from '../../../api/problem';
import type { IncidentDetail, Member } from '../../../api/types';
import { formatInstant } from '../../../format/time';
import { useMeta } from '../../../meta/useMeta';
import { useReleaseRole } from '../useMembers';
import { AssignRoleForm } from './AssignRoleForm';
import { EscalationsSection } from './EscalationsSection';
import { RoleHistory } from './RoleHistory';

/** Who holds which role now, assignment and hand-over, and the record of every tenure. */
export function PeopleTab({ incident, canManage }: { incident: IncidentDetail; canManage: boolean }) {
  const meta = useMeta();
  const release = useReleaseRole(incident.id);
  const active = incident.members.filter((m) => !m.released_at);
  const order = (m: Member) => meta.incident_roles.findIndex((r) => r.id === m.role);
  const holders = [...active].sort((a, b) => order(a) - order(b) || a.assigned_at.localeCompare(b.assigned_at));

  const releaseMember = (member: Member) =>
    release.mutate(member.id, {
      onError: (error) => notifications.show({ color: 'red', title: `Could not release ${member.user_name}`, message: error instanceof ApiProblem ? error.detail : String(error) }),
    });

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Current roles
        </Title>
        {holders.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody holds a role yet. Every incident needs a commander: take command from the header, or assign someone below.
          </Text>
        ) : (
          <Paper withBorder radius="md">
            <Table aria-label="Current roles">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Since</Table.Th>
                  {canManage && <Table.Th aria-label="Actions" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {holders.map((member) => {
                  const roleLabel = meta.label('incident_roles', member.role);
                  return (
                    <Table.Tr key={member.id}>
                      <Table.Td fw={600}>{roleLabel}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{member.user_name}</Text>
                        <Text size="xs" c="dimmed">{member.user_email}</Text>
                      </Table.Td>
                      <Table.Td>{formatInstant(member.assigned_at)}</Table.Td>
                      {canManage && (
                        <Table.Td ta="right">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="gray"
                            aria-label={`Release ${member.user_name} as ${roleLabel}`}
                            loading={release.isPending && release.variables === member.id}
                            onClick={() => releaseMember(member)}
                          >
                            Release
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        {canManage && <AssignRoleForm incidentId={incident.id} members={incident.members} />}
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h5">
          Escalations
        </Title>
        <EscalationsSection incidentId={incident.id} canManage={canManage} />
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h5">
          History
        </Title>
        <RoleHistory incidentId={incident.id} />
      </Stack>
    </Stack>
  );
}
