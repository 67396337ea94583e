import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiProblem } from '../../api/problem';
import type { Incident, Phase, Resolution } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMeta } from '../../meta/useMeta';
import { PHASE_ORDER } from './phases';
import { useMarkReviewCompleted, useTransition } from './useTransition';

const needsReview = (error: unknown) => error instanceof ApiProblem && error.status === 409 && error.body.requirement === 'review_completed';

/** Asks what a move needs: why phases are skipped, and how the incident ended when it closes. */
export function TransitionDialog({ incident, to, onClose }: { incident: Incident; to: Phase; onClose(): void }) {
  const meta = useMeta();
  const transition = useTransition(incident.id);
  const review = useMarkReviewCompleted(incident.id);
  const [reason, setReason] = useState('');
  const [resolution, setResolution] = useState<Resolution | ''>('');
  const [touched, setTouched] = useState(false);

  const from = PHASE_ORDER.indexOf(incident.phase);
  const skipped = PHASE_ORDER.slice(from + 1, PHASE_ORDER.indexOf(to));
  const closing = to === 'closed';
  const reasonMissing = skipped.length > 0 && !reason.trim();
  const resolutionMissing = closing && !resolution;
  const serverField = (field: string) => (transition.error instanceof ApiProblem ? transition.error.fieldError(field) : undefined);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (reasonMissing || resolutionMissing) return;
    transition.mutate(
      { to, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(resolution ? { resolution } : {}) },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal opened onClose={onClose} title={closing ? 'Close incident' : `Move to ${meta.label('phases', to)}`} size="md" closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {meta.label('phases', incident.phase)} → {meta.label('phases', to)}
            {skipped.length > 0 && <> skips {skipped.map((p) => meta.label('phases', p)).join(', ')}. Say why: it goes on the timeline.</>}
          </Text>
          {skipped.length > 0 && (
            <Textarea
              label="Reason"
              required
              autosize
              minRows={2}
              data-autofocus
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={(touched && reasonMissing ? 'Say why the skipped phases are not needed.' : undefined) ?? serverField('reason')}
            />
          )}
          {closing && (
            <NativeSelect
              label="Resolution"
              description="How did this incident turn out?"
              required
              value={resolution}
              onChange={(e) => setResolution(e.currentTarget.value as Resolution | '')}
              data={[{ value: '', label: 'Choose…', disabled: true }, ...meta.resolutions.map((r) => ({ value: r.id, label: r.label }))]}
              error={(touched && resolutionMissing ? 'Choose a resolution.' : undefined) ?? serverField('resolution')}
            />
          )}
          {needsReview(transition.error) ? (
            <Alert color="yellow" variant="light" icon={<IconClipboardCheck size={18} aria-hidden />} title="The post-incident review comes first" role="alert">
              <Stack gap="xs">
                <Text size="sm">{(transition.error as ApiProblem).detail} Once the review is done, mark it completed and close again.</Text>
                {review.isSuccess ? (
                  <Text size="sm" fw={600}>Review marked completed. You can close the incident now.</Text>
                ) : (
                  <Group>
                    <Button size="xs" variant="default" loading={review.isPending} onClick={() => review.mutate(true)}>
                      Mark review completed
                    </Button>
                  </Group>
                )}
                {review.error ? <ProblemAlert error={review.error} /> : null}
              </Stack>
            </Alert>
          ) : (
            transition.error && <ProblemAlert error={transition.error} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={closing ? 'gray' : undefined} loading={transition.isPending}>
              {closing ? 'Close incident' : 'Move'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
