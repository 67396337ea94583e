import { MultiSelect, NativeSelect, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { UserSelect } from '../../components/UserSelect';
import { useRiskLevels } from '../controls/queries';
import { invalidJurisdictions, type AssetDraft } from './assetForm';
import { ASSET_KINDS, CLASSIFICATIONS, CLASSIFICATION_LABELS, KIND_LABELS } from './types';

/** The fields of an asset, for creating one and for editing it. */
export function AssetFields({ draft, onChange, fieldError }: { draft: AssetDraft; onChange(draft: AssetDraft): void; fieldError(key: string): string | undefined }) {
  const levels = useRiskLevels();
  const set = <K extends keyof AssetDraft>(key: K, value: AssetDraft[K]) => onChange({ ...draft, [key]: value });
  const badJurisdictions = invalidJurisdictions(draft.jurisdictions);
  return (
    <Stack gap="sm">
      <TextInput label="Name" required value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldError('name')} data-autofocus />
      <SimpleGrid cols={2} spacing="sm">
        <NativeSelect label="Kind" value={draft.kind} onChange={(e) => set('kind', e.currentTarget.value)} data={ASSET_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} error={fieldError('kind')} />
        <NativeSelect
          label="Criticality"
          value={draft.criticality}
          onChange={(e) => set('criticality', e.currentTarget.value)}
          data={levels.levels.map((l) => ({ value: l.id, label: l.name }))}
          error={fieldError('criticality')}
        />
      </SimpleGrid>
      <UserSelect label="Owner" clearable value={draft.owner_id} onChange={(v) => set('owner_id', v)} error={fieldError('owner_id')} />
      <MultiSelect
        label="Data classifications"
        description="What data the asset holds or processes"
        data={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))}
        value={draft.data_classifications}
        onChange={(v) => set('data_classifications', v)}
        clearable
        error={fieldError('data_classifications')}
      />
      <TagsInput
        label="Jurisdictions"
        description="Where the people whose data it holds live: country codes such as DE, NO, or EU"
        value={draft.jurisdictions}
        onChange={(v) => set('jurisdictions', v.map((j) => j.trim().toUpperCase()))}
        splitChars={[',', ' ']}
        acceptValueOnBlur
        clearable
        error={fieldError('jurisdictions') ?? (badJurisdictions.length ? `${badJurisdictions.join(', ')}: use a two-letter country code (ISO 3166-1) or EU.` : undefined)}
      />
      <TagsInput label="Tags" value={draft.tags} onChange={(v) => set('tags', v)} splitChars={[',']} acceptValueOnBlur clearable error={fieldError('tags')} />
      <Textarea label="Description" autosize minRows={2} value={draft.description} onChange={(e) => set('description', e.currentTarget.value)} error={fieldError('description')} />
    </Stack>
  );
}
