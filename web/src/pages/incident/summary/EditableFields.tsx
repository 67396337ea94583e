import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Incident } from '../../../api/types';
import { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { viewerTimeZone } from '../../../format/time';
import { useMeta } from '../../../meta/useMeta';
import { ConflictNotice } from '../ConflictNotice';
import { useGuardedEdit } from '../useGuardedEdit';
import { EditedMeanwhile } from './EditedMeanwhile';
import { changedByOthers, changesFrom, displayValue, toDraft, type Draft, type FieldSpec } from './fields';

/** A card of incident fields that reads compactly and edits in place, guarded against lost updates. */
export function EditableFields({ title, incident, fields, canEdit, note }: { title: string; incident: Incident; fields: FieldSpec[]; canEdit: boolean; note?: string }) {
  const meta = useMeta();
  const edit = useGuardedEdit(incident);
  const [draft, setDraft] = useState<Draft>({});
  const set = (key: string, value: string | string[]) => setDraft((d) => ({ ...d, [key]: value }));
  const serverError = (key: string) => (edit.error instanceof ApiProblem ? edit.error.fieldError(key) : undefined);
  const hasInstants = fields.some((f) => f.kind === 'instant');

  const begin = () => {
    setDraft(toDraft(incident, fields));
    edit.start();
  };
  const save = () => {
    const changes = changesFrom(edit.base, draft, fields);
    if (Object.keys(changes).length === 0) return edit.cancel();
    void edit.submit(changes);
  };

  const input = (field: FieldSpec) => {
    const common = { label: field.label, error: serverError(field.key), required: !field.nullable && field.kind !== 'tags' };
    if (field.kind === 'tags') {
      return <TagsInput key={field.key} {...common} value={draft[field.key] as string[]} onChange={(v) => set(field.key, v)} splitChars={[',', ' ']} acceptValueOnBlur clearable placeholder="Type and press Enter" />;
    }
    if (field.kind === 'instant') {
      return <TextInput key={field.key} {...common} type="datetime-local" value={draft[field.key] as string} onChange={(e) => set(field.key, e.currentTarget.value)} />;
    }
    const options = field.options?.(meta) ?? [];
    return <NativeSelect key={field.key} {...common} value={draft[field.key] as string} onChange={(e) => set(field.key, e.currentTarget.value)} data={field.nullable ? [{ value: '', label: 'Not set' }, ...options] : options} />;
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        {canEdit && !edit.editing && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={begin} aria-label={`Edit ${title.toLowerCase()}`}>
            Edit
          </Button>
        )}
      </Group>
      {!edit.editing ? (
        <dl className="field-list">
          {fields.map((field) => (
            <div key={field.key}>
              <dt>{field.label}</dt>
              <dd>{displayValue(field, incident, meta)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); save(); }}>
          <Stack gap="sm">
            {hasInstants && <Text size="xs" c="dimmed">Times are in your zone, {viewerTimeZone()}.</Text>}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
              {fields.map(input)}
            </SimpleGrid>
            <EditedMeanwhile incidentId={incident.id} since={edit.base} hidden={edit.conflict} />
            {edit.conflict && (
              <ConflictNotice
                edit={edit}
                current={incident}
                onReapply={save}
                onTakeTheirs={edit.cancel}
                theirs={
                  <dl className="field-list">
                    {changedByOthers(edit.base, incident, fields).map((field) => (
                      <div key={field.key}>
                        <dt>{field.label}</dt>
                        <dd>{displayValue(field, incident, meta)}</dd>
                      </div>
                    ))}
                  </dl>
                }
              />
            )}
            {edit.error && <ProblemAlert error={edit.error} />}
            {note && <Text size="xs" c="dimmed">{note}</Text>}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={edit.cancel}>
                Cancel
              </Button>
              <Button type="submit" loading={edit.pending} disabled={edit.conflict}>
                Save {title.toLowerCase()}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
