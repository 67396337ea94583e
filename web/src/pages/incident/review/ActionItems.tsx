import { ActionIcon, Anchor, Badge, Button, Group, NativeSelect, Paper, Select, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { IncidentDetail } from '../../../api/types';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCurrentUser } from '../../../auth/session';
import { useUsers } from '../../../components/UserSelect';
import { formatInstant } from '../../../format/time';
import { fromDateInput, toDateInput } from '../../controls/controlDraft';
import { ControlPicker } from '../risks-controls/ControlPicker';
import { useIncidentRisks } from '../risks-controls/queries';
import { useActionItems, useAddActionItem, useChangeActionItem } from './queries';
import { ownerCandidates } from './reviewDraft';
import { ACTION_KINDS, ACTION_KIND_LABELS, ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionItem, type ActionItemInput, type ActionKind, type ActionStatus } from './types';

const KIND_OPTIONS = ACTION_KINDS.map((k) => ({ value: k, label: ACTION_KIND_LABELS[k] }));
const STATUS_OPTIONS = ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }));
const STATUS_COLORS: Record<ActionStatus, string> = { open: 'blue', in_progress: 'yellow', done: 'teal', cancelled: 'gray' };

/** The follow-up work, owned and dated; an owner must be able to see the incident, the server says so if not. */
export function ActionItems({ incident, canWrite }: { incident: IncidentDetail; canWrite: boolean }) {
  const items = useActionItems(incident.id);
  const change = useChangeActionItem(incident.id);
  const me = useCurrentUser();
  const list = items.data ?? [];
  return (
    <Stack gap="sm">
      {canWrite && <AddActionItem incident={incident} />}
      {items.isPending && <Skeleton h={60} />}
      {items.isError && <ProblemAlert error={items.error} title="The action items could not be loaded" onRetry={() => void items.refetch()} />}
      {change.error && <ProblemAlert error={change.error} title="The action item could not be changed" />}
      {items.data && list.length === 0 && (
        <Text size="sm" c="dimmed">
          No action items yet. Each should change something: a control improved, a risk re-treated, a playbook fixed — with an owner and a date.
        </Text>
      )}
      {list.length > 0 && (
        <Table verticalSpacing={4} aria-label="Action items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Action</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
              {canWrite && <Table.Th aria-label="Edit" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((item) => (
              <ActionRow key={item.id} item={item} incident={incident} canEdit={canWrite} canStatus={canWrite || item.owner?.id === me.id} onStatus={(status) => change.mutate({ item, changes: { status } })} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function ActionRow({ item, incident, canEdit, canStatus, onStatus }: { item: ActionItem; incident: IncidentDetail; canEdit: boolean; canStatus: boolean; onStatus: (status: ActionStatus) => void }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <EditActionRow item={item} incident={incident} onDone={() => setEditing(false)} />;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{item.title}</Text>
        {item.description && <Text size="xs" c="dimmed">{item.description}</Text>}
        <Group gap={6}>
          {item.control_id && (
            <Anchor component={Link} to={`/controls/${encodeURIComponent(item.control_id)}`} size="xs">
              Control
            </Anchor>
          )}
          {item.risk_id && (
            <Anchor component={Link} to={`/risks/${encodeURIComponent(item.risk_id)}`} size="xs">
              Risk
            </Anchor>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{ACTION_KIND_LABELS[item.kind] ?? item.kind}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.owner ? item.owner.name : 'No owner'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={item.overdue ? 'red' : undefined}>
          {item.due_at ? formatInstant(item.due_at) : '—'}
          {item.overdue ? ' (overdue)' : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        {canStatus ? (
          <NativeSelect size="xs" aria-label={`Status of ${item.title}`} data={STATUS_OPTIONS} value={item.status} onChange={(e) => onStatus(e.currentTarget.value as ActionStatus)} />
        ) : (
          <Badge variant="light" color={STATUS_COLORS[item.status] ?? 'gray'} tt="none">
            {ACTION_STATUS_LABELS[item.status] ?? item.status}
          </Badge>
        )}
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${item.title}`} onClick={() => setEditing(true)}>
            <IconPencil size={14} aria-hidden />
          </ActionIcon>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** Title, kind, owner and due date changed in place, against the version on screen. */
function EditActionRow({ item, incident, onDone }: { item: ActionItem; incident: IncidentDetail; onDone: () => void }) {
  const change = useChangeActionItem(incident.id);
  const owners = useOwnerOptions(incident);
  const [title, setTitle] = useState(item.title);
  const [kind, setKind] = useState<ActionKind>(item.kind);
  const [ownerId, setOwnerId] = useState<string | null>(item.owner?.id ?? null);
  const [due, setDue] = useState(toDateInput(item.due_at));
  const save = () => {
    const changes: Partial<ActionItemInput> = {};
    if (title.trim() !== item.title) changes.title = title.trim();
    if (kind !== item.kind) changes.kind = kind;
    if (ownerId !== (item.owner?.id ?? null)) changes.owner_id = ownerId;
    if (due !== toDateInput(item.due_at)) changes.due_at = fromDateInput(due);
    if (Object.keys(changes).length === 0) return onDone();
    change.mutate({ item, changes }, { onSuccess: onDone });
  };
  // The item's own owner stays offered even if they could no longer be chosen; the server decides.
  const data = item.owner && !owners.some((o) => o.value === item.owner!.id) ? [...owners, { value: item.owner.id, label: item.owner.name }] : owners;
  return (
    <Table.Tr>
      <Table.Td colSpan={6}>
        <Stack gap="xs">
          <Group align="flex-end" gap="sm">
            <TextInput size="xs" label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} w={{ base: '100%', sm: 300 }} />
            <NativeSelect size="xs" label="Kind" data={KIND_OPTIONS} value={kind} onChange={(e) => setKind(e.currentTarget.value as ActionKind)} />
            <Select size="xs" label="Owner" searchable clearable data={data} value={ownerId} onChange={setOwnerId} w={{ base: '100%', sm: 260 }} />
            <TextInput size="xs" type="date" label="Due" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
            <Button size="xs" onClick={save} loading={change.isPending} disabled={!title.trim()}>
              Save
            </Button>
            <Button size="xs" variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
          {change.error && <ProblemAlert error={change.error} title="The change was refused" />}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** People offered as owners: those who can see the incident, by name and e-mail. */
function useOwnerOptions(incident: IncidentDetail) {
  const users = useUsers();
  return ownerCandidates(users.data ?? [], incident).map((u) => ({ value: u.id, label: u.name ? `${u.name} (${u.email})` : u.email }));
}

function AddActionItem({ incident }: { incident: IncidentDetail }) {
  const add = useAddActionItem(incident.id);
  const links = useIncidentRisks(incident.id);
  const owners = useOwnerOptions(incident);
  const risks = (links.data ?? []).map((l) => l.risk);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<ActionKind>('control_improvement');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const [controlId, setControlId] = useState<string | null>(null);
  const [riskId, setRiskId] = useState('');

  const submit = () => {
    if (!title.trim()) return;
    add.mutate(
      {
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        kind,
        owner_id: ownerId,
        due_at: fromDateInput(due),
        ...(controlId ? { control_id: controlId } : {}),
        ...(riskId ? { risk_id: riskId } : {}),
      },
      {
        onSuccess: () => {
          setTitle('');
          setDescription('');
          setDue('');
          setControlId(null);
          setRiskId('');
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" component="form" aria-label="New action item" onSubmit={(e: React.FormEvent) => {
      e.preventDefault();
      submit();
    }}>
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" grow>
          <TextInput label="Action item" placeholder="e.g. Enforce MFA on the VPN" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
          <NativeSelect label="Kind" data={KIND_OPTIONS} value={kind} onChange={(e) => setKind(e.currentTarget.value as ActionKind)} />
        </Group>
        <TextInput label="Description" placeholder="What exactly is to change (optional)" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Group align="flex-end" gap="sm">
          <Select
            label="Owner"
            description={incident.restricted ? 'Restricted incident: only its members and administrators can own items' : 'People who can see this incident'}
            searchable
            clearable
            data={owners}
            value={ownerId}
            onChange={setOwnerId}
            nothingFoundMessage="Nobody by that name can see this incident"
            w={{ base: '100%', sm: 300 }}
          />
          <TextInput type="date" label="Due" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
          <ControlPicker label="Linked control" value={controlId} onChange={setControlId} taken={new Set()} />
          <NativeSelect
            label="Linked risk"
            data={[{ value: '', label: 'None' }, ...risks.map((r) => ({ value: r.id, label: `${r.number} ${r.title}` }))]}
            value={riskId}
            onChange={(e) => setRiskId(e.currentTarget.value)}
          />
          <Button type="submit" leftSection={<IconPlus size={14} aria-hidden />} loading={add.isPending} disabled={!title.trim()}>
            Add action item
          </Button>
        </Group>
        {add.error && <ProblemAlert error={add.error} title="The action item was refused" />}
      </Stack>
    </Paper>
  );
}
