import { Button, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { draftToRule, emptyDraft, type RuleDraft } from './ruleDraft';
import { KIND_HELP, KIND_LABELS, type AlertRuleKind } from './types';
import { useAlertRuleWrites } from './useAlertRules';

const FIELD_OPTIONS = ['source', 'type', 'title', 'severity', 'description', 'tags', 'observable:ip', 'observable:domain', 'observable:hostname', 'observable:url', 'observable:email', 'observable:sha256', 'observable:user_account'];
const SEVERITIES = [{ value: '1', label: '1 critical' }, { value: '2', label: '2 high' }, { value: '3', label: '3 medium' }, { value: '4', label: '4 low' }];

export function AlertRuleDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [draft, setDraft] = useState<RuleDraft>(emptyDraft());
  const close = () => {
    setDraft(emptyDraft());
    create.reset();
    onClose();
  };
  const { create } = useAlertRuleWrites({ onCreated: close });
  const set = <K extends keyof RuleDraft>(key: K) => (value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const usesFields = draft.kind === 'fingerprint' || draft.kind === 'correlate';

  return (
    <Modal opened={opened} onClose={close} title="Add alert rule" size="lg">
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(draftToRule(draft)); }}>
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Kind of rule"
            value={draft.kind}
            onChange={(kind) => setDraft((d) => ({ ...emptyDraft(kind as AlertRuleKind), name: d.name, sources: d.sources }))}
            data={(Object.keys(KIND_LABELS) as AlertRuleKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          />
          <Text size="sm" c="dimmed">{KIND_HELP[draft.kind]}</Text>
          <TextInput label="Name" required value={draft.name} onChange={(e) => set('name')(e.currentTarget.value)} placeholder="One port-scan alert per scanner per hour" data-autofocus />
          <Text size="sm" fw={500} mt="xs">Applies to alerts that match all of</Text>
          <Group grow align="flex-start">
            <TagsInput label="Source" description="any of" value={draft.sources} onChange={set('sources')} placeholder="splunk-prod" />
            <TagsInput label="Type" description="any of" value={draft.types} onChange={set('types')} placeholder="edr" />
          </Group>
          <Group grow align="flex-start">
            <MultiSelect label="Severity" description="any of" data={SEVERITIES} value={draft.severities} onChange={set('severities')} />
            <TagsInput label="Tags" description="carries any of" value={draft.tags} onChange={set('tags')} />
          </Group>
          <TextInput label="Title contains" value={draft.titleContains} onChange={(e) => set('titleContains')(e.currentTarget.value)} />
          {usesFields && (
            <Group grow align="flex-start">
              <MultiSelect label="Compare fields" description="alerts with equal values are the same" data={FIELD_OPTIONS} value={draft.fields} onChange={set('fields')} required />
              <NumberInput label="Window (minutes)" description="how far back an earlier alert counts" min={1} max={129600} value={draft.windowMinutes} onChange={set('windowMinutes')} required />
            </Group>
          )}
          {draft.kind === 'snooze' && (
            <TextInput type="datetime-local" label="Snooze until" description="in your time zone; empty: until you pause or delete the rule" value={draft.until} onChange={(e) => set('until')(e.currentTarget.value)} />
          )}
          {draft.kind === 'attach' && (
            <TextInput label="Incident id" description="an open incident, e.g. inc_01j…" required value={draft.incidentId} onChange={(e) => set('incidentId')(e.currentTarget.value)} />
          )}
          {create.error && <ProblemAlert error={create.error} title="The rule was not added" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Add rule</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
