import { Alert, Badge, Button, Group, Paper, Spoiler, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatInstant } from '../../../format/time';
import { AUDIENCE_LABELS, CHANNEL_LABELS, KIND_LABELS, STATUS_LABELS, type Communication } from './types';
import type { StepRequest } from './ConfirmStep';

export interface CardAbilities {
  write: boolean;
  review: boolean;
  approve: boolean;
}

/** One communication: for whom, how, the words, who signed what, and the next steps the viewer may take. */
export function CommunicationCard({ communication: c, can, onStep, onEdit }: { communication: Communication; can: CardAbilities; onStep: (request: StepRequest) => void; onEdit: () => void }) {
  const open = c.status !== 'sent' && c.status !== 'withdrawn';
  const approvable = c.status === 'legal_reviewed' || (!c.needs_legal_review && (c.status === 'draft' || c.status === 'in_review'));
  const lastReturn = [...c.history].reverse().find((h) => h.kind === 'communication_reviewed' && h.comment);
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={`Communication: ${c.subject}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600}>{c.subject}</Text>
            <Group gap={6} mt={2}>
              <Badge variant="light">{STATUS_LABELS[c.status]}</Badge>
              <Badge variant="outline" color="gray">{AUDIENCE_LABELS[c.audience] ?? c.audience}</Badge>
              <Badge variant="outline" color="gray">{CHANNEL_LABELS[c.channel] ?? c.channel}</Badge>
              {c.kind !== 'message' && <Badge variant="outline" color="grape">{KIND_LABELS[c.kind]}</Badge>}
              {c.needs_legal_review && c.status !== 'sent' && <Text size="xs" c="dimmed">needs legal review</Text>}
            </Group>
          </div>
        </Group>
        {c.gaps.length > 0 && open && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} aria-hidden />} title="Gaps to fill">
            <Text size="sm">No value yet for {c.gaps.join(', ')}: the text shows them as [name]. Edit it before it goes out.</Text>
          </Alert>
        )}
        <Spoiler maxHeight={90} showLabel="Show all" hideLabel="Show less">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Text>
        </Spoiler>
        {c.recipients.length > 0 && <Text size="xs" c="dimmed">To: {c.recipients.join(', ')}</Text>}
        {lastReturn && c.status === 'draft' && (
          <Text size="sm">Returned by {lastReturn.actor_name ?? 'legal'}: “{lastReturn.comment}”</Text>
        )}
        <Text size="xs" c="dimmed">
          Drafted by {c.created_by_name ?? 'someone'} {formatInstant(c.created_at)}
          {c.legal_reviewed_at && ` · legal review by ${c.legal_reviewed_by_name ?? 'someone'} ${formatInstant(c.legal_reviewed_at)}`}
          {c.approved_at && ` · approved by ${c.approved_by_name ?? 'someone'} ${formatInstant(c.approved_at)}`}
          {c.sent_at && ` · sent by ${c.sent_by_name ?? 'someone'} ${formatInstant(c.sent_at)}`}
        </Text>
        {open && (
          <Group gap="xs">
            {can.write && <Button size="xs" variant="default" onClick={onEdit}>Edit</Button>}
            {can.write && c.status === 'draft' && <Button size="xs" onClick={() => onStep({ action: 'submit' })}>Submit for legal review</Button>}
            {can.review && c.status === 'in_review' && (
              <>
                <Button size="xs" onClick={() => onStep({ action: 'review', decision: 'approve' })}>Pass legal review</Button>
                <Button size="xs" variant="default" onClick={() => onStep({ action: 'review', decision: 'return' })}>Return to draft</Button>
              </>
            )}
            {can.approve && approvable && <Button size="xs" onClick={() => onStep({ action: 'approve' })}>Approve</Button>}
            {can.write && c.status === 'approved' && <Button size="xs" onClick={() => onStep({ action: 'send' })}>Send</Button>}
            {can.write && <Button size="xs" variant="subtle" color="red" onClick={() => onStep({ action: 'withdraw' })}>Withdraw</Button>}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
