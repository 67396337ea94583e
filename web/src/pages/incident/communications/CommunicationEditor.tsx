import { Alert, Button, Group, Modal, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useEditCommunication } from './queries';
import type { Communication } from './types';

/** Edits the words and recipients; after review or approval the server sends it back to draft, and this says so first. */
export function CommunicationEditor({ communication, onClose }: { communication: Communication; onClose: () => void }) {
  const edit = useEditCommunication(communication.incident_id);
  const [subject, setSubject] = useState(communication.subject);
  const [body, setBody] = useState(communication.body);
  const [recipients, setRecipients] = useState(communication.recipients);
  const signedOff = communication.status !== 'draft';
  const fieldError = (field: string) => (edit.error instanceof ApiProblem ? edit.error.fieldError(field) : undefined);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    edit.mutate({ communication, changes: { subject, body, recipients } }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title="Edit communication" size="lg" closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
      <form onSubmit={submit} aria-label="Edit communication">
        <Stack gap="sm">
          {signedOff && (
            <Alert color="yellow" variant="light">
              <Text size="sm">Changing the text or recipients sends this back to draft: its legal review and approval were for the words as they are now.</Text>
            </Alert>
          )}
          <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} maxLength={300} error={fieldError('subject')} />
          <Textarea label="Message" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={8} error={fieldError('body')} />
          <TagsInput label="Recipients" value={recipients} onChange={setRecipients} />
          {edit.error && !fieldError('subject') && !fieldError('body') && <ProblemAlert error={edit.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={edit.isPending}>Save</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
