import { Alert, Button, Group, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentUser, useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../format/time';
import { evidenceAbilities } from '../incident/evidence/abilities';
import { useVerify } from '../incident/evidence/queries';
import type { Evidence } from '../incident/evidence/types';
import { ActionDialog } from './ActionDialog';
import type { EvidenceAction } from './actionPlans';
import { DownloadButton } from './DownloadButton';

const VERIFY_WORDS = {
  match: '✓ The stored file matches its recorded SHA-256.',
  mismatch: '✗ The stored file does NOT match its recorded SHA-256. An alert was raised on the incident.',
  missing: '✗ The stored file is missing. An alert was raised on the incident.',
} as const;

/** The actions this person may take on the item now; each confirms what it will do. */
export function EvidenceActions({ item, checkedOut }: { item: Evidence; checkedOut: boolean }) {
  const me = useCurrentUser();
  const { permissions } = useSession();
  const can = evidenceAbilities(item, me.id, permissions, checkedOut);
  const verify = useVerify();
  const [action, setAction] = useState<EvidenceAction | null>(null);
  const open = (next: EvidenceAction) => () => setAction(next);
  const custodyButtons: Array<[boolean, string, EvidenceAction]> = [
    [can.receive, 'Receive and sign', { kind: 'custody', step: 'received' }],
    [can.handOver, 'Hand over', { kind: 'custody', step: 'transferred' }],
    [can.checkOut, 'Check out', { kind: 'custody', step: 'checked_out' }],
    [can.checkIn, 'Check in', { kind: 'custody', step: 'checked_in' }],
    [can.recordAnalysis, 'Record analysis', { kind: 'custody', step: 'analysed' }],
    [can.recordCopy, 'Record copy', { kind: 'custody', step: 'copied' }],
    [can.returnItem, 'Return', { kind: 'custody', step: 'returned' }],
  ];
  const stewardshipButtons: Array<[boolean, string, EvidenceAction]> = [
    [can.placeHold, 'Place legal hold', { kind: 'stewardship', step: 'place_hold' }],
    [can.liftHold, 'Lift legal hold', { kind: 'stewardship', step: 'lift_hold' }],
    [can.requestDisposal, 'Destroy', { kind: 'stewardship', step: 'destroy' }],
    [can.requestDisposal, 'Release', { kind: 'stewardship', step: 'release' }],
    [can.decideDisposal, 'Approve', { kind: 'stewardship', step: 'approve' }],
    [can.decideDisposal, 'Reject', { kind: 'stewardship', step: 'reject' }],
  ];
  const shown = [...custodyButtons, ...stewardshipButtons].filter(([allowed]) => allowed);
  if (!can.download && !can.verify && shown.length === 0) return null;
  const request = item.disposal_request;
  return (
    <>
      <Group gap="xs" role="group" aria-label="Evidence actions">
        {can.download && <DownloadButton item={item} />}
        {can.verify && (
          <Button size="xs" variant="default" leftSection={<IconShieldCheck size={14} aria-hidden />} onClick={() => verify.mutate(item)} loading={verify.isPending}>
            Verify
          </Button>
        )}
        {custodyButtons.filter(([allowed]) => allowed).map(([, label, next]) => (
          <Button key={label} size="xs" variant={label === 'Receive and sign' ? 'filled' : 'default'} onClick={open(next)}>{label}</Button>
        ))}
        {stewardshipButtons.filter(([allowed]) => allowed).map(([, label, next]) => (
          <Button key={label} size="xs" variant="light" color={label === 'Destroy' || label === 'Approve' ? 'red' : 'violet'} onClick={open(next)}>{label}</Button>
        ))}
      </Group>
      {request && (
        <Text size="sm" mt="xs">
          {request.action === 'destroy' ? 'Destruction' : 'Release'} requested by {request.requested_by.name} {formatInstant(request.requested_at)}: “{request.reason}”.
          {request.requested_by.id === me.id ? ' A second person with evidence management rights must approve it.' : ''}
        </Text>
      )}
      {verify.data && (
        <Alert mt="xs" color={verify.data.status === 'match' ? 'teal' : 'red'} role="status" title={verify.data.status === 'match' ? 'Integrity: match' : `Integrity: ${verify.data.status}`} withCloseButton onClose={() => verify.reset()} closeButtonLabel="Dismiss">
          <Text size="sm">{VERIFY_WORDS[verify.data.status]}</Text>
          <Text size="xs" c="dimmed">Checked {formatInstant(verify.data.checked_at)}</Text>
        </Alert>
      )}
      {verify.error && <ProblemAlert error={verify.error} title="The file could not be verified" />}
      {action && <ActionDialog item={item} action={action} onClose={() => setAction(null)} />}
    </>
  );
}
