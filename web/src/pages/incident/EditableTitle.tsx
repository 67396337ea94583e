import { ActionIcon, Group, Stack, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Incident } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ConflictNotice } from './ConflictNotice';
import { useGuardedEdit } from './useGuardedEdit';

/** The incident's title as the page heading; editable in place (Enter saves, Escape cancels). */
export function EditableTitle({ incident, canEdit }: { incident: Incident; canEdit: boolean }) {
  const edit = useGuardedEdit(incident);
  const [draft, setDraft] = useState('');

  const begin = () => {
    setDraft(incident.title);
    edit.start();
  };
  const save = () => {
    if (!draft.trim() || draft.trim() === edit.base.title) return edit.cancel();
    void edit.submit({ title: draft.trim() });
  };

  if (!edit.editing) {
    return (
      <Group gap={6} wrap="nowrap" align="center" className="incident-title">
        <Title order={1} size="h2" style={{ lineHeight: 1.25 }}>
          {incident.title}
        </Title>
        {canEdit && (
          <Tooltip label="Edit title" withArrow>
            <ActionIcon variant="subtle" color="gray" aria-label="Edit title" onClick={begin}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    );
  }

  return (
    <Stack gap="xs">
      <VisuallyHidden component="h1">{incident.title}</VisuallyHidden>
      <TextInput
        aria-label="Incident title"
        size="md"
        value={draft}
        autoFocus
        maxLength={300}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') edit.cancel();
        }}
        onBlur={() => !edit.conflict && !edit.pending && save()}
        error={!draft.trim() ? 'A title cannot be empty.' : undefined}
        description="Enter saves · Escape cancels"
      />
      {edit.conflict && (
        <ConflictNotice
          edit={edit}
          current={incident}
          theirs={<Text fw={600}>{incident.title}</Text>}
          onReapply={() => void edit.submit({ title: draft.trim() })}
          onTakeTheirs={edit.cancel}
        />
      )}
      {edit.error && <ProblemAlert error={edit.error} />}
    </Stack>
  );
}
