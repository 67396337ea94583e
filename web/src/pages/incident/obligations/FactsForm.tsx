import { Button, Grid, Group, Paper, Stack, Switch, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { viewerTimeZone } from '../../../format/time';
import { useSaveFacts } from './queries';
import { draftOf, factsBody, type FactsDraft } from './factsDraft';
import type { IncidentFacts } from './types';

/** What the obligations engine and the regulator drafts read: times, personal data, who and how many. */
export function FactsForm({ incidentId, facts, canWrite }: { incidentId: string; facts: IncidentFacts | null; canWrite: boolean }) {
  const [draft, setDraft] = useState<FactsDraft>(() => draftOf(facts));
  const save = useSaveFacts(incidentId);
  useEffect(() => setDraft(draftOf(facts)), [facts]);
  const set = <K extends keyof FactsDraft>(key: K) => (value: FactsDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const error = (field: string) => problem?.fieldError(field);
  const zone = viewerTimeZone();
  const readOnly = !canWrite;

  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label="Incident facts">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ facts: factsBody(draft), version: facts ? facts.version : null });
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} size="h5">Incident facts</Title>
            {facts && <Text size="xs" c="dimmed">version {facts.version}</Text>}
          </Group>
          {!facts && (
            <Text size="sm" c="dimmed">
              No facts yet, so no obligations. Record when you became aware (reasonably certain a reportable breach happened) and whether personal data is involved: Bulwark then computes every notification owed under your organisation profile, with its deadline.
            </Text>
          )}
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="datetime-local" label="Aware at" description={`Reasonably certain a reportable breach happened (${zone})`} required readOnly={readOnly} value={draft.aware_at} onChange={(e) => set('aware_at')(e.currentTarget.value)} error={error('aware_at')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="datetime-local" label="Discovered at" description={`First knowledge of the event, if earlier (${zone})`} readOnly={readOnly} value={draft.discovered_at} onChange={(e) => set('discovered_at')(e.currentTarget.value)} error={error('discovered_at')} />
            </Grid.Col>
          </Grid>
          <Switch label="Personal data involved" checked={draft.personal_data} disabled={readOnly} onChange={(e) => set('personal_data')(e.currentTarget.checked)} error={error('personal_data')} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TagsInput label="Categories of personal data" placeholder="contact details, health records…" readOnly={readOnly} value={draft.data_categories} onChange={set('data_categories')} error={error('data_categories')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TagsInput label="Categories of people" placeholder="customers, employees…" readOnly={readOnly} value={draft.subject_categories} onChange={set('subject_categories')} error={error('subject_categories')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="People affected (approx.)" inputMode="numeric" readOnly={readOnly} value={draft.affected_people} onChange={(e) => set('affected_people')(e.currentTarget.value)} error={error('affected_people')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="Records affected (approx.)" inputMode="numeric" readOnly={readOnly} value={draft.affected_records} onChange={(e) => set('affected_records')(e.currentTarget.value)} error={error('affected_records')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TagsInput label="Jurisdictions of the people" description="ISO codes, e.g. DE, FR, GB, US" readOnly={readOnly} value={draft.jurisdictions} onChange={set('jurisdictions')} error={error('data_subject_jurisdictions')} />
            </Grid.Col>
          </Grid>
          <TextInput label="Affected residents per US state" description="e.g. CA=600, NY=20 (HIPAA media notice above 500 per state)" readOnly={readOnly} value={draft.by_state} onChange={(e) => set('by_state')(e.currentTarget.value)} error={error('affected_by_state')} />
          <Textarea label="Nature of the breach" autosize minRows={2} readOnly={readOnly} value={draft.nature} onChange={(e) => set('nature')(e.currentTarget.value)} />
          <Textarea label="Likely consequences" autosize minRows={2} readOnly={readOnly} value={draft.likely_consequences} onChange={(e) => set('likely_consequences')(e.currentTarget.value)} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Textarea label="Measures taken" autosize minRows={2} readOnly={readOnly} value={draft.measures_taken} onChange={(e) => set('measures_taken')(e.currentTarget.value)} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Textarea label="Measures proposed" autosize minRows={2} readOnly={readOnly} value={draft.measures_proposed} onChange={(e) => set('measures_proposed')(e.currentTarget.value)} />
            </Grid.Col>
          </Grid>
          {save.isError && <ProblemAlert error={save.error} title="The facts were not saved" />}
          {canWrite && (
            <Group justify="flex-end">
              {save.isSuccess && <Text size="sm" c="dimmed" role="status">Saved; obligations recomputed.</Text>}
              <Button type="submit" loading={save.isPending}>Save facts</Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
