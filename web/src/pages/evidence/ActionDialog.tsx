import { Button, Checkbox, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCurrentUser } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { UserSelect } from '../../components/UserSelect';
import { useRecordCustody, useStewardship, type CustodyDraft } from '../incident/evidence/queries';
import { RECEIPT_STATEMENT, type Evidence } from '../incident/evidence/types';
import { actionPlan, type EvidenceAction } from './actionPlans';

/** Confirms one action on an item, asking for what the record needs (who, where, why, a signature, a reason). */
export function ActionDialog({ item, action, onClose }: { item: Evidence; action: EvidenceAction; onClose: () => void }) {
  const me = useCurrentUser();
  const plan = actionPlan(item, action);
  const custody = useRecordCustody();
  const stewardship = useStewardship();
  const [toUser, setToUser] = useState<string | null>(null);
  const [location, setLocation] = useState('');
  const [purpose, setPurpose] = useState('');
  const [reason, setReason] = useState('');
  const [signedName, setSignedName] = useState('');
  const [accepted, setAccepted] = useState(false);
  const pending = custody.isPending || stewardship.isPending;
  const error = custody.error ?? stewardship.error;

  const ready = (!plan.asks.person || toUser !== null) && (!plan.asks.signature || (signedName.trim() !== '' && accepted)) && (!plan.asks.reasonRequired || reason.trim() !== '');

  const confirm = () => {
    if (action.kind === 'stewardship') {
      stewardship.mutate({ item, step: action.step, text: reason.trim() }, { onSuccess: onClose });
      return;
    }
    const draft: CustodyDraft = { action: action.step };
    if (toUser) draft.to_user_id = toUser;
    if (location.trim()) draft.location = location.trim();
    if (purpose.trim()) draft.purpose = purpose.trim();
    if (reason.trim()) draft.notes = reason.trim();
    if (plan.asks.signature) draft.signature = { name: signedName.trim(), statement_accepted: accepted };
    custody.mutate({ item, draft }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={plan.title} size="md" closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
      <Stack gap="sm">
        <Text size="sm" fw={600}>{item.number}: {item.title}</Text>
        <Text size="sm">{plan.text}</Text>
        {plan.asks.person && <UserSelect label="Hand over to" value={toUser} onChange={setToUser} required data-autofocus />}
        {plan.asks.place && <TextInput label="Where" placeholder="Forensics lab, room 2.07" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />}
        {plan.asks.place && <TextInput label="Why" placeholder="Imaging for timeline analysis" value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} />}
        {plan.asks.reason && <Textarea label={plan.asks.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} required={plan.asks.reasonRequired} />}
        {plan.asks.signature && (
          <>
            <TextInput label="Your full name" description={`As your signature; the server checks it against your account (${me.name}).`} value={signedName} onChange={(e) => setSignedName(e.currentTarget.value)} required />
            <Text size="sm" fs="italic">{RECEIPT_STATEMENT}</Text>
            <Checkbox label="I accept this statement" checked={accepted} onChange={(e) => setAccepted(e.currentTarget.checked)} />
          </>
        )}
        {error && <ProblemAlert error={error} title={`${plan.title} was refused`} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={confirm} loading={pending} disabled={!ready} color={plan.danger ? 'red' : undefined}>{plan.confirm}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
