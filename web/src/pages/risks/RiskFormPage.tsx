import { ActionIcon, Alert, Autocomplete, Button, Center, Group, Loader, MultiSelect, NumberInput, Paper, Select, Stack, TagsInput, Text, TextInput, Textarea, Title, Badge, CloseButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useCan, useCurrentUser } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { UserSelect } from '../../components/UserSelect';
import { TechniquePicker } from '../techniques/TechniquePicker';
import { humanise } from './labels';
import { riskPath, useAssets, useRisk, useRiskInvalidation, useRiskMatrix } from './queries';
import { changedFields, createBody, draftFromRisk, draftProblems, emptyRiskDraft, type RiskDraft } from './riskDraft';
import { ScoreFields } from './ScoreFields';
import { emptyTreatment, treatmentDraft, treatmentValue, type TreatmentDraft } from './treatment';
import { TreatmentFields } from './TreatmentFields';
import { RISK_STATUSES, SUGGESTED_CATEGORIES, type Risk, type RiskDetail, type RiskMatrix } from './types';

/** /risks/new and /risks/:id/edit. */
export function RiskFormPage() {
  const { id } = useParams();
  const risk = useRisk(id ?? '');
  const matrix = useRiskMatrix();
  if (matrix.isError) return <ProblemAlert error={matrix.error} title="The risk matrix could not be loaded" />;
  if (id && risk.isError) return <ProblemAlert error={risk.error} title="The risk could not be loaded" />;
  if (!matrix.data || (id && !risk.data)) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  return <RiskForm key={risk.data?.version ?? 'new'} matrix={matrix.data} risk={id ? risk.data : undefined} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function RiskForm({ matrix, risk }: { matrix: RiskMatrix; risk: RiskDetail | undefined }) {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = useCan('risk.write');
  const invalidate = useRiskInvalidation();
  const assets = useAssets();
  const initial = risk ? draftFromRisk(risk) : emptyRiskDraft();
  const initialTreatment = risk ? treatmentDraft(risk.treatment, risk.treatment_details) : emptyTreatment();
  const [draft, setDraft] = useState<RiskDraft>(initial);
  const [treatment, setTreatment] = useState<TreatmentDraft>(initialTreatment);
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const set = (change: Partial<RiskDraft>) => setDraft((d) => ({ ...d, ...change }));

  const problems = draftProblems(draft);
  const treated = treatmentValue(treatment, { userId: user.id, now: new Date(), previous: risk?.treatment_details ?? null });
  const treatmentErrors = 'errors' in treated ? treated.errors : {};
  const visible = (field: string) => (shown ? problems[field] : undefined);

  const save = useMutation({
    mutationFn: async () => {
      if ('errors' in treated) throw new Error('treatment');
      if (!risk) {
        const body = { ...createBody(draft), ...(treated.treatment ? treated : {}) };
        return api.post<Risk>('/api/v1/risks', body, { idempotencyKey });
      }
      const changes: Record<string, unknown> = changedFields(initial, draft);
      if (JSON.stringify(treated) !== JSON.stringify(treatmentValue(initialTreatment, { userId: user.id, now: new Date(), previous: risk.treatment_details }))) {
        changes.treatment = treated.treatment;
        changes.treatment_details = treated.treatment_details;
      }
      if (Object.keys(changes).length === 0) return risk;
      return api.patch<Risk>(riskPath(risk.id), { ...changes, reason: reason.trim() }, { ifMatch: risk.version });
    },
    onSuccess: (saved) => {
      invalidate(saved.id);
      notifications.show({ color: 'green', message: risk ? `${saved.number} saved` : `${saved.number} added to the register` });
      void navigate(`/risks/${saved.id}`);
    },
  });

  const submit = () => {
    setShown(true);
    if (Object.keys(problems).length || 'errors' in treated) return;
    if (risk && !reason.trim()) return;
    save.mutate();
  };
  const serverError = save.error instanceof ApiProblem ? save.error : null;
  const assetOptions = [
    ...(assets.data ?? []).filter((a) => !a.retired_at).map((a) => ({ value: a.id, label: `${a.name} (${humanise(a.kind)})` })),
    ...(risk?.assets ?? []).filter((a) => !(assets.data ?? []).some((b) => b.id === a.id)).map((a) => ({ value: a.id, label: a.name })),
  ];

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
    <Stack gap="sm" maw={980}>
      <Title order={1} size="h2">
        {risk ? `Edit ${risk.number}` : 'New risk'}
      </Title>
      {!canWrite && <Alert color="yellow">Your role may read the register but not change it.</Alert>}
      <Section title="Scenario">
        <TextInput label="Title" required value={draft.title} onChange={(e) => set({ title: e.currentTarget.value })} error={visible('title') ?? serverError?.fieldError('title')} placeholder="Ransomware encrypts the ERP and its backups" data-autofocus autoFocus={!risk} />
        <Textarea label="Description" autosize minRows={2} value={draft.description} onChange={(e) => set({ description: e.currentTarget.value })} />
        <Group grow align="flex-start">
          <Textarea label="Threat" autosize minRows={2} value={draft.threat} onChange={(e) => set({ threat: e.currentTarget.value })} placeholder="Who or what, and how" />
          <Textarea label="Vulnerability" autosize minRows={2} value={draft.vulnerability} onChange={(e) => set({ vulnerability: e.currentTarget.value })} placeholder="The weakness it exploits" />
        </Group>
        <Group align="flex-start" gap="md">
          <Autocomplete label="Category" required w={220} data={SUGGESTED_CATEGORIES} value={draft.category} onChange={(category) => set({ category })} error={visible('category') ?? serverError?.fieldError('category')} />
          <Select label="Status" w={180} data={RISK_STATUSES.map((s) => ({ value: s, label: humanise(s) }))} value={draft.status} onChange={(status) => status && set({ status })} allowDeselect={false} />
          <UserSelect label="Owner" w={280} clearable value={draft.owner_id} onChange={(owner_id) => set({ owner_id })} />
        </Group>
        <TagsInput label="Tags" value={draft.tags} onChange={(tags) => set({ tags })} maw={520} />
      </Section>
      <Section title="Scores">
        <ScoreFields basis="Inherent" matrix={matrix} likelihood={draft.inherent_likelihood} impact={draft.inherent_impact} onChange={(c) => set({ ...(c.likelihood !== undefined ? { inherent_likelihood: c.likelihood } : {}), ...(c.impact !== undefined ? { inherent_impact: c.impact } : {}) })} errors={{ likelihood: visible('inherent_likelihood'), impact: visible('inherent_impact') }} />
        <ScoreFields basis="Residual" optional matrix={matrix} likelihood={draft.residual_likelihood} impact={draft.residual_impact} onChange={(c) => set({ ...(c.likelihood !== undefined ? { residual_likelihood: c.likelihood } : {}), ...(c.impact !== undefined ? { residual_impact: c.impact } : {}) })} errors={{ likelihood: visible('residual') }} />
        <Text size="xs" c="dimmed">
          Leave the residual scores empty to let Bulwark derive them from the linked controls&apos; effectiveness.
        </Text>
      </Section>
      <Section title="Assets, techniques and playbooks">
        <MultiSelect label="Affected assets" searchable clearable data={assetOptions} value={draft.asset_ids} onChange={(asset_ids) => set({ asset_ids })} placeholder={assets.isError ? 'Assets could not be loaded' : 'Pick assets'} nothingFoundMessage="No asset by that name" maw={620} />
        <Stack gap={4}>
          <TechniquePicker label="ATT&CK techniques" disabled={false} tagged={new Set(draft.techniques)} onPick={(t) => set({ techniques: [...draft.techniques, t] })} />
          <Group gap={4} aria-label="Chosen techniques">
            {draft.techniques.map((t) => (
              <Badge key={t} variant="default" tt="none" rightSection={<CloseButton size="xs" aria-label={`Remove ${t}`} onClick={() => set({ techniques: draft.techniques.filter((x) => x !== t) })} />}>
                {t}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Playbooks
          </Text>
          {draft.playbooks.map((p, i) => (
            <Group key={i} gap="xs" align="flex-start">
              <TextInput aria-label={`Playbook ${i + 1} title`} placeholder="Title" value={p.title} onChange={(e) => set({ playbooks: draft.playbooks.map((q, k) => (k === i ? { ...q, title: e.currentTarget.value } : q)) })} w={260} error={visible(`playbooks.${i}`) ? ' ' : undefined} />
              <TextInput aria-label={`Playbook ${i + 1} link`} placeholder="https://…" value={p.url} onChange={(e) => set({ playbooks: draft.playbooks.map((q, k) => (k === i ? { ...q, url: e.currentTarget.value } : q)) })} style={{ flex: 1 }} error={visible(`playbooks.${i}`)} />
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove playbook ${i + 1}`} onClick={() => set({ playbooks: draft.playbooks.filter((_, k) => k !== i) })} mt={4}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => set({ playbooks: [...draft.playbooks, { title: '', url: '' }] })} style={{ alignSelf: 'flex-start' }}>
            Add a playbook
          </Button>
        </Stack>
      </Section>
      <Section title="Treatment">
        <TreatmentFields draft={treatment} onChange={(change) => setTreatment((t) => ({ ...t, ...change }))} errors={shown ? treatmentErrors : {}} />
      </Section>
      <Section title="Review">
        <NumberInput label="Review every (days)" w={200} min={1} max={3650} allowDecimal={false} value={draft.review_cadence_days} onChange={(v) => set({ review_cadence_days: typeof v === 'number' ? v : Number(v) || 0 })} error={visible('review_cadence_days')} description="The next review date follows from this after each review." />
      </Section>
      {risk && (
        <Textarea label="Reason for the change" required autosize minRows={2} maw={620} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={shown && !reason.trim() ? 'Say why; the reason is kept in the history' : undefined} />
      )}
      {save.isError && <ProblemAlert error={save.error} title={risk ? 'The risk could not be saved' : 'The risk could not be added'} />}
      <Group gap="xs">
        <Button type="submit" loading={save.isPending} disabled={!canWrite}>
          {risk ? 'Save changes' : 'Add risk'}
        </Button>
        <Button variant="default" onClick={() => void navigate(risk ? `/risks/${risk.id}` : '/risks')}>
          Cancel
        </Button>
      </Group>
    </Stack>
    </form>
  );
}
