import { Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { fromLocalInput, toLocalInput, viewerTimeZone } from '../../../format/time';
import type { UploadMetadata } from './evidenceFormat';
import { EVIDENCE_KINDS, TLP_LEVELS } from './types';

/** What the item is and how it was acquired: the facts counsel will ask about first. */
export function MetadataFields({ value, onChange, titlePlaceholder }: { value: UploadMetadata; onChange: (next: UploadMetadata) => void; titlePlaceholder?: string }) {
  const set = <K extends keyof UploadMetadata>(key: K) => (next: UploadMetadata[K]) => onChange({ ...value, [key]: next });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <Select label="Kind" data={EVIDENCE_KINDS} value={value.kind} onChange={(v) => set('kind')(v ?? 'other')} allowDeselect={false} />
      <TextInput label="Title" placeholder={titlePlaceholder ?? 'Defaults to the file name'} value={value.title} onChange={(e) => set('title')(e.currentTarget.value)} />
      <TextInput label="Source" description="System or asset it came from" placeholder="WS-042 (finance laptop)" value={value.source} onChange={(e) => set('source')(e.currentTarget.value)} />
      <TextInput label="Collected by" description="Person and organisation" value={value.collected_by} onChange={(e) => set('collected_by')(e.currentTarget.value)} />
      <TextInput
        type="datetime-local"
        label="Collected at"
        description={`Your time zone: ${viewerTimeZone()}`}
        value={toLocalInput(value.collected_at)}
        onChange={(e) => set('collected_at')(fromLocalInput(e.currentTarget.value))}
      />
      <TextInput label="Acquisition tool" description="Name and version" placeholder="FTK Imager 4.7.1" value={value.acquisition_tool} onChange={(e) => set('acquisition_tool')(e.currentTarget.value)} />
      <Select label="TLP" data={TLP_LEVELS.map((t) => ({ value: t, label: `TLP:${t.toUpperCase()}` }))} value={value.tlp} onChange={(v) => set('tlp')(v ?? 'amber')} allowDeselect={false} />
      <TagsInput label="Tags" description="Enter after each" value={value.tags} onChange={set('tags')} />
      <Textarea label="Description" value={value.description} onChange={(e) => set('description')(e.currentTarget.value)} autosize minRows={2} />
      <Textarea label="Acquisition notes" description="How it was acquired, write-blocker, anything unusual" value={value.acquisition_notes} onChange={(e) => set('acquisition_notes')(e.currentTarget.value)} autosize minRows={2} />
    </SimpleGrid>
  );
}
