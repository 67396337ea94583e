import { Button, Group, Modal, MultiSelect, PasswordInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SecretReveal } from '../admin/SecretReveal';
import { EVENT_GROUPS, type Webhook } from './types';

const EVENT_OPTIONS = [
  { group: 'Everything', items: [{ value: '*', label: 'Every event (*)' }] },
  ...EVENT_GROUPS.map((g) => ({ group: g.label, items: [{ value: g.family, label: `All ${g.label.toLowerCase()} (${g.family})` }, ...g.types.map((t) => ({ value: t, label: t }))] })),
];

/** Create a webhook (then show its secret once), or edit one at the version loaded. */
export function WebhookDialog({ opened, webhook, onClose }: { opened: boolean; webhook: Webhook | null; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={webhook ? `Edit webhook “${webhook.name}”` : 'Add webhook'} size="lg">
      {opened && <WebhookForm key={webhook?.id ?? 'new'} webhook={webhook} onClose={onClose} />}
    </Modal>
  );
}

function WebhookForm({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(webhook?.name ?? '');
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [events, setEvents] = useState<string[]>(webhook?.event_types ?? ['incident.*']);
  const [restricted, setRestricted] = useState(webhook?.include_restricted ?? false);
  const [secret, setSecret] = useState('');
  const save = useMutation({
    mutationFn: (): Promise<{ webhook: Webhook; secret: string | null }> => {
      const fields = { name: name.trim(), url: url.trim(), event_types: events, include_restricted: restricted, ...(secret ? { secret } : {}) };
      return webhook
        ? api.patch<Webhook>(`/api/v1/webhooks/${webhook.id}`, fields, { ifMatch: webhook.version }).then((saved) => ({ webhook: saved, secret: null }))
        : api.post<{ webhook: Webhook; secret: string }>('/api/v1/webhooks', fields);
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
      if (webhook) onClose();
      else if (!result.secret) onClose();
    },
  });
  const fieldError = (field: string) => (save.error instanceof ApiProblem ? save.error.fieldError(field) : undefined);
  // The server names the offending entry (event_types.2), so the list's error collects them.
  const eventsError = save.error instanceof ApiProblem ? save.error.errors.filter((e) => /(^|\.)event_types(\.|$)/.test(e.path)).map((e) => e.message).join('; ') || undefined : undefined;

  if (save.data?.secret) {
    return (
      <Stack gap="md">
        <Text size="sm">
          Webhook <strong>{save.data.webhook.name}</strong> is active. Configure the receiver to verify <code>X-Bulwark-Signature</code> with this secret (see
          docs/webhooks.md), then send a test event from the list.
        </Text>
        <SecretReveal label="Signing secret" secret={save.data.secret} warning="Shown only now. Put it in the receiver’s configuration before closing; Bulwark will not show it again." />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextInput label="Name" description="Who receives it, e.g. “SOAR playbooks”" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
      <TextInput label="Payload URL" description="Bulwark POSTs JSON here; use https outside a lab" required placeholder="https://receiver.example/hooks/bulwark" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={fieldError('url')} />
      <MultiSelect
        label="Events"
        description="Single types, a whole family, or every event"
        data={EVENT_OPTIONS}
        value={events}
        onChange={setEvents}
        searchable
        clearable
        required
        error={eventsError}
      />
      <Switch
        label="Include restricted incidents"
        description="Need-to-know incidents are left out unless this receiver may know about them"
        checked={restricted}
        onChange={(e) => setRestricted(e.currentTarget.checked)}
      />
      <PasswordInput
        label={webhook ? 'New signing secret' : 'Signing secret'}
        description={webhook ? `Leave empty to keep the current one (SHA-256 ${webhook.secret_fingerprint}…)` : 'Leave empty to have one generated (recommended); at least 16 characters'}
        value={secret}
        onChange={(e) => setSecret(e.currentTarget.value)}
        error={fieldError('secret')}
        autoComplete="new-password"
      />
      {save.isError && <ProblemAlert error={save.error} title={webhook ? 'The webhook was not changed' : 'The webhook was not created'} />}
      <Group justify="flex-end" gap="sm" mt="xs">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending}>
          {webhook ? 'Save changes' : 'Add webhook'}
        </Button>
      </Group>
    </Stack>
  );
}
