import { ActionIcon, Button, Checkbox, Group, Modal, NativeSelect, NumberInput, Stack, Table, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';

/** One field of an item's dialog. `lines` edits a string list one per line; `checks` a small set of choices. */
export type FieldSpec<T> =
  | { key: keyof T & string; label: string; kind: 'text' | 'textarea' | 'lines'; required?: boolean; description?: string }
  | { key: keyof T & string; label: string; kind: 'number'; min?: number; description?: string }
  | { key: keyof T & string; label: string; kind: 'select'; options: Array<{ value: string; label: string }>; numeric?: boolean }
  | { key: keyof T & string; label: string; kind: 'checks'; options: Array<{ value: string; label: string }>; numeric?: boolean; description?: string }
  | { key: keyof T & string; label: string; kind: 'checkbox' };

interface Props<T> {
  /** "contact", "escalation rule": used in button names and the dialog title. */
  noun: string;
  label: string;
  items: T[];
  columns: Array<{ header: string; cell: (item: T) => ReactNode }>;
  fields: (editing: T) => Array<FieldSpec<T>>;
  empty: () => T;
  /** The name people know an item by (for "Edit Carla Ciso"). */
  nameOf: (item: T) => string;
  onChange: (items: T[]) => void;
  hint?: ReactNode;
}

/** A section of the plan as a table with an add / edit dialog, which is enough for lists of tens. */
export function ItemsEditor<T extends object>({ noun, label, items, columns, fields, empty, nameOf, onChange, hint }: Props<T>) {
  const [editing, setEditing] = useState<{ index: number | null; item: T } | null>(null);
  const save = () => {
    if (!editing) return;
    onChange(editing.index === null ? [...items, editing.item] : items.map((it, i) => (i === editing.index ? editing.item : it)));
    setEditing(null);
  };
  return (
    <Stack gap="xs">
      {hint}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={500}>
          <Table withTableBorder aria-label={label} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => <Table.Th key={c.header}>{c.header}</Table.Th>)}
                <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, index) => (
                <Table.Tr key={index}>
                  {columns.map((c) => <Table.Td key={c.header}>{c.cell(item)}</Table.Td>)}
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={`Edit ${nameOf(item)}`} onClick={() => setEditing({ index, item: structuredClone(item) })}>
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={`Remove ${nameOf(item)}`} onClick={() => onChange(items.filter((_, i) => i !== index))}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed">Nothing here yet.</Text>
      )}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing({ index: null, item: empty() })}>
          Add {noun}
        </Button>
      </Group>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.index === null ? `Add ${noun}` : `Edit ${noun}`} size="lg">
        {editing && (
          <form
            aria-label={editing.index === null ? `Add ${noun}` : `Edit ${noun}`}
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <Stack gap="sm">
              {fields(editing.item).map((field) => (
                <Field key={field.key} field={field} value={(editing.item as Record<string, unknown>)[field.key]} onChange={(v) => setEditing({ ...editing, item: { ...editing.item, [field.key]: v } })} />
              ))}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>Cancel</Button>
                <Button type="submit">{editing.index === null ? `Add ${noun}` : 'Apply'}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}

function Field<T>({ field, value, onChange }: { field: FieldSpec<T>; value: unknown; onChange: (value: unknown) => void }) {
  switch (field.kind) {
    case 'text':
      return <TextInput label={field.label} description={field.description} required={field.required} value={(value as string | undefined) ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'textarea':
      return <Textarea label={field.label} description={field.description} autosize minRows={3} value={(value as string | undefined) ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'lines':
      return <Textarea label={field.label} description={field.description ?? 'One per line'} autosize minRows={2} value={((value as string[] | undefined) ?? []).join('\n')} onChange={(e) => onChange(e.currentTarget.value.split('\n'))} />;
    case 'number':
      return <NumberInput label={field.label} description={field.description} min={field.min} allowDecimal={false} value={(value as number | undefined) ?? ''} onChange={(v) => onChange(typeof v === 'number' ? v : Number(v) || 0)} />;
    case 'select':
      return <NativeSelect label={field.label} data={field.options} value={String(value ?? '')} onChange={(e) => onChange(field.numeric ? Number(e.currentTarget.value) : e.currentTarget.value)} />;
    case 'checkbox':
      return <Checkbox label={field.label} checked={Boolean(value)} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'checks':
      return (
        <Checkbox.Group label={field.label} description={field.description} value={((value as Array<string | number> | undefined) ?? []).map(String)} onChange={(v) => onChange(field.numeric ? v.map(Number) : v)}>
          <Group gap="md" mt={4}>
            {field.options.length ? field.options.map((o) => <Checkbox key={o.value} value={o.value} label={o.label} />) : <Text size="sm" c="dimmed">Add contacts to the team first.</Text>}
          </Group>
        </Checkbox.Group>
      );
  }
}
