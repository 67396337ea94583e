import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { useCurrentUser } from '../../../auth/session';
import type { UploadMetadata } from './evidenceFormat';
import { DropZone } from './DropZone';
import { MetadataFields } from './MetadataFields';
import { evidenceKeys } from './queries';
import { addFiles, cancelUpload, removeUpload, startUploads, subscribeUploads, uploadsOf } from './uploadStore';
import { UploadQueue } from './UploadQueue';

export function emptyMetadata(collectedBy: string): UploadMetadata {
  return { kind: 'other', title: '', description: '', source: '', collected_by: collectedBy, collected_at: new Date().toISOString(), acquisition_tool: '', acquisition_notes: '', tlp: 'amber', tags: [] };
}

/**
 * Pick or drop files, describe them once, upload them one after another with progress. Each file is
 * its own evidence item; the metadata applies to all of those sent together.
 */
export function UploadPanel({ incidentId }: { incidentId: string }) {
  const user = useCurrentUser();
  const client = useQueryClient();
  const [metadata, setMetadata] = useState<UploadMetadata>(() => emptyMetadata(user.name));
  const entries = useSyncExternalStore(subscribeUploads, () => uploadsOf(incidentId));
  const selected = entries.filter((e) => e.state === 'selected');

  const start = () => {
    startUploads(incidentId, metadata, () => void client.invalidateQueries({ queryKey: evidenceKeys.list(incidentId) }));
    setMetadata((m) => ({ ...m, title: '' }));
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="evidence-upload-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="evidence-upload-title">Upload evidence</Title>
        <MetadataFields value={metadata} onChange={setMetadata} titlePlaceholder={selected.length > 1 ? 'Each file’s name, when left empty' : 'Defaults to the file name'} />
        <DropZone onFiles={(files) => addFiles(incidentId, files)} />
        <UploadQueue entries={entries} onCancel={(key) => cancelUpload(incidentId, key)} onRemove={(key) => removeUpload(incidentId, key)} />
        {selected.length > 0 && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">You will hold {selected.length === 1 ? 'this item' : 'these items'} once uploaded; the custody log starts with you.</Text>
            <Button onClick={start}>{selected.length === 1 ? 'Upload 1 file' : `Upload ${selected.length} files`}</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
