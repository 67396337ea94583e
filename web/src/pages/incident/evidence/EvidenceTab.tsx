import { Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { IncidentDetail } from '../../../api/types';
import { useCan } from '../../../auth/session';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { EvidenceTable } from './EvidenceTable';
import { ExportMenu } from './ExportMenu';
import { PhysicalItemDialog } from './PhysicalItemDialog';
import { useEvidenceList, useVerifyAll } from './queries';
import { UploadPanel } from './UploadPanel';
import { VerifyAllButton, VerifyAllResult } from './VerifyAll';

/** The incident's evidence: upload, list with hashes, holders and integrity, and the exports for counsel. */
export function EvidenceTab({ incident }: { incident: IncidentDetail }) {
  const canWrite = useCan('evidence.write');
  const canRead = useCan('evidence.read');
  const list = useEvidenceList(incident.id);
  const verifyAll = useVerifyAll(incident.id);
  const [addingPhysical, setAddingPhysical] = useState(false);
  const items = list.data ?? [];
  return (
    <Stack gap="md">
      {canWrite && <UploadPanel incidentId={incident.id} />}
      <Paper withBorder p="md" radius="md" component="section" aria-label="Evidence register">
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600}>{items.length === 1 ? '1 item' : `${items.length} items`}</Text>
            <Group gap="xs">
              {canWrite && (
                <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAddingPhysical(true)}>
                  Add item without a file
                </Button>
              )}
              {canRead && items.some((i) => i.sha256 && i.status === 'active') && <VerifyAllButton verify={verifyAll} />}
              <ExportMenu incidentId={incident.id} report="manifest" label="Manifest" />
              <ExportMenu incidentId={incident.id} report="custody-report" label="Custody report" />
            </Group>
          </Group>
          <VerifyAllResult verify={verifyAll} items={items} />
          {list.isPending ? (
            <Skeleton h={120} aria-label="Loading the evidence" />
          ) : list.isError ? (
            <ProblemAlert error={list.error} title="The evidence could not be loaded" onRetry={() => void list.refetch()} />
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed">No evidence has been recorded for this incident yet.</Text>
          ) : (
            <EvidenceTable items={items} />
          )}
        </Stack>
      </Paper>
      {addingPhysical && <PhysicalItemDialog incidentId={incident.id} onClose={() => setAddingPhysical(false)} />}
    </Stack>
  );
}
