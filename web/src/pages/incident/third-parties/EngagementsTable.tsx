import { Badge, Checkbox, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { IconLock } from '@tabler/icons-react';
import { formatInstant } from '../../../format/time';
import { KIND_LABELS, NEXT_STATUSES, STATUS_LABELS, type Engagement, type EngagementChanges } from './types';

/** Who was called, when, under which contract or privilege, and how it stands; status and privilege change in place. */
export function EngagementsTable({ engagements, canWrite, onChange }: { engagements: Engagement[]; canWrite: boolean; onChange: (engagement: Engagement, changes: EngagementChanges) => void }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing={4} aria-label="Engagements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Party</Table.Th>
            <Table.Th>Called</Table.Th>
            <Table.Th>Contract / policy</Table.Th>
            <Table.Th>Contact</Table.Th>
            <Table.Th>Privilege</Table.Th>
            <Table.Th>Notes</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {engagements.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Text fw={600} size="sm">{e.name}</Text>
                <Text size="xs" c="dimmed">{KIND_LABELS[e.kind] ?? e.kind}</Text>
              </Table.Td>
              <Table.Td><Text size="sm">{formatInstant(e.engaged_at)}</Text></Table.Td>
              <Table.Td><Text size="sm">{e.contract_reference || '—'}</Text></Table.Td>
              <Table.Td><Text size="sm">{e.contact || '—'}</Text></Table.Td>
              <Table.Td>
                {e.privileged && (
                  <Badge color="grape" leftSection={<IconLock size={12} aria-hidden />} mb={4}>
                    Privileged
                  </Badge>
                )}
                {canWrite && <Checkbox size="xs" label="Privileged" aria-label={`${e.name} under legal privilege`} checked={e.privileged} onChange={(event) => onChange(e, { privileged: event.currentTarget.checked })} />}
              </Table.Td>
              <Table.Td>{canWrite ? <NotesField engagement={e} onSave={(notes) => onChange(e, { notes })} /> : <Text size="sm">{e.notes || '—'}</Text>}</Table.Td>
              <Table.Td>
                {canWrite ? (
                  <NativeSelect
                    size="xs"
                    w={120}
                    aria-label={`Status of ${e.name}`}
                    value={e.status}
                    data={[e.status, ...NEXT_STATUSES[e.status]].map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
                    onChange={(event) => onChange(e, { status: event.currentTarget.value as Engagement['status'] })}
                  />
                ) : (
                  <Text size="sm">{STATUS_LABELS[e.status]}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Claim numbers, case officers, what was agreed: saved when the field is left, if it changed. */
function NotesField({ engagement, onSave }: { engagement: Engagement; onSave: (notes: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <TextInput
      size="xs"
      aria-label={`Notes on ${engagement.name}`}
      placeholder="Claim no., case officer…"
      miw={180}
      maxLength={5000}
      value={draft ?? engagement.notes}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={() => {
        if (draft !== null && draft !== engagement.notes) onSave(draft);
        setDraft(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
      }}
    />
  );
}
