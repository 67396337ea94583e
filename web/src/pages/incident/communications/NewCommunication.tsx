import { Alert, Button, Group, Modal, NativeSelect, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useDraftCommunication, type DraftInput } from './queries';
import { AUDIENCE_LABELS, CHANNEL_LABELS, KIND_LABELS, type Communication, type TemplateOffer } from './types';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Drafts from a template of the plan in force (holding statements first) or blank; the server fills in the incident's variables. */
export function NewCommunication({ incidentId, templates, onClose, onDrafted }: { incidentId: string; templates: TemplateOffer[]; onClose: () => void; onDrafted: (c: Communication) => void }) {
  const draft = useDraftCommunication(incidentId);
  const [templateId, setTemplateId] = useState('');
  const template = templates.find((t) => t.id === templateId);
  const [audience, setAudience] = useState('staff');
  const [channel, setChannel] = useState('email');
  const [kind, setKind] = useState('message');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const fieldError = (field: string) => (draft.error instanceof ApiProblem ? draft.error.fieldError(field) : undefined);

  const pick = (id: string) => {
    setTemplateId(id);
    const chosen = templates.find((t) => t.id === id);
    if (chosen) {
      setAudience(chosen.audience);
      setChannel(chosen.channel);
      setKind(chosen.holding_statement ? 'holding_statement' : 'message');
    }
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input: DraftInput = { audience, channel, kind, recipients };
    if (template) input.template_id = template.id;
    else Object.assign(input, { subject, body });
    draft.mutate(input, { onSuccess: onDrafted });
  };

  return (
    <Modal opened onClose={onClose} title="New communication" size="lg" closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
      <form onSubmit={submit} aria-label="New communication">
        <Stack gap="sm">
          <NativeSelect
            label="Template"
            value={templateId}
            onChange={(e) => pick(e.currentTarget.value)}
            data={[{ value: '', label: 'Blank — write it yourself' }, ...templates.map((t) => ({ value: t.id, label: `${t.holding_statement ? 'Holding statement: ' : ''}${t.name} (${AUDIENCE_LABELS[t.audience] ?? t.audience})` }))]}
            description={templates.length === 0 ? 'The response plan in force has no templates; write this one by hand, or add templates under Preparedness.' : 'The incident’s details (number, title, commander, next update…) are filled in when you draft.'}
          />
          <Group grow>
            <NativeSelect label="Audience" value={audience} onChange={(e) => setAudience(e.currentTarget.value)} data={options(AUDIENCE_LABELS)} error={fieldError('audience')} />
            <NativeSelect label="Channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value)} data={options(CHANNEL_LABELS)} error={fieldError('channel')} />
            <NativeSelect label="Kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)} data={options(KIND_LABELS)} />
          </Group>
          <TagsInput
            label="Recipients"
            description={channel === 'email' ? 'E-mail addresses; each gets their own copy when sent. Press Enter after each.' : 'Who receives it (for the record); it is sent by hand on this channel.'}
            value={recipients}
            onChange={setRecipients}
            error={draft.error instanceof ApiProblem ? draft.error.errors.find((e) => e.path.startsWith('recipients'))?.message : undefined}
          />
          {!template && (
            <>
              <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} maxLength={300} error={fieldError('subject')} />
              <Textarea label="Message" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={6} error={fieldError('body')} description="Variables such as {{incident.number}} or {{next_update_at}} are filled in; an unknown one is refused." />
            </>
          )}
          {audience !== 'staff' && audience !== 'executives' && (
            <Alert color="blue" variant="light">
              <Text size="sm">Messages to {AUDIENCE_LABELS[audience]?.toLowerCase()} need legal review before someone can approve them.</Text>
            </Alert>
          )}
          {draft.error && !fieldError('subject') && !fieldError('body') && <ProblemAlert error={draft.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={draft.isPending}>Create draft</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
