import { Button, Checkbox, Code, Grid, Group, List, NativeSelect, Paper, Skeleton, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import type { OrganisationProfile } from '../../incident/obligations/types';
import { AdminFrame } from '../AdminFrame';

const KEY = ['obligations', 'profile'] as const;

/** Who the organisation is for the notification laws: the regimes read it for every open incident. */
export function OrganisationProfilePage() {
  return (
    <AdminFrame>
      <ProfileForm />
    </AdminFrame>
  );
}

function ProfileForm() {
  const client = useQueryClient();
  const profile = useQuery({ queryKey: KEY, queryFn: () => api.get<OrganisationProfile>('/api/v1/obligations/profile') });
  const [draft, setDraft] = useState<OrganisationProfile | null>(null);
  const [regimesText, setRegimesText] = useState('[]');
  const [jsonError, setJsonError] = useState<string | null>(null);
  useEffect(() => {
    if (!profile.data) return;
    setDraft(profile.data);
    setRegimesText(JSON.stringify(profile.data.custom_regimes, null, 2));
  }, [profile.data]);
  const save = useMutation({
    mutationFn: (body: OrganisationProfile) => api.put<{ profile: OrganisationProfile; incidents_recomputed: number }>('/api/v1/obligations/profile', body),
    onSuccess: (answer) => {
      client.setQueryData(KEY, answer.profile);
      void client.invalidateQueries({ queryKey: ['obligations'] });
      void client.invalidateQueries({ queryKey: ['incident'] });
    },
  });
  if (profile.isPending || !draft) return profile.isError ? <ProblemAlert error={profile.error} title="The profile could not be loaded" onRetry={() => void profile.refetch()} /> : <Skeleton h={300} />;
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const regimeErrors = problem?.errors.filter((e) => e.path.includes('custom_regimes')) ?? [];
  const set = <K extends keyof OrganisationProfile>(key: K, value: OrganisationProfile[K]) => setDraft({ ...draft, [key]: value });
  const flag = (key: 'eu_controller' | 'uk_controller' | 'dora_financial_entity' | 'sec_registrant', label: string, description: string) => (
    <Checkbox label={label} description={description} checked={draft[key] === true} onChange={(e) => set(key, e.currentTarget.checked)} />
  );

  return (
    <Paper withBorder radius="sm" p="md" maw={900}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          let custom: unknown[];
          try {
            const parsed: unknown = JSON.parse(regimesText || '[]');
            if (!Array.isArray(parsed)) throw new Error('The custom regimes must be a JSON list: [ … ].');
            custom = parsed;
            setJsonError(null);
          } catch (error) {
            setJsonError(error instanceof Error ? error.message : String(error));
            return;
          }
          save.mutate({ ...draft, custom_regimes: custom });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">Organisation profile</Title>
          <Text size="sm" c="dimmed">
            Which notification laws apply to you. Changing it recomputes the obligations of every open incident that has facts. See docs/obligations.md for what each one means. Not legal advice: check it with your counsel.
          </Text>
          <TextInput label="Time zone" description="IANA zone, e.g. Europe/Berlin; also the zone of your lead supervisory authority and CSIRT" required value={draft.timezone} onChange={(e) => set('timezone', e.currentTarget.value)} error={problem?.fieldError('timezone')} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>{flag('eu_controller', 'EU GDPR controller', 'GDPR Art. 33 and 34')}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>{flag('uk_controller', 'UK GDPR controller', 'Notifications to the ICO')}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>{flag('dora_financial_entity', 'DORA financial entity', 'Major ICT-related incidents')}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>{flag('sec_registrant', 'SEC registrant', 'Form 8-K Item 1.05')}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect label="NIS2" data={[{ value: '', label: 'Not in scope' }, { value: 'essential', label: 'Essential entity' }, { value: 'important', label: 'Important entity' }]} value={draft.nis2 ?? ''} onChange={(e) => set('nis2', (e.currentTarget.value || undefined) as OrganisationProfile['nis2'])} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect label="HIPAA" data={[{ value: '', label: 'Not in scope' }, { value: 'covered_entity', label: 'Covered entity' }, { value: 'business_associate', label: 'Business associate' }]} value={draft.hipaa ?? ''} onChange={(e) => set('hipaa', (e.currentTarget.value || undefined) as OrganisationProfile['hipaa'])} />
            </Grid.Col>
          </Grid>
          <TextInput label="Contact point" description="Data protection officer or other contact: name, e-mail, phone (printed on regulator drafts)" value={draft.contact_point} onChange={(e) => set('contact_point', e.currentTarget.value)} error={problem?.fieldError('contact_point')} />
          <TextInput label="Lead supervisory authority" description='e.g. "BfDI (Germany)"' value={draft.lead_supervisory_authority} onChange={(e) => set('lead_supervisory_authority', e.currentTarget.value)} error={problem?.fieldError('lead_supervisory_authority')} />
          <Textarea
            label="Custom regimes (JSON)"
            description="Your own contracts and laws, in the shape of the built-in regimes; [] for none"
            autosize
            minRows={4}
            maxRows={20}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            value={regimesText}
            onChange={(e) => setRegimesText(e.currentTarget.value)}
            error={jsonError ?? (regimeErrors.length ? 'Some regimes do not hold; see below.' : undefined)}
          />
          {regimeErrors.length > 0 && (
            <List size="sm" aria-label="Problems in the custom regimes">
              {regimeErrors.map((e) => (
                <List.Item key={`${e.path}:${e.message}`}>
                  <Code>{e.path.replace(/^body\./, '')}</Code> {e.message}
                </List.Item>
              ))}
            </List>
          )}
          {save.isError && <ProblemAlert error={save.error} title="The profile was not saved" />}
          <Group justify="flex-end">
            {save.isSuccess && <Text size="sm" c="dimmed" role="status">Saved; obligations of {save.data.incidents_recomputed} open incident(s) recomputed.</Text>}
            <Button type="submit" loading={save.isPending}>Save profile</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
