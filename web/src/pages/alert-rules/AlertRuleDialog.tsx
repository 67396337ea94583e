import { Button, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { conditionProblems } from './conditions';
import { ConditionsEditor } from './ConditionsEditor';
import { draftToRule, emptyDraft, ruleToDraft, type RuleDraft } from './ruleDraft';
import { KIND_HELP, KIND_LABELS, type AlertRule, type AlertRuleKind } from './types';
import { useAlertRuleWrites } from './useAlertRules';

const FIELD_OPTIONS = ['source', 'type', 'title', 'severity', 'description', 'tags', 'observable:ip', 'observable:domain', 'observable:hostname', 'observable:url', 'observable:email', 'observable:sha256', 'observable:user_account'];

/** Adds a rule, or edits one when `rule` is given (its kind stays). */
export function AlertRuleDialog({ opened, onClose, rule = null }: { opened: boolean; onClose: () => void; rule?: AlertRule | null }) {
  const [draft, setDraft] = useState<RuleDraft>(emptyDraft());
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (opened) setDraft(rule ? ruleToDraft(rule) : emptyDraft());
  }, [opened, rule]);
  const close = () => {
    setDraft(emptyDraft());
    setTried(false);
    create.reset();
    update.reset();
    onClose();
  };
  const { create, update } = useAlertRuleWrites({ onCreated: close, onUpdated: close });
  const save = rule ? update : create;
  const set = <K extends keyof RuleDraft>(key: K) => (value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const usesFields = draft.kind === 'fingerprint' || draft.kind === 'correlate';
  const problems = conditionProblems(draft.kind, draft.conditions);
  const valid = problems.rows.size === 0 && problems.overall === null;
  const submit = () => {
    setTried(true);
    if (!valid) return;
    if (rule) {
      const { kind: _kind, ...changes } = draftToRule(draft);
      update.mutate({ rule, changes });
    } else {
      create.mutate(draftToRule(draft));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={rule ? 'Edit alert rule' : 'Add alert rule'} size="xl">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="sm">
          {rule ? (
            <Text size="sm"><strong>{KIND_LABELS[rule.kind]}</strong> · <Text span c="dimmed">{KIND_HELP[rule.kind]}</Text></Text>
          ) : (
            <>
              <SegmentedControl
                aria-label="Kind of rule"
                value={draft.kind}
                onChange={(kind) => setDraft((d) => ({ ...emptyDraft(kind as AlertRuleKind), name: d.name, conditions: d.conditions }))}
                data={(Object.keys(KIND_LABELS) as AlertRuleKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              />
              <Text size="sm" c="dimmed">{KIND_HELP[draft.kind]}</Text>
            </>
          )}
          <TextInput label="Name" required value={draft.name} onChange={(e) => set('name')(e.currentTarget.value)} placeholder="One port-scan alert per scanner per hour" data-autofocus />
          <ConditionsEditor rows={draft.conditions} onChange={set('conditions')} problems={tried ? problems.rows : new Map()} overall={tried ? problems.overall : null} />
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
          {save.error && <ProblemAlert error={save.error} title={rule ? 'The rule was not changed' : 'The rule was not added'} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={save.isPending}>{rule ? 'Save rule' : 'Add rule'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
