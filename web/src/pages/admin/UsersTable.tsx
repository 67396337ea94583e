import { Badge, Button, Group, NativeSelect, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, IconCircleOff, IconShieldCheck } from '@tabler/icons-react';
import type { User } from '../../api/types';
import { useCurrentUser } from '../../auth/session';
import { RelativeTime } from '../../format/RelativeTime';
import { useMeta } from '../../meta/useMeta';

interface Props {
  users: User[];
  changingRole: string | null;
  onRole: (user: User, role: string) => void;
  onStatus: (user: User) => void;
  onResetPassword: (user: User) => void;
  onResetTwoFactor: (user: User) => void;
}

export function UsersTable({ users, changingRole, onRole, onStatus, onResetPassword, onResetTwoFactor }: Props) {
  const meta = useMeta();
  const me = useCurrentUser();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table aria-label="Users" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>E-mail</Table.Th>
            <Table.Th w={250}>Role</Table.Th>
            <Table.Th w={110}>Status</Table.Th>
            <Table.Th w={100}>Two-factor</Table.Th>
            <Table.Th w={130} style={{ whiteSpace: 'nowrap' }}>
              Last sign-in
            </Table.Th>
            <Table.Th w={340}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} style={{ opacity: user.disabled ? 0.65 : 1 }}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {user.name}
                  {user.id === me.id && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (you)
                    </Text>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  aria-label={`Role of ${user.name}`}
                  data={meta.roles.map((r) => ({ value: String(r.id), label: r.label }))}
                  value={user.role}
                  disabled={changingRole === user.id}
                  onChange={(e) => onRole(user, e.currentTarget.value)}
                />
              </Table.Td>
              <Table.Td>
                {user.disabled ? (
                  <Badge color="gray" variant="light" radius="sm" tt="none" leftSection={<IconCircleOff size={12} aria-hidden />}>
                    Disabled
                  </Badge>
                ) : (
                  <Badge color="green" variant="light" radius="sm" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />}>
                    Active
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {user.two_factor_enabled ? (
                  <Badge color="green" variant="light" radius="sm" tt="none" leftSection={<IconShieldCheck size={12} aria-hidden />}>
                    On
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    Off
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  <RelativeTime iso={user.last_login_at} fallback="never" />
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button size="compact-sm" variant="default" fw={500} onClick={() => onResetPassword(user)} aria-label={`Reset password of ${user.name}`}>
                    Reset password
                  </Button>
                  {user.two_factor_enabled && (
                    <Button size="compact-sm" variant="default" fw={500} onClick={() => onResetTwoFactor(user)} aria-label={`Reset two-factor of ${user.name}`}>
                      Reset two-factor
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="default"
                    fw={500}
                    c={user.disabled ? undefined : 'red'}
                    onClick={() => onStatus(user)}
                    aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}
                  >
                    {user.disabled ? 'Enable' : 'Disable'}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
