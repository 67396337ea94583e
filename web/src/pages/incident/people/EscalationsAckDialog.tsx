import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAcknowledgeEscalation, type Escalation } from './EscalationsQueries';

/**
 * Acknowledging tells the whole response team the call was answered and stops the deputy from being
 * called. On someone's behalf it needs a note saying how they answered.
 */
export function EscalationsAckDialog({ incidentId, escalation, onBehalf, onClose }: { incidentId: string; escalation: Escalation | null; onBehalf: boolean; onClose: () => void }) {
  const acknowledge = useAcknowledgeEscalation(incidentId);
  const [note, setNote] = useState('');
  const close = () => {
    setNote('');
    acknowledge.reset();
    onClose();
  };
  const submit = () => {
    if (!escalation) return;
    acknowledge.mutate({ id: escalation.id, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: close });
  };
  return (
    <Modal opened={escalation !== null} onClose={close} title={onBehalf ? `Record acknowledgement for ${escalation?.contact_name ?? ''}` : 'Acknowledge the call'} size="md">
      <Stack gap="md">
        <Text size="sm">
          {onBehalf
            ? `This records that ${escalation?.contact_name ?? ''} answered (by phone or in person). It goes on the timeline with your name and note, and no deputy will be called for them.`
            : 'This tells the response team you have the call. It goes on the timeline, and no deputy will be called for you.'}
        </Text>
        <Textarea
          label={onBehalf ? 'How did they answer?' : 'Note (optional)'}
          description={onBehalf ? 'For example: "Called back at 03:12, joining the bridge."' : undefined}
          required={onBehalf}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        {Boolean(acknowledge.error) && <ProblemAlert error={acknowledge.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button loading={acknowledge.isPending} disabled={onBehalf && !note.trim()} onClick={submit} data-autofocus={!onBehalf || undefined}>
            {onBehalf ? 'Record acknowledgement' : 'Acknowledge'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
