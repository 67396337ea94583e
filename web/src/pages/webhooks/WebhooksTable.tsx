import { Anchor, Button, Code, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { Link } from 'react-router';
import { RelativeTime } from '../../format/RelativeTime';
import type { Webhook } from './types';
import { WebhookBadge } from './WebhookStatus';

export interface WebhookActions {
  onEdit: (webhook: Webhook) => void;
  onToggle: (webhook: Webhook) => void;
  onPing: (webhook: Webhook) => void;
  onDelete: (webhook: Webhook) => void;
}

export function WebhooksTable({ webhooks, actions }: { webhooks: Webhook[]; actions: WebhookActions }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label="Webhooks" fz="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Payload URL</Table.Th>
            <Table.Th>Events</Table.Th>
            <Table.Th w={100}>Status</Table.Th>
            <Table.Th w={170}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {webhooks.map((webhook) => (
            <Table.Tr key={webhook.id} style={{ opacity: webhook.enabled ? 1 : 0.7 }}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/webhooks/${webhook.id}`} fw={500} size="sm">
                  {webhook.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  secret SHA-256 <Code fz="xs">{webhook.secret_fingerprint}</Code> · changed <RelativeTime iso={webhook.updated_at} />
                  {webhook.include_restricted ? ' · includes restricted incidents' : ''}
                </Text>
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                <Code fz="xs">{webhook.url}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{webhook.event_types.join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <WebhookBadge enabled={webhook.enabled} />
              </Table.Td>
              <Table.Td ta="right">
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <Button component={Link} to={`/admin/webhooks/${webhook.id}`} size="compact-sm" variant="default" fw={500} aria-label={`Deliveries of ${webhook.name}`}>
                    Deliveries
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button size="compact-sm" variant="default" fw={500} rightSection={<IconChevronDown size={14} aria-hidden />} aria-label={`More actions for ${webhook.name}`}>
                        More
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => actions.onEdit(webhook)}>Edit</Menu.Item>
                      <Menu.Item onClick={() => actions.onPing(webhook)} disabled={!webhook.enabled}>
                        Send test event
                      </Menu.Item>
                      <Menu.Item onClick={() => actions.onToggle(webhook)}>{webhook.enabled ? 'Pause' : 'Resume'}</Menu.Item>
                      <Menu.Divider />
                      <Menu.Item color="red" onClick={() => actions.onDelete(webhook)}>
                        Delete
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
