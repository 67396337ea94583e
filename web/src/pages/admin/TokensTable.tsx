import { Badge, Button, Code, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ApiToken, User } from '../../api/types';
import { RelativeTime } from '../../format/RelativeTime';
import { useMeta } from '../../meta/useMeta';

function status(token: ApiToken): { label: string; color: string } {
  if (token.revoked_at) return { label: 'Revoked', color: 'gray' };
  if (token.expires_at && token.expires_at < new Date().toISOString()) return { label: 'Expired', color: 'gray' };
  return { label: 'Active', color: 'green' };
}

export function TokensTable({ tokens, users, onRevoke }: { tokens: ApiToken[]; users: User[]; onRevoke: (token: ApiToken) => void }) {
  const meta = useMeta();
  const ownerName = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table aria-label="API tokens" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={120}>Prefix</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th w={110}>Last used</Table.Th>
            <Table.Th w={110}>Expires</Table.Th>
            <Table.Th w={100}>Status</Table.Th>
            <Table.Th w={90}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => {
            const state = status(token);
            return (
              <Table.Tr key={token.id} style={{ opacity: state.label === 'Active' ? 1 : 0.6 }}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {token.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    created <RelativeTime iso={token.created_at} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{token.token_prefix}…</Code>
                </Table.Td>
                <Table.Td>{ownerName(token.user_id)}</Table.Td>
                <Table.Td>{meta.label('roles', token.role)}</Table.Td>
                <Table.Td>
                  <RelativeTime iso={token.last_used_at} fallback="never" />
                </Table.Td>
                <Table.Td>
                  <RelativeTime iso={token.expires_at} fallback="never" />
                </Table.Td>
                <Table.Td>
                  <Badge color={state.color} variant="light" radius="sm" tt="none">
                    {state.label}
                  </Badge>
                  {token.revoked_at && (
                    <Text size="xs" c="dimmed">
                      <RelativeTime iso={token.revoked_at} />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {!token.revoked_at && (
                    <Button size="compact-sm" variant="default" fw={500} c="red" onClick={() => onRevoke(token)} aria-label={`Revoke ${token.name}`}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
