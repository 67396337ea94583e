import { Anchor, Button, Center, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AdminFrame } from '../admin/AdminFrame';
import { DeliveryLog } from './DeliveryLog';
import { useWebhook, useWebhookWrites } from './useWebhooks';
import { WebhookDialog } from './WebhookDialog';
import { WebhookBadge } from './WebhookStatus';

export function WebhookDeliveriesPage() {
  return (
    <AdminFrame>
      <WebhookDeliveries />
    </AdminFrame>
  );
}

function WebhookDeliveries() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const webhook = useWebhook(id);
  const { toggle, ping } = useWebhookWrites(() => void navigate('/admin/webhooks'));
  const [editing, setEditing] = useState(false);
  const hook = webhook.data;

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/admin/webhooks" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden /> All webhooks
        </Group>
      </Anchor>
      {webhook.isError && <ProblemAlert error={webhook.error} title="This webhook could not be loaded" onRetry={() => void webhook.refetch()} />}
      {webhook.isPending && (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading webhook" />
        </Center>
      )}
      {hook && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Group gap="xs">
                <Title order={2} size="h3">
                  {hook.name}
                </Title>
                <WebhookBadge enabled={hook.enabled} />
              </Group>
              <Text size="sm">
                <Code>{hook.url}</Code>
              </Text>
              <Text size="xs" c="dimmed">
                Events: {hook.event_types.join(', ')} · secret SHA-256 <Code fz="xs">{hook.secret_fingerprint}</Code>
                {hook.include_restricted ? ' · includes restricted incidents' : ''}
              </Text>
            </Stack>
            <Group gap="xs">
              <Button variant="default" leftSection={<IconSend size={16} aria-hidden />} onClick={() => ping.mutate(hook)} loading={ping.isPending} disabled={!hook.enabled}>
                Send test event
              </Button>
              <Button variant="default" onClick={() => toggle.mutate(hook)} loading={toggle.isPending}>
                {hook.enabled ? 'Pause' : 'Resume'}
              </Button>
              <Button variant="default" onClick={() => setEditing(true)}>
                Edit
              </Button>
            </Group>
          </Group>
          {(toggle.error ?? ping.error) && <ProblemAlert error={toggle.error ?? ping.error} title="That did not work" />}
          <DeliveryLog webhookId={hook.id} />
          <WebhookDialog opened={editing} webhook={hook} onClose={() => setEditing(false)} />
        </>
      )}
    </Stack>
  );
}
