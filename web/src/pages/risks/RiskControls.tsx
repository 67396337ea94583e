import { ActionIcon, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLinkOff } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { UserSelect } from '../../components/UserSelect';
import { humanise, isPast } from './labels';
import { riskPath, useRiskInvalidation } from './queries';
import { LINK_STATUSES, type Control, type RiskControlLink, type RiskDetail } from './types';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const toInstant = (date: string) => (date ? new Date(`${date}T17:00:00.000Z`).toISOString() : null);

/** The controls a risk relies on: link, unlink, and each link's status, owner and due date. */
export function RiskControls({ risk }: { risk: RiskDetail }) {
  const canWrite = useCan('risk.write');
  const invalidate = useRiskInvalidation();
  const base = `${riskPath(risk.id)}/controls`;
  const unlink = useMutation({ mutationFn: (controlId: string) => api.delete(`${base}/${encodeURIComponent(controlId)}`), onSettled: () => invalidate(risk.id) });
  const edit = useMutation({
    mutationFn: ({ controlId, change }: { controlId: string; change: Record<string, unknown> }) => api.patch(`${base}/${encodeURIComponent(controlId)}`, change),
    onSettled: () => invalidate(risk.id),
  });
  const controls = risk.controls ?? [];
  return (
    <Stack gap="sm">
      {canWrite && <LinkControl riskId={risk.id} linked={new Set(controls.map((c) => c.control_id))} />}
      {(unlink.isError || edit.isError) && <ProblemAlert error={unlink.error ?? edit.error} title="The link could not be changed" />}
      {controls.length === 0 ? (
        <Paper withBorder p="md" radius="sm">
          <Text size="sm" c="dimmed">
            No control linked. Link the controls that lower this risk; their effectiveness derives the residual score.{' '}
            <Link to="/controls">Browse the controls</Link>.
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="sm">
          <Table.ScrollContainer minWidth={820}>
            <Table fz="sm" aria-label="Linked controls">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Control</Table.Th>
                  <Table.Th>Implementation</Table.Th>
                  <Table.Th>Effectiveness</Table.Th>
                  <Table.Th>Treatment status</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {controls.map((c) => (
                  <ControlRow key={c.control_id} link={c} canWrite={canWrite} onChange={(change) => edit.mutate({ controlId: c.control_id, change })} onUnlink={() => unlink.mutate(c.control_id)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}

function ControlRow({ link, canWrite, onChange, onUnlink }: { link: RiskControlLink; canWrite: boolean; onChange: (change: Record<string, unknown>) => void; onUnlink: () => void }) {
  const late = link.status !== 'done' && isPast(link.due_at);
  return (
    <Table.Tr>
      <Table.Td>
        <Link to={`/controls/${link.control_id}`}>
          <Text span ff="monospace" size="sm">
            {link.ref}
          </Text>{' '}
          {link.title}
        </Link>
      </Table.Td>
      <Table.Td>{humanise(link.implementation_status)}</Table.Td>
      <Table.Td>{link.effectiveness === null ? '—' : `${link.effectiveness} %`}</Table.Td>
      <Table.Td>
        <Select aria-label={`Status of ${link.ref}`} size="xs" w={140} disabled={!canWrite} data={LINK_STATUSES.map((s) => ({ value: s, label: humanise(s) }))} value={link.status} onChange={(status) => status && status !== link.status && onChange({ status })} allowDeselect={false} />
      </Table.Td>
      <Table.Td>
        <UserSelect aria-label={`Owner of ${link.ref}`} size="xs" w={200} disabled={!canWrite} clearable value={link.owner_id} onChange={(owner_id) => owner_id !== link.owner_id && onChange({ owner_id })} />
      </Table.Td>
      <Table.Td>
        <TextInput aria-label={`Due date of ${link.ref}`} type="date" size="xs" w={150} disabled={!canWrite} defaultValue={day(link.due_at)} error={late ? 'overdue' : undefined} onBlur={(e) => e.currentTarget.value !== day(link.due_at) && onChange({ due_at: toInstant(e.currentTarget.value) })} />
      </Table.Td>
      <Table.Td>
        {canWrite && (
          <Tooltip label="Unlink">
            <ActionIcon variant="subtle" color="gray" aria-label={`Unlink ${link.ref}`} onClick={onUnlink}>
              <IconLinkOff size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function LinkControl({ riskId, linked }: { riskId: string; linked: Set<string> }) {
  const invalidate = useRiskInvalidation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [controlId, setControlId] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const controls = useQuery({ queryKey: ['controls', 'search', debounced], queryFn: () => api.get<Page<Control>>('/api/v1/controls', { q: debounced || undefined, limit: 30 }), placeholderData: (p) => p });
  const link = useMutation({
    mutationFn: () => api.post(`${riskPath(riskId)}/controls`, { control_id: controlId, status: 'planned', ...(ownerId ? { owner_id: ownerId } : {}), ...(due ? { due_at: toInstant(due) } : {}) }),
    onSuccess: () => {
      setControlId(null);
      setSearch('');
      setDue('');
      setOwnerId(null);
    },
    onSettled: () => invalidate(riskId),
  });
  const data = (controls.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.ref} ${c.title}`, disabled: linked.has(c.id) }));
  return (
    <Paper withBorder radius="sm" p="sm">
      <Group align="flex-end" gap="xs">
        <Select label="Link a control" placeholder="Search by ref or title" searchable value={controlId} onChange={setControlId} searchValue={search} onSearchChange={setSearch} data={data} filter={({ options }) => options} nothingFoundMessage={controls.isFetching ? 'Searching…' : 'No control matches (install the CSF starter catalog on the Controls page)'} w={360} />
        <UserSelect label="Owner" clearable value={ownerId} onChange={setOwnerId} w={220} />
        <TextInput label="Due" type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} w={160} />
        <Button disabled={!controlId} loading={link.isPending} onClick={() => link.mutate()}>
          Link
        </Button>
      </Group>
      {link.isError && <ProblemAlert error={link.error} title="The control could not be linked" />}
    </Paper>
  );
}
