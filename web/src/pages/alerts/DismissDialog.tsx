import { Button, Chip, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useTriage } from './queries';
import { DISMISS_REASONS } from './types';

/** Dismissing says why (it is kept on the alert and in the audit log) and can be undone by reopening. */
export function DismissDialog({ alertIds, onClose, onDone }: { alertIds: string[]; onClose(): void; onDone(): void }) {
  const triage = useTriage();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = !reason.trim();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missing) return;
    triage.mutate({ action: 'dismiss', alert_ids: alertIds, reason: reason.trim() }, { onSuccess: () => { onDone(); onClose(); } });
  };
  const what = alertIds.length === 1 ? 'this alert' : `${alertIds.length} alerts`;
  return (
    <Modal opened onClose={onClose} title={`Dismiss ${what}`} closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">They leave the queue. Anyone who triages can reopen them later; the reason stays on record.</Text>
          <Chip.Group value={reason} onChange={(value) => setReason(value as string)}>
            <Group gap={6}>
              {DISMISS_REASONS.map((r) => (
                <Chip key={r} value={r} size="xs" variant="outline">
                  {r}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <TextInput label="Reason" required data-autofocus maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={touched && missing ? 'Say why these alerts need no response.' : undefined} />
          <ProblemAlert error={triage.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="gray" loading={triage.isPending}>
              Dismiss {what}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
