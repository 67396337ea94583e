import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiProblem } from '../../api/problem';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fromLocalInput, toLocalInput } from '../../format/time';
import { parseList, type UploadMetadata } from '../incident/evidence/evidenceFormat';
import { MetadataFields } from '../incident/evidence/MetadataFields';
import { useEditEvidence } from '../incident/evidence/queries';
import type { Evidence } from '../incident/evidence/types';

const metadataOf = (item: Evidence): UploadMetadata => ({
  kind: item.kind,
  title: item.title,
  description: item.description,
  source: item.source,
  collected_by: item.collected_by,
  collected_at: item.collected_at,
  acquisition_tool: item.acquisition_tool,
  acquisition_notes: item.acquisition_notes,
  tlp: item.tlp,
  tags: item.tags,
});

/**
 * Edits what is said about the item. Hashes, the file and the holder are facts of record and not
 * editable; the save is checked against the version shown so nobody overwrites another's change.
 */
export function EditEvidenceDialog({ item, onClose }: { item: Evidence; onClose: () => void }) {
  const canManage = useCan('evidence.manage');
  const edit = useEditEvidence();
  const [metadata, setMetadata] = useState(() => metadataOf(item));
  const [serials, setSerials] = useState(item.serial_numbers.join('\n'));
  const [location, setLocation] = useState(item.physical_location);
  const [retainUntil, setRetainUntil] = useState(toLocalInput(item.retain_until));
  const save = () => {
    const changes: Record<string, unknown> = { ...metadata, title: metadata.title.trim(), serial_numbers: parseList(serials), physical_location: location.trim() };
    if (!metadata.collected_at) delete changes.collected_at;
    if (canManage) changes.retain_until = fromLocalInput(retainUntil);
    edit.mutate({ item, changes }, { onSuccess: onClose });
  };
  const stale = edit.error instanceof ApiProblem && edit.error.status === 412;
  return (
    <Modal opened onClose={onClose} title={`Edit ${item.number}`} size="lg" closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
      <Stack gap="sm">
        <MetadataFields value={metadata} onChange={setMetadata} titlePlaceholder="" />
        <Textarea label="Serial numbers" description="One a line" value={serials} onChange={(e) => setSerials(e.currentTarget.value)} autosize minRows={2} />
        <TextInput label="Physical location" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
        {canManage && <TextInput type="datetime-local" label="Retain until" description="Not to be destroyed before this date" value={retainUntil} onChange={(e) => setRetainUntil(e.currentTarget.value)} />}
        {stale ? (
          <Alert color="yellow" title="Someone else changed this item meanwhile" role="alert">
            Your edit was not saved. Close this dialog to see their change, then edit again.
          </Alert>
        ) : (
          edit.error && <ProblemAlert error={edit.error} title="The changes were not saved" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={save} loading={edit.isPending} disabled={!metadata.title.trim() || stale}>Save</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
