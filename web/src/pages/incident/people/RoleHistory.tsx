import { Skeleton, Table, Text } from '@mantine/core';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDuration, formatInstant } from '../../../format/time';
import { useMeta } from '../../../meta/useMeta';
import { useMemberHistory, usePersonName } from '../queries';

/** Every tenure on the incident, current and past: who held which role, from when until when. */
export function RoleHistory({ incidentId }: { incidentId: string }) {
  const meta = useMeta();
  const personName = usePersonName();
  const history = useMemberHistory(incidentId);
  if (history.isPending) return <Skeleton h={100} />;
  if (history.isError) return <ProblemAlert error={history.error} title="The role history could not be loaded" onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <Text size="sm" c="dimmed">Nobody has held a role on this incident yet.</Text>;
  const tenures = [...history.data].sort((a, b) => b.assigned_at.localeCompare(a.assigned_at));
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table aria-label="Role history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Role</Table.Th>
            <Table.Th>Person</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>Until</Table.Th>
            <Table.Th>Held for</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tenures.map((tenure) => (
            <Table.Tr key={tenure.id}>
              <Table.Td>{meta.label('incident_roles', tenure.role)}</Table.Td>
              <Table.Td>{tenure.user_name}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatInstant(tenure.assigned_at)}</Text>
                <Text size="xs" c="dimmed">by {personName(tenure.assigned_by)}</Text>
              </Table.Td>
              <Table.Td>
                {tenure.released_at ? (
                  <>
                    <Text size="sm">{formatInstant(tenure.released_at)}</Text>
                    <Text size="xs" c="dimmed">by {personName(tenure.released_by)}</Text>
                  </>
                ) : (
                  <Text size="sm" fw={600}>Now</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDuration((tenure.released_at ? Date.parse(tenure.released_at) : Date.now()) - Date.parse(tenure.assigned_at))}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
