import { Badge, Group } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { integrityBadge } from './evidenceFormat';
import { STATUS_LABELS, type Evidence } from './types';

/** Status, legal hold and integrity, each with words (and a symbol), never colour alone. */
export function EvidenceBadges({ item }: { item: Evidence }) {
  const integrity = integrityBadge(item);
  return (
    <Group gap={4}>
      {item.status !== 'active' && <Badge color={item.status === 'destroyed' ? 'dark' : 'gray'} variant="light" tt="none">{STATUS_LABELS[item.status]}</Badge>}
      {item.legal_hold && (
        <Badge color="violet" variant="light" tt="none" leftSection={<IconLock size={12} aria-hidden />}>Legal hold</Badge>
      )}
      {integrity && item.status === 'active' && (
        <Badge color={integrity.color} variant="light" tt="none">
          {integrity.symbol} {integrity.label}
        </Badge>
      )}
      {item.pending_holder && <Badge color="yellow" variant="light" tt="none">Hand-over to {item.pending_holder.name}</Badge>}
      {item.disposal_request && <Badge color="orange" variant="light" tt="none">{item.disposal_request.action === 'destroy' ? 'Destruction' : 'Release'} requested</Badge>}
    </Group>
  );
}
