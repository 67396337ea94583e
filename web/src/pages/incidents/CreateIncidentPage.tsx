import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { Incident } from '../../api/types';
import { useCurrentUser } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { UserSelect } from '../../components/UserSelect';
import { viewerTimeZone } from '../../format/time';
import { useMeta } from '../../meta/useMeta';
import { ImpactFields } from './ImpactFields';
import { draftProblems, draftToBody, emptyDraft, type IncidentDraft } from './incidentDraft';
import { SummaryField } from './SummaryField';

export function CreateIncidentPage() {
  const user = useCurrentUser();
  const meta = useMeta();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<IncidentDraft>(() => emptyDraft(user.id));
  const [checked, setChecked] = useState(false);
  // One key per form: a double click or a retry after a lost answer never opens two incidents.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const set = <K extends keyof IncidentDraft>(field: K, value: IncidentDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Incident>('/api/v1/incidents', body, { idempotencyKey }),
    onSuccess: (incident) => {
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
      void navigate(`/incidents/${incident.id}`);
    },
  });

  const local = checked ? draftProblems(draft) : {};
  const error = (field: keyof IncidentDraft) => local[field] ?? (create.error instanceof ApiProblem ? create.error.fieldError(field) : undefined);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(draftProblems(draft)).length > 0 || create.isPending) return;
    create.mutate(draftToBody(draft));
  };
  const zone = viewerTimeZone();

  return (
    <Stack gap="md" maw={880}>
      <div>
        <Title order={1} size="h2">
          New incident
        </Title>
        <Text size="sm" c="dimmed">
          Open it now with what you know; everything can be refined later on the incident page.
        </Text>
      </div>
      <Paper withBorder p="lg" radius="sm" component="form" onSubmit={submit} noValidate aria-label="New incident">
        <Stack gap="md">
          <TextInput label="Title" required autoFocus maxLength={300} value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} error={error('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="Category"
              required
              data={[{ value: '', label: 'Choose a category…', disabled: true }, ...meta.categories.map((c) => ({ value: c.key, label: c.label }))]}
              value={draft.category}
              onChange={(e) => set('category', e.currentTarget.value)}
              error={error('category')}
            />
            <NativeSelect
              label="TLP"
              description="Traffic Light Protocol: who this may be shared with"
              data={meta.tlp.map((t) => ({ value: String(t.id), label: t.label }))}
              value={draft.tlp}
              onChange={(e) => set('tlp', e.currentTarget.value)}
              error={error('tlp')}
            />
          </SimpleGrid>
          <ImpactFields draft={draft} set={set} error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="datetime-local"
              label="Occurred at"
              description={`When it started, if known (${zone})`}
              value={draft.occurred_at}
              onChange={(e) => set('occurred_at', e.currentTarget.value)}
              error={error('occurred_at')}
            />
            <TextInput
              type="datetime-local"
              label="Detected at"
              description={`Leave empty for now (${zone})`}
              value={draft.detected_at}
              onChange={(e) => set('detected_at', e.currentTarget.value)}
              error={error('detected_at')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <UserSelect
              label="Commander"
              description="Who leads the response; you can hand over later"
              clearable
              value={draft.commander_id}
              onChange={(id) => set('commander_id', id)}
              error={error('commander_id')}
            />
            <TagsInput
              label="Tags"
              description="Press Enter after each tag"
              value={draft.tags}
              onChange={(tags) => set('tags', tags)}
              error={error('tags')}
              maxTags={50}
              clearable
            />
          </SimpleGrid>
          <Checkbox
            label="Restricted"
            description="Need-to-know (insider, HR, legal privilege): only people on the incident and administrators will see it, in lists, search and live updates too."
            checked={draft.restricted}
            onChange={(e) => set('restricted', e.currentTarget.checked)}
            error={error('restricted')}
          />
          <SummaryField value={draft.summary} onChange={(summary) => set('summary', summary)} error={error('summary')} />
          {create.isError && <ProblemAlert error={create.error} title="The incident was not opened" />}
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to="/incidents" variant="default">
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Open incident
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
