import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { fromLocalInput, toLocalInput, viewerTimeZone } from '../../../format/time';
import { useUpdateObligation } from './queries';
import type { Obligation } from './types';
import { formatInZone } from './zones';

export type ObligationAction = 'drafted' | 'submitted' | 'not_required';

const TITLES: Record<ObligationAction, string> = { drafted: 'Mark as drafted', submitted: 'Record the submission', not_required: 'Mark as not required' };

/** Records what happened to an obligation, saying first what will be recorded. */
export function ObligationActionDialog({ obligation, action, onClose }: { obligation: Obligation; action: ObligationAction; onClose: () => void }) {
  const [reference, setReference] = useState('');
  const [submittedAt, setSubmittedAt] = useState(() => toLocalInput(new Date().toISOString()));
  const [delayReason, setDelayReason] = useState('');
  const [reason, setReason] = useState('');
  const update = useUpdateObligation(obligation.incident_id);
  const problem = update.error instanceof ApiProblem ? update.error : null;
  const submittedIso = fromLocalInput(submittedAt);
  const late = action === 'submitted' && obligation.deadline_utc !== null && (submittedIso ?? new Date().toISOString()) > obligation.deadline_utc;
  const what = `${obligation.regime_name} — ${obligation.stage.replaceAll('_', ' ')}${obligation.state ? ` (${obligation.state})` : ''}`;

  const change =
    action === 'submitted'
      ? { status: 'submitted', reference, submitted_at: submittedIso ?? submittedAt, ...(delayReason.trim() ? { delay_reason: delayReason } : {}) }
      : action === 'not_required'
        ? { status: 'not_required', reason }
        : { status: 'drafted' };

  return (
    <Modal opened onClose={onClose} title={TITLES[action]}>
      <form onSubmit={(e) => { e.preventDefault(); update.mutate({ obligation, change }, { onSuccess: onClose }); }}>
        <Stack gap="sm">
          <Text size="sm">
            <b>{what}</b> to {obligation.recipient}, due {formatInZone(obligation.deadline_utc, obligation.time_zone)}.
          </Text>
          {action === 'submitted' && (
            <>
              <TextInput label="Reference" description="The recipient's case number or receipt" required value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={problem?.fieldError('reference')} />
              <TextInput type="datetime-local" label="Submitted at" description={viewerTimeZone()} required value={submittedAt} onChange={(e) => setSubmittedAt(e.currentTarget.value)} error={problem?.fieldError('submitted_at')} />
              {late && (
                <Textarea label="Reasons for the delay" description="Submitted after the deadline: the regulator asks why (GDPR Art. 33(1))" required autosize minRows={2} value={delayReason} onChange={(e) => setDelayReason(e.currentTarget.value)} error={problem?.fieldError('delay_reason')} />
              )}
              <Text size="xs" c="dimmed">The submission is recorded on the incident's timeline and in the audit log; it cannot be changed afterwards.</Text>
            </>
          )}
          {action === 'not_required' && (
            <Textarea label="Why it is not required" description='e.g. "unlikely to result in a risk to individuals: the data was encrypted"' required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={problem?.fieldError('reason')} />
          )}
          {action === 'drafted' && <Text size="sm" c="dimmed">Records that the notification is drafted and waiting to be sent; the clock keeps running.</Text>}
          {update.isError && <ProblemAlert error={update.error} title="The obligation was not updated" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={update.isPending}>{action === 'submitted' ? 'Record submission' : action === 'not_required' ? 'Mark not required' : 'Mark drafted'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
