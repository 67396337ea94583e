import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCurrentUser } from '../../../auth/session';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { parseList } from './evidenceFormat';
import { MetadataFields } from './MetadataFields';
import { useAddPhysicalItem } from './queries';
import { emptyMetadata } from './UploadPanel';

/** A seized laptop, a USB key, a paper log: an item without a file, described and located. */
export function PhysicalItemDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const user = useCurrentUser();
  const add = useAddPhysicalItem(incidentId);
  const [metadata, setMetadata] = useState(() => ({ ...emptyMetadata(user.name), kind: 'physical' }));
  const [serials, setSerials] = useState('');
  const [location, setLocation] = useState('');
  const save = () => {
    const body: Record<string, unknown> = {
      ...metadata,
      title: metadata.title.trim(),
      serial_numbers: parseList(serials),
      physical_location: location.trim(),
    };
    if (!metadata.collected_at) delete body.collected_at;
    add.mutate(body, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title="Add an item without a file" size="lg" closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
      <Stack gap="sm">
        <MetadataFields value={metadata} onChange={setMetadata} titlePlaceholder="Dell Latitude 7420, finance" />
        <Textarea label="Serial numbers" description="One a line, or separated by commas" value={serials} onChange={(e) => setSerials(e.currentTarget.value)} autosize minRows={2} />
        <TextInput label="Physical location" description="Where it is kept now" placeholder="Safe 2, room 4.12" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
        {add.error && <ProblemAlert error={add.error} title="The item was not added" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={save} loading={add.isPending} disabled={!metadata.title.trim()}>Add item</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
