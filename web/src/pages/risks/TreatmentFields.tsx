import { SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { TREATMENT_LABELS, type TreatmentDraft } from './treatment';
import { TREATMENTS, type Treatment } from './types';

const HELP: Record<Treatment, string> = {
  mitigate: 'Reduce the risk with controls; link them on the risk page with owners and due dates.',
  accept: 'Live with the risk for a while. Accepting says who decided, why, and until when; it comes back for review at that date.',
  transfer: 'Move the loss to an insurer or a contract party.',
  avoid: 'Stop the activity that creates the risk.',
};

/** The treatment decision; the fields follow the treatment chosen. */
export function TreatmentFields({ draft, onChange, errors }: { draft: TreatmentDraft; onChange: (change: Partial<TreatmentDraft>) => void; errors: Record<string, string> }) {
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="Treatment"
        value={draft.treatment ?? 'none'}
        onChange={(value) => onChange({ treatment: value === 'none' ? null : (value as Treatment) })}
        data={[{ value: 'none', label: 'Undecided' }, ...TREATMENTS.map((t) => ({ value: t, label: TREATMENT_LABELS[t] }))]}
        style={{ alignSelf: 'flex-start' }}
      />
      {draft.treatment && (
        <Text size="xs" c="dimmed">
          {HELP[draft.treatment]}
        </Text>
      )}
      {draft.treatment === 'mitigate' && <Textarea label="Mitigation plan" autosize minRows={2} value={draft.plan} onChange={(e) => onChange({ plan: e.currentTarget.value })} />}
      {draft.treatment === 'accept' && (
        <>
          <Textarea label="Why is the risk accepted?" required autosize minRows={2} value={draft.reason} error={errors.reason} onChange={(e) => onChange({ reason: e.currentTarget.value })} />
          <TextInput label="Accepted until" type="date" required w={200} value={draft.until} error={errors.until} onChange={(e) => onChange({ until: e.currentTarget.value })} />
        </>
      )}
      {draft.treatment === 'transfer' && (
        <>
          <Select
            label="Transferred through"
            w={200}
            data={[
              { value: 'insurance', label: 'Insurance' },
              { value: 'contract', label: 'Contract' },
              { value: 'other', label: 'Other' },
            ]}
            value={draft.transferKind}
            onChange={(v) => onChange({ transferKind: (v as TreatmentDraft['transferKind']) ?? 'insurance' })}
            allowDeselect={false}
          />
          <TextInput label="Party (insurer or contract party)" required value={draft.party} error={errors.party} onChange={(e) => onChange({ party: e.currentTarget.value })} />
          <TextInput label="Policy or contract reference" required value={draft.reference} error={errors.reference} onChange={(e) => onChange({ reference: e.currentTarget.value })} />
        </>
      )}
      {draft.treatment === 'avoid' && <Textarea label="How is the risk avoided?" autosize minRows={2} value={draft.note} onChange={(e) => onChange({ note: e.currentTarget.value })} />}
    </Stack>
  );
}
