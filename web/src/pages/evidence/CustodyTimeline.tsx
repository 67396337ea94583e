import { Badge, Code, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconAlertTriangle, IconLink } from '@tabler/icons-react';
import { formatInstant } from '../../format/time';
import { chainLabel, readSignature, shortHash } from '../incident/evidence/evidenceFormat';
import { custodyActionLabel, type CustodyEvent, type CustodyLog } from '../incident/evidence/types';

function notesOf(event: CustodyEvent): string | null {
  const notes = event.details?.notes ?? event.details?.note ?? event.details?.reason;
  return typeof notes === 'string' && notes ? notes : null;
}

/** A paper hand-over entered afterwards shows both times; one recorded as it happened shows one. */
const recordedLater = (event: CustodyEvent) => Date.parse(event.recorded_at) - Date.parse(event.occurred_at) > 60_000;

export function ChainBadge({ chain }: { chain: CustodyLog['chain'] }) {
  const { label, intact } = chainLabel(chain);
  return (
    <Badge color={intact ? 'teal' : 'red'} variant="light" tt="none" leftSection={intact ? <IconLink size={12} aria-hidden /> : <IconAlertTriangle size={12} aria-hidden />} title={chain.first_break?.reason}>
      {intact ? '✓' : '✗'} {label}
    </Badge>
  );
}

/** Every hand that touched the item, oldest first: who, what, from whom to whom, where, why, when, signed by. */
export function CustodyTimeline({ log }: { log: CustodyLog }) {
  const broken = log.chain.first_break?.seq ?? null;
  return (
    <Stack gap="sm">
      {log.chain.first_break && (
        <Text size="sm" c="red">
          The custody log fails its hash-chain check at event {log.chain.first_break.seq}: {log.chain.first_break.reason}. Events from there on cannot be proven unaltered.
        </Text>
      )}
      <Timeline active={log.items.length - 1} bulletSize={18} lineWidth={2} aria-label="Custody log">
        {log.items.map((event) => {
          const signature = readSignature(event.signature);
          const notes = notesOf(event);
          return (
            <Timeline.Item
              key={event.id}
              color={broken !== null && event.seq >= broken ? 'red' : event.action === 'integrity_failed' ? 'red' : undefined}
              title={
                <Group gap="xs">
                  <Text fw={600} size="sm">{event.seq}. {custodyActionLabel(event.action)}</Text>
                  <Text size="sm">by {event.actor.name}</Text>
                </Group>
              }
            >
              <Stack gap={2} component="article" aria-label={`Custody event ${event.seq}: ${custodyActionLabel(event.action)}`}>
                {(event.from_user || event.to_user) && (
                  <Text size="sm">
                    {event.from_user?.name ?? '—'} → {event.to_user?.name ?? '—'}
                  </Text>
                )}
                {event.location && <Text size="sm">Where: {event.location}</Text>}
                {event.purpose && <Text size="sm">Why: {event.purpose}</Text>}
                {notes && <Text size="sm">Notes: {notes}</Text>}
                {signature && (
                  <Text size="sm">
                    Signed by: {signature.name} <Code title={`sha256:${signature.digest}`}>sha256:{shortHash(signature.digest)}</Code>
                  </Text>
                )}
                {event.signature && !signature && <Text size="sm">Signature: {event.signature}</Text>}
                <Text size="xs" c="dimmed">
                  {formatInstant(event.occurred_at)}
                  {recordedLater(event) && ` · recorded ${formatInstant(event.recorded_at)}`}
                </Text>
                <Text size="xs" c="dimmed">
                  Event hash <Code title={event.hash}>{shortHash(event.hash)}</Code>
                </Text>
              </Stack>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Stack>
  );
}
