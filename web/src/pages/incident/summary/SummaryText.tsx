import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Incident } from '../../../api/types';
import { Markdown } from '../../../components/Markdown';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ConflictNotice } from '../ConflictNotice';
import { useGuardedEdit } from '../useGuardedEdit';
import { EditedMeanwhile } from './EditedMeanwhile';

/** The incident's narrative in markdown: read rendered, write with a preview, never lose a draft to a conflict. */
export function SummaryText({ incident, canEdit }: { incident: Incident; canEdit: boolean }) {
  const edit = useGuardedEdit(incident);
  const [draft, setDraft] = useState('');
  const [view, setView] = useState<'write' | 'preview'>('write');

  const begin = () => {
    setDraft(incident.summary);
    setView('write');
    edit.start();
  };
  const save = () => {
    if (draft === edit.base.summary) return edit.cancel();
    void edit.submit({ summary: draft });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Summary
        </Title>
        {canEdit && !edit.editing && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={begin} aria-label="Edit summary">
            Edit
          </Button>
        )}
      </Group>
      {!edit.editing ? (
        <Markdown
          source={incident.summary}
          fallback={
            <Text size="sm" c="dimmed">
              No summary yet. Write what is known: what was seen, what is affected, what has been done. Markdown works.
            </Text>
          }
        />
      ) : (
        <Stack gap="sm">
          <SegmentedControl
            size="xs"
            w="fit-content"
            value={view}
            onChange={(value) => setView(value as 'write' | 'preview')}
            data={[{ value: 'write', label: 'Write' }, { value: 'preview', label: 'Preview' }]}
            aria-label="Summary editor view"
          />
          {view === 'write' ? (
            <Textarea
              label="Summary"
              description="Markdown: **bold**, lists, `code`, links. Ctrl+Enter saves."
              autosize
              minRows={8}
              maxRows={30}
              autoFocus
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
                if (e.key === 'Escape' && draft === edit.base.summary) edit.cancel();
              }}
            />
          ) : (
            <Paper withBorder p="sm" mih={120} aria-label="Summary preview">
              <Markdown source={draft} fallback={<Text size="sm" c="dimmed">Nothing to preview.</Text>} />
            </Paper>
          )}
          <EditedMeanwhile incidentId={incident.id} since={edit.base} hidden={edit.conflict} />
          {edit.conflict && (
            <ConflictNotice
              edit={edit}
              current={incident}
              onReapply={save}
              onTakeTheirs={edit.cancel}
              theirs={
                <Paper withBorder p="sm" className="conflict-theirs">
                  <Markdown source={incident.summary} fallback={<Text size="sm" c="dimmed">(empty)</Text>} />
                </Paper>
              }
            />
          )}
          {edit.error && <ProblemAlert error={edit.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={edit.cancel}>
              Cancel
            </Button>
            <Button onClick={save} loading={edit.pending} disabled={edit.conflict}>
              Save summary
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
