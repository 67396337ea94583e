import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useUsers } from '../../../components/UserSelect';
import type { Participant } from './types';

/** Who took part in the review meeting: people in Bulwark (picked) or outside it (named), each with a role. */
export function Participants({ value, onChange, readOnly }: { value: Participant[]; onChange: (next: Participant[]) => void; readOnly: boolean }) {
  const users = useUsers();
  const people = (users.data ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name || u.email }));
  const replace = (index: number, p: Participant) => onChange(value.map((x, i) => (i === index ? p : x)));

  if (readOnly) {
    const named = value.filter((p) => p.name.trim());
    return named.length ? (
      <Text size="sm">{named.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ')}</Text>
    ) : (
      <Text size="sm" c="dimmed">
        None recorded.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {value.length > 0 && (
        <Table verticalSpacing={2} aria-label="Participants">
          <Table.Tbody>
            {value.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`Participant ${i + 1} in Bulwark`}
                    placeholder="Someone in Bulwark"
                    searchable
                    clearable
                    data={people}
                    value={p.user_id ?? null}
                    onChange={(id) => replace(i, { ...p, user_id: id, name: id ? (people.find((x) => x.value === id)?.label ?? p.name) : p.name })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" aria-label={`Participant ${i + 1} name`} placeholder="Name" value={p.name} onChange={(e) => replace(i, { ...p, name: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" aria-label={`Participant ${i + 1} role`} placeholder="Role, e.g. facilitator" value={p.role} onChange={(e) => replace(i, { ...p, role: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove participant ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...value, { user_id: null, name: '', role: '' }])}>
          Add a participant
        </Button>
      </Group>
    </Stack>
  );
}
