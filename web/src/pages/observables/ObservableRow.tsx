import { ActionIcon, Anchor, Badge, Button, CopyButton, Group, Menu, Popover, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDots, IconNote, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { TlpBadge } from '../../components/TlpBadge';
import { formatInstant, formatRelative } from '../../format/time';
import { FlagBadges } from './FlagBadges';
import { useChangeSighting, useRemoveSighting } from './queries';
import { SeenElsewhere } from './SeenElsewhere';
import { OBSERVABLE_TYPE_LABELS, type Sighting } from './types';

const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export function ObservableRow({ incidentId, sighting, canWrite }: { incidentId: string; sighting: Sighting; canWrite: boolean }) {
  const change = useChangeSighting(incidentId);
  const remove = useRemoveSighting(incidentId);
  const { observable } = sighting;
  const set = (changes: Parameters<typeof change.mutate>[0]['changes']) => change.mutate({ sighting, changes });

  return (
    <Table.Tr>
      <Table.Td>
        <Badge variant="default" radius="sm" tt="none" size="sm" title={OBSERVABLE_TYPE_LABELS[observable.type]}>
          {observable.type}
        </Badge>
      </Table.Td>
      <Table.Td maw={420}>
        <Group gap={4} wrap="nowrap">
          <Anchor component={Link} to={`/observables/${observable.id}`} ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
            {observable.value}
          </Anchor>
          <CopyButton value={observable.value}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy value'}>
                <ActionIcon variant="subtle" size="sm" color="gray" onClick={copy} aria-label={`Copy ${observable.value}`}>
                  {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Table.Td>
      <Table.Td>
        <FlagBadges ioc={sighting.ioc} sighted={sighting.sighted} />
        {sighting.count > 1 && (
          <Text size="xs" c="dimmed">
            ×{sighting.count}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <TlpBadge tlp={sighting.tlp} size="sm" />
      </Table.Td>
      <Table.Td>
        <SeenElsewhere sighting={sighting} />
      </Table.Td>
      <Table.Td maw={260}>
        <Group gap={4}>
          {sighting.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray" size="xs" radius="sm" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
        {sighting.note && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {sighting.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" title={formatInstant(sighting.last_seen_at)}>
          {formatRelative(sighting.last_seen_at)}
        </Text>
      </Table.Td>
      {canWrite && (
        <Table.Td>
          <Group gap={2} wrap="nowrap" justify="flex-end">
            <NoteEditor sighting={sighting} onSave={(note) => set({ note })} />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${observable.value}`}>
                  <IconDots size={16} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => set({ ioc: !sighting.ioc })}>{sighting.ioc ? 'Not an IOC' : 'Mark as IOC'}</Menu.Item>
                <Menu.Item onClick={() => set({ sighted: !sighting.sighted })}>{sighting.sighted ? 'Not sighted' : 'Mark as sighted'}</Menu.Item>
                <Menu.Label>TLP</Menu.Label>
                {TLPS.filter((t) => t !== sighting.tlp).map((tlp) => (
                  <Menu.Item key={tlp} onClick={() => set({ tlp })}>
                    TLP:{tlp.toUpperCase()}
                  </Menu.Item>
                ))}
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => remove.mutate(sighting)}>
                  Remove from incident
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function NoteEditor({ sighting, onSave }: { sighting: Sighting; onSave: (note: string) => void }) {
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState(sighting.note);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} trapFocus withinPortal>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Note on ${sighting.observable.value}`} onClick={() => { setNote(sighting.note); setOpened((o) => !o); }}>
          <IconNote size={16} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={3} maxLength={10000} data-autofocus />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={() => setOpened(false)}>Cancel</Button>
            <Button size="xs" onClick={() => { onSave(note); setOpened(false); }}>Save note</Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
