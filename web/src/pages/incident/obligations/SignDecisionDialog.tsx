import { Alert, Button, Group, Modal, NativeSelect, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { fromLocalInput, toLocalInput, viewerTimeZone } from '../../../format/time';
import { useSignDecision } from './queries';
import { DECISION_CLOCKS, DECISION_KINDS, DECISION_LABELS, type DecisionKind } from './types';

/** Two steps: say what was decided, when and on what facts; then confirm, reading which clock it starts. */
export function SignDecisionDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const [kind, setKind] = useState<DecisionKind>('personal_data_breach');
  const [outcome, setOutcome] = useState<'yes' | 'no'>('yes');
  const [decidedAt, setDecidedAt] = useState(() => toLocalInput(new Date().toISOString()));
  const [facts, setFacts] = useState('');
  const [confirming, setConfirming] = useState(false);
  const sign = useSignDecision(incidentId);
  const problem = sign.error instanceof ApiProblem ? sign.error : null;
  const effect = outcome === 'yes' ? DECISION_CLOCKS[kind] : kind === 'personal_data_breach' ? 'Marks the incident as not involving personal data: the personal-data notifications become not required.' : 'Stops the clocks this kind of decision started; obligations not yet submitted become not required.';

  return (
    <Modal opened onClose={onClose} title="Sign a decision" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!confirming) return setConfirming(true);
          sign.mutate({ kind, outcome: outcome === 'yes', decided_at: fromLocalInput(decidedAt) ?? decidedAt, facts }, { onSuccess: onClose });
        }}
      >
        <Stack gap="sm">
          <NativeSelect label="Decision" data={DECISION_KINDS.map((k) => ({ value: k, label: DECISION_LABELS[k] }))} value={kind} onChange={(e) => { setKind(e.currentTarget.value as DecisionKind); setConfirming(false); }} disabled={confirming} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>Outcome</Text>
            <SegmentedControl aria-label="Outcome" data={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} value={outcome} onChange={(v) => { setOutcome(v as 'yes' | 'no'); setConfirming(false); }} disabled={confirming} />
          </Stack>
          <TextInput type="datetime-local" label="Decided at" description={`When it was decided, not when you record it (${viewerTimeZone()})`} required value={decidedAt} onChange={(e) => setDecidedAt(e.currentTarget.value)} error={problem?.fieldError('decided_at')} disabled={confirming} />
          <Textarea label="On what facts" description="What was known when deciding; kept with the signature" required autosize minRows={3} value={facts} onChange={(e) => setFacts(e.currentTarget.value)} error={problem?.fieldError('facts')} disabled={confirming} />
          {confirming && (
            <Alert color="orange" icon={<IconSignature size={18} aria-hidden />} title={`Sign "${DECISION_LABELS[kind]}: ${outcome}"?`}>
              <Text size="sm">{effect}</Text>
              <Text size="sm" mt="xs">The record is signed with your name and the time now, and is never edited: a later decision of the same kind supersedes it.</Text>
            </Alert>
          )}
          {sign.isError && <ProblemAlert error={sign.error} title="The decision was not recorded" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirming ? () => setConfirming(false) : onClose}>{confirming ? 'Back' : 'Cancel'}</Button>
            <Button type="submit" loading={sign.isPending} disabled={!facts.trim() || !decidedAt}>{confirming ? 'Sign decision' : 'Continue'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
