import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { IncidentDetail } from '../../../api/types';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CommunicationCard } from './CommunicationCard';
import { CommunicationEditor } from './CommunicationEditor';
import { HoldingStatements } from './HoldingStatements';
import { ConfirmStep, type StepRequest } from './ConfirmStep';
import { NewCommunication } from './NewCommunication';
import { useCommunications } from './queries';
import { SentLog } from './SentLog';
import { StatusUpdateDue } from './StatusUpdateDue';
import { STATUS_LABELS, STATUS_ORDER, type Communication } from './types';
import { useCommunicationAbilities } from './useCommunicationAbilities';

/** Stakeholder communications: the status-update clock, messages by where they stand, and the sent log. */
export function CommunicationsTab({ incident }: { incident: IncidentDetail }) {
  const communications = useCommunications(incident.id);
  const can = useCommunicationAbilities(incident);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Communication | null>(null);
  const [step, setStep] = useState<{ communication: Communication; request: StepRequest } | null>(null);
  const data = communications.data;
  const inWork = STATUS_ORDER.filter((s) => s !== 'sent').map((status) => ({ status, items: (data?.items ?? []).filter((c) => c.status === status) })).filter((g) => g.items.length > 0);

  return (
    <Stack gap="md">
      {communications.isPending && <Skeleton h={120} />}
      {communications.isError && <ProblemAlert error={communications.error} title="The communications could not be loaded" onRetry={() => void communications.refetch()} />}
      {data && (
        <>
          <StatusUpdateDue cadence={data.status_update} />
          <Group justify="space-between">
            <Title order={3} size="h4">Communications</Title>
            {can.write && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                New communication
              </Button>
            )}
          </Group>
          {!data.items.some((c) => c.kind === 'holding_statement' && c.status !== 'withdrawn') && <HoldingStatements incidentId={incident.id} canDraft={can.write} />}
          {data.items.length === 0 && (
            <Text size="sm" c="dimmed">
              Nothing drafted yet. Start from a template of the response plan — a media holding statement is ready before the facts are — or write one. Messages to customers, regulators, the media and other outside audiences go through legal review, then the incident commander, executive sponsor or communications lead approves them before they are sent.
            </Text>
          )}
          {inWork.map((group) => (
            <Stack key={group.status} gap="xs" component="section" aria-label={STATUS_LABELS[group.status]}>
              <Title order={4} size="h5">{STATUS_LABELS[group.status]} ({group.items.length})</Title>
              {group.items.map((c) => (
                <CommunicationCard
                  key={c.id}
                  communication={c}
                  can={{ write: can.write, review: can.review, approve: can.approve(c) }}
                  onEdit={() => setEditing(c)}
                  onStep={(request) => setStep({ communication: c, request })}
                />
              ))}
            </Stack>
          ))}
          <Stack gap="xs" component="section" aria-label="Sent log">
            <Title order={4} size="h5">Sent log</Title>
            <SentLog items={data.items} />
          </Stack>
          {creating && <NewCommunication incidentId={incident.id} templates={data.templates} onClose={() => setCreating(false)} onDrafted={() => setCreating(false)} />}
        </>
      )}
      {editing && <CommunicationEditor communication={editing} onClose={() => setEditing(null)} />}
      {step && <ConfirmStep communication={step.communication} request={step.request} onClose={() => setStep(null)} />}
    </Stack>
  );
}
