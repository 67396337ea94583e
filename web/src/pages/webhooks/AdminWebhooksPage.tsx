import { Button, Center, Code, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AdminFrame } from '../admin/AdminFrame';
import { ConfirmDialog } from '../admin/ConfirmDialog';
import type { Webhook } from './types';
import { useWebhookList, useWebhookWrites } from './useWebhooks';
import { WebhookDialog } from './WebhookDialog';
import { WebhooksTable } from './WebhooksTable';

export function AdminWebhooksPage() {
  return (
    <AdminFrame>
      <Webhooks />
    </AdminFrame>
  );
}

function Webhooks() {
  const webhooks = useWebhookList();
  const [editing, setEditing] = useState<Webhook | null | 'new'>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const { toggle, ping, remove } = useWebhookWrites(() => setDeleting(null));
  const writeError = toggle.error ?? ping.error;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" maw={720}>
          Webhooks POST alert and incident events to other systems as they happen, signed with HMAC-SHA256 (<Code>X-Bulwark-Signature</Code>) and
          retried with backoff until the receiver answers 2xx.
        </Text>
        <Button leftSection={<IconWebhook size={16} aria-hidden />} onClick={() => setEditing('new')} style={{ flexShrink: 0 }}>
          Add webhook
        </Button>
      </Group>
      {writeError && <ProblemAlert error={writeError} title="That did not work" />}
      {webhooks.isError && <ProblemAlert error={webhooks.error} title="The webhooks could not be loaded" onRetry={() => void webhooks.refetch()} />}
      {webhooks.isPending && (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading webhooks" />
        </Center>
      )}
      {webhooks.data && webhooks.data.items.length === 0 && (
        <Paper withBorder p="lg" radius="sm">
          <Stack gap={4} align="center">
            <Text size="sm" fw={500}>
              No webhooks yet
            </Text>
            <Text size="sm" c="dimmed" ta="center" maw={560}>
              Add one to tell a SOAR, a chat bridge or a ticketing tool when incidents open, change phase or alerts are triaged. The receiver
              verifies each request with the signing secret shown when you add it.
            </Text>
          </Stack>
        </Paper>
      )}
      {webhooks.data && webhooks.data.items.length > 0 && (
        <Paper withBorder radius="sm">
          <WebhooksTable
            webhooks={webhooks.data.items}
            actions={{ onEdit: setEditing, onToggle: (w) => toggle.mutate(w), onPing: (w) => ping.mutate(w), onDelete: setDeleting }}
          />
        </Paper>
      )}
      <WebhookDialog opened={editing !== null} webhook={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete webhook"
        confirmLabel="Delete"
        danger
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        <strong>{deleting?.name}</strong> stops receiving events at once; its delivery log and any deliveries still waiting are deleted. To stop it for a
        while instead, pause it.
      </ConfirmDialog>
    </Stack>
  );
}
