import { Button, Group, Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { IMPLEMENTATION_LABELS, IMPLEMENTATION_STATUSES, type Control } from './types';

const EMPTY = { ref: '', title: '', family: '', description: '', implementation_status: 'planned' };

/** A control of the organisation's own (no catalog): a reference, a title, and where it stands. */
export function AddControlDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const create = useMutation({
    mutationFn: () =>
      api.post<Control>('/api/v1/controls', {
        ref: draft.ref.trim(),
        title: draft.title.trim(),
        family: draft.family.trim() || undefined,
        description: draft.description.trim() || undefined,
        implementation_status: draft.implementation_status,
      }),
    onSuccess: (control) => {
      void client.invalidateQueries({ queryKey: ['controls'] });
      setDraft(EMPTY);
      onClose();
      void navigate(`/controls/${control.id}`);
    },
  });
  const fieldError = (key: string) => (create.error instanceof ApiProblem ? create.error.fieldError(key) : undefined);

  return (
    <Modal opened={opened} onClose={onClose} title="Add a custom control">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Reference" description="A short id people quote, such as ORG-01" required value={draft.ref} onChange={(e) => set('ref', e.currentTarget.value)} error={fieldError('ref')} data-autofocus />
          <TextInput label="Title" required value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} error={fieldError('title')} />
          <TextInput label="Family" description="Groups it in the tree (optional)" value={draft.family} onChange={(e) => set('family', e.currentTarget.value)} error={fieldError('family')} />
          <Textarea label="Description" autosize minRows={2} value={draft.description} onChange={(e) => set('description', e.currentTarget.value)} error={fieldError('description')} />
          <NativeSelect
            label="Implementation status"
            value={draft.implementation_status}
            onChange={(e) => set('implementation_status', e.currentTarget.value)}
            data={IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: IMPLEMENTATION_LABELS[s] }))}
          />
          {create.error && <ProblemAlert error={create.error} title="The control was not added" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add control
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
