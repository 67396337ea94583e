import { Button, Group, Kbd, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import type { TimelineEntry } from '../../../api/types';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { fromLocalInput, toLocalInput, viewerTimeZone } from '../../../format/time';
import { incidentKeys, incidentPath } from '../queries';

/**
 * Writes a note on the timeline. "Happened at" records when something took place when the note is
 * written later ("the user clicked the link at 09:12"); empty means now.
 */
export function NoteComposer({ incidentId, focusRequest, onAdded }: { incidentId: string; focusRequest: number; onAdded(entry: TimelineEntry): void }) {
  const queryClient = useQueryClient();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState('');
  const [happenedAt, setHappenedAt] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<TimelineEntry>(`${incidentPath(incidentId)}/timeline`, { body, ...(happenedAt ? { occurred_at: fromLocalInput(happenedAt) } : {}) }),
    onSuccess: (entry) => {
      setBody('');
      setHappenedAt('');
      void queryClient.invalidateQueries({ queryKey: incidentKeys.timeline(incidentId) });
      onAdded(entry);
    },
  });

  useEffect(() => {
    if (focusRequest === 0) return;
    noteRef.current?.focus();
    noteRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focusRequest]);

  const fieldError = (field: string) => (add.error instanceof ApiProblem ? add.error.fieldError(field) : undefined);
  const submit = () => {
    if (body.trim() && !add.isPending) add.mutate();
  };

  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={(e: React.FormEvent) => { e.preventDefault(); submit(); }} aria-label="Add a note">
      <Stack gap="xs">
        <Textarea
          ref={noteRef}
          label="Note"
          placeholder="What happened, what you found, what you decided… (markdown; Ctrl+Enter adds)"
          autosize
          minRows={2}
          maxRows={14}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          error={fieldError('body')}
        />
        <Group align="flex-end" justify="space-between" gap="sm">
          <TextInput
            type="datetime-local"
            label="Happened at"
            description={`Optional, if earlier than now · ${viewerTimeZone()}`}
            max={toLocalInput(new Date().toISOString())}
            value={happenedAt}
            onChange={(e) => setHappenedAt(e.currentTarget.value)}
            error={fieldError('occurred_at')}
            w={260}
          />
          <Group gap="sm" align="center">
            <Text size="xs" c="dimmed">
              Press <Kbd size="xs">n</Kbd> anywhere to write a note
            </Text>
            <Button type="submit" loading={add.isPending} disabled={!body.trim()}>
              Add note
            </Button>
          </Group>
        </Group>
        {add.error && !fieldError('body') && !fieldError('occurred_at') && <ProblemAlert error={add.error} />}
      </Stack>
    </Paper>
  );
}
