import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCommunicationStep, type StepAction } from './queries';
import { AUDIENCE_LABELS, CHANNEL_LABELS, type Communication } from './types';

export interface StepRequest {
  action: StepAction;
  decision?: 'approve' | 'return';
}

/** What each outward or signing step will do, said before it happens. */
function explain(c: Communication, request: StepRequest): { title: string; text: string; confirm: string; field?: { label: string; name: string; required: boolean } } {
  const audience = AUDIENCE_LABELS[c.audience]?.toLowerCase() ?? c.audience;
  const channel = CHANNEL_LABELS[c.channel] ?? c.channel;
  switch (request.action) {
    case 'submit':
      return { title: 'Submit for legal review', text: 'The holder of the Legal role on this incident reviews it next. Editing it afterwards brings it back to draft.', confirm: 'Submit' };
    case 'review':
      return request.decision === 'return'
        ? { title: 'Return to draft', text: 'The drafter gets it back with your comment.', confirm: 'Return to draft', field: { label: 'What should change?', name: 'comment', required: true } }
        : { title: 'Pass legal review', text: `You confirm, as Legal, that these exact words may go to ${audience}. Someone still has to approve it.`, confirm: 'Pass legal review', field: { label: 'Comment (optional)', name: 'comment', required: false } };
    case 'approve':
      return { title: 'Approve for sending', text: `You approve these exact words for ${audience} by ${channel}. If anyone edits them, your approval lapses.`, confirm: 'Approve' };
    case 'send': {
      const count = c.recipients.length;
      return c.channel === 'email' && count > 0
        ? { title: 'Send now', text: `This e-mails ${count} recipient${count === 1 ? '' : 's'} now (${c.recipients.join(', ')}), each their own copy. It cannot be recalled.`, confirm: `Send to ${count} recipient${count === 1 ? '' : 's'}` }
        : { title: 'Record as sent', text: `Bulwark does not send by ${channel}: do it yourself, then record here what you did and when.`, confirm: 'Record as sent', field: { label: 'What was done', name: 'note', required: false } };
    }
    case 'withdraw':
      return { title: 'Withdraw', text: 'It stays on record, marked withdrawn, and can no longer be sent.', confirm: 'Withdraw', field: { label: 'Reason (optional)', name: 'reason', required: false } };
  }
}

export function ConfirmStep({ communication, request, onClose }: { communication: Communication; request: StepRequest; onClose: () => void }) {
  const step = useCommunicationStep(communication.incident_id);
  const [text, setText] = useState('');
  const plan = explain(communication, request);
  const confirm = () => {
    const body: Record<string, unknown> = request.decision ? { decision: request.decision } : {};
    if (plan.field && text.trim()) body[plan.field.name] = text.trim();
    step.mutate({ communication, action: request.action, body }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={plan.title} size="md" closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
      <Stack gap="sm">
        <Text size="sm" fw={600}>{communication.subject}</Text>
        <Text size="sm">{plan.text}</Text>
        {plan.field && <Textarea label={plan.field.label} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} required={plan.field.required} />}
        {step.error && <ProblemAlert error={step.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={confirm} loading={step.isPending} disabled={Boolean(plan.field?.required && !text.trim())} color={request.action === 'withdraw' || request.decision === 'return' ? 'red' : undefined}>
            {plan.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
