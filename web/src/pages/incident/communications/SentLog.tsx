import { Table, Text } from '@mantine/core';
import { formatInstant } from '../../../format/time';
import { AUDIENCE_LABELS, CHANNEL_LABELS, type Communication } from './types';

/** What went out, to whom, and who stood behind it: drafted, legally reviewed, approved, sent. */
export function SentLog({ items }: { items: Communication[] }) {
  const sent = items.filter((c) => c.status === 'sent').sort((a, b) => (a.sent_at ?? '').localeCompare(b.sent_at ?? ''));
  if (sent.length === 0) return <Text size="sm" c="dimmed">Nothing sent yet. Approved communications appear here once sent, with who approved them.</Text>;
  const who = (name: string | null, at: string | null) => (at ? `${name ?? 'someone'}, ${formatInstant(at)}` : '—');
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={4} aria-label="Sent log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Sent</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Audience</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Drafted by</Table.Th>
            <Table.Th>Legal review</Table.Th>
            <Table.Th>Approved by</Table.Th>
            <Table.Th>Sent by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sent.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{formatInstant(c.sent_at)}</Table.Td>
              <Table.Td>{c.subject}</Table.Td>
              <Table.Td>{AUDIENCE_LABELS[c.audience] ?? c.audience}</Table.Td>
              <Table.Td>{CHANNEL_LABELS[c.channel] ?? c.channel}{c.channel === 'email' && c.recipients.length > 0 ? ` (${c.recipients.length})` : ''}</Table.Td>
              <Table.Td>{c.created_by_name ?? '—'}</Table.Td>
              <Table.Td>{who(c.legal_reviewed_by_name, c.legal_reviewed_at)}</Table.Td>
              <Table.Td>{who(c.approved_by_name, c.approved_at)}</Table.Td>
              <Table.Td>{c.sent_by_name ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
