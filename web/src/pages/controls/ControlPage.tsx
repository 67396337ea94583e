import { Anchor, Badge, Breadcrumbs, Button, Center, Grid, Group, Loader, NativeSelect, NumberInput, Paper, SimpleGrid, Slider, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useCan } from '../../auth/session';
import { Markdown } from '../../components/Markdown';
import { ProblemAlert } from '../../components/ProblemAlert';
import { UserSelect } from '../../components/UserSelect';
import { formatInstant, viewerTimeZone } from '../../format/time';
import { ImplementationBadge, LevelBadge, NextTest } from './badges';
import { ControlOutcomes } from './ControlOutcomes';
import { changedFields, controlChanges, toControlDraft, type ControlDraft } from './controlDraft';
import { clampEffectiveness, formatEffectiveness } from './controlTree';
import { controlKeys, controlPath, useCatalogs, useControl, useOwnerName } from './queries';
import { SavedMeanwhile } from './SavedMeanwhile';
import { IMPLEMENTATION_LABELS, IMPLEMENTATION_STATUSES, MATURITY_LABELS, statusLabel, type Control, type ControlChanges, type ControlDetail } from './types';
import { useVersionedEdit } from './useVersionedEdit';

/** /controls/:id: the control, the organisation's state of it (editable), and the risks relying on it. */
export function ControlPage() {
  const { id = '' } = useParams();
  const control = useControl(id);
  const catalogs = useCatalogs();
  if (control.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading control" />
      </Center>
    );
  }
  if (control.isError) return <ProblemAlert error={control.error} title="The control could not be loaded" onRetry={() => void control.refetch()} />;
  const c = control.data;
  const catalog = catalogs.data?.find((k) => k.id === c.catalog_id);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/controls" size="sm">
          Controls
        </Anchor>
        <Anchor component={Link} to={`/controls?catalog=${c.catalog_id ?? 'custom'}`} size="sm">
          {c.catalog_id ? (catalog?.name ?? 'Catalog') : 'Custom controls'}
        </Anchor>
        {c.family && <Text size="sm">{c.family}</Text>}
      </Breadcrumbs>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          <Text span ff="monospace" inherit>
            {c.ref}
          </Text>{' '}
          {c.title}
        </Title>
        <ImplementationBadge status={c.implementation_status} />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h5" mb="xs">
                What the control says
              </Title>
              <Markdown source={c.description} fallback={<Text size="sm" c="dimmed">No description.</Text>} />
              {c.parent_ref && (
                <Text size="xs" c="dimmed" mt="xs">
                  Part of {c.parent_ref}
                </Text>
              )}
            </Paper>
            <RelyingRisks control={c} />
            <ControlOutcomes controlId={c.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Implementation control={c} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function RelyingRisks({ control }: { control: ControlDetail }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Risks relying on this control">
      <Title order={2} size="h5" mb="xs">
        Risks relying on it
      </Title>
      {control.risks.length === 0 ? (
        <Text size="sm" c="dimmed">
          No risk relies on this control yet. Link it from a risk's page, under its treatment.
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Risk</Table.Th>
              <Table.Th>Residual level</Table.Th>
              <Table.Th>Mitigation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {control.risks.map((risk) => (
              <Table.Tr key={risk.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/risks/${risk.id}`} size="sm">
                    {risk.number} {risk.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <LevelBadge level={risk.residual_level} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {risk.link_status ? risk.link_status.replace(/_/g, ' ') : '—'}
                    {risk.due_at ? `, due ${formatInstant(risk.due_at)}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function displayField(key: keyof ControlDraft, c: Control, ownerName: (id: string | null) => string): React.ReactNode {
  switch (key) {
    case 'implementation_status':
      return statusLabel(c.implementation_status);
    case 'owner_id':
      return ownerName(c.owner_id);
    case 'effectiveness':
      return formatEffectiveness(c.effectiveness);
    case 'maturity':
      return c.maturity ? `${c.maturity} of 5, ${MATURITY_LABELS[c.maturity]}` : 'not rated';
    case 'last_tested_at':
      return c.last_tested_at ? formatInstant(c.last_tested_at) : 'never';
    case 'next_test_at':
      return <NextTest at={c.next_test_at} />;
    case 'evidence_notes':
      return c.evidence_notes || '—';
  }
}

const LABELS: Record<keyof ControlDraft, string> = {
  implementation_status: 'Status',
  owner_id: 'Owner',
  effectiveness: 'Effectiveness',
  maturity: 'Maturity',
  last_tested_at: 'Last tested',
  next_test_at: 'Next test',
  evidence_notes: 'Evidence notes',
};

/** The organisation's fields, read compactly and edited in place, guarded against lost updates (If-Match). */
function Implementation({ control }: { control: ControlDetail }) {
  const canEdit = useCan('risk.write');
  const ownerName = useOwnerName();
  const edit = useVersionedEdit<ControlDetail, ControlChanges>(control, {
    queryKey: controlKeys.control(control.id),
    save: (changes, version) => api.patch<ControlDetail>(controlPath(control.id), changes, { ifMatch: version }),
  });
  const [draft, setDraft] = useState<ControlDraft>(() => toControlDraft(control));
  const set = <K extends keyof ControlDraft>(key: K, value: ControlDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (key: string) => (edit.error instanceof ApiProblem ? edit.error.fieldError(key) : undefined);
  const begin = () => {
    setDraft(toControlDraft(control));
    edit.start();
  };
  const save = () => {
    const changes = controlChanges(edit.base, draft);
    if (Object.keys(changes).length === 0) return edit.cancel();
    void edit.submit(changes);
  };
  const keys = Object.keys(LABELS) as Array<keyof ControlDraft>;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Implementation">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Implementation
        </Title>
        {canEdit && !edit.editing && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={begin} aria-label="Edit implementation">
            Edit
          </Button>
        )}
      </Group>
      {!edit.editing ? (
        <dl className="field-list">
          {keys.map((key) => (
            <div key={key}>
              <dt>{LABELS[key]}</dt>
              <dd>{displayField(key, control, ownerName)}</dd>
            </div>
          ))}
          <div>
            <dt>Updated</dt>
            <dd>
              {formatInstant(control.updated_at)} by {ownerName(control.updated_by)}
            </dd>
          </div>
        </dl>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Stack gap="sm">
            <NativeSelect
              label="Status"
              value={draft.implementation_status}
              onChange={(e) => set('implementation_status', e.currentTarget.value)}
              data={IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: IMPLEMENTATION_LABELS[s] }))}
              error={fieldError('implementation_status')}
            />
            <UserSelect label="Owner" clearable value={draft.owner_id} onChange={(v) => set('owner_id', v)} error={fieldError('owner_id')} />
            <div>
              <Group justify="space-between" align="flex-end" gap="sm">
                <NumberInput
                  label="Effectiveness (%)"
                  description="How much of the threat it stops when it works, 0–100"
                  min={0}
                  max={100}
                  clampBehavior="strict"
                  allowDecimal={false}
                  value={draft.effectiveness ?? ''}
                  onChange={(v) => set('effectiveness', clampEffectiveness(v))}
                  error={fieldError('effectiveness')}
                  w={220}
                />
                {draft.effectiveness !== null && (
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => set('effectiveness', null)}>
                    Not rated
                  </Button>
                )}
              </Group>
              <Slider
                mt="xs"
                mb="md"
                min={0}
                max={100}
                step={5}
                value={draft.effectiveness ?? 0}
                onChange={(v) => set('effectiveness', v)}
                label={(v) => `${v} %`}
                thumbLabel="Effectiveness slider"
                marks={[{ value: 0, label: '0' }, { value: 50, label: '50' }, { value: 100, label: '100' }]}
                color={draft.effectiveness === null ? 'gray' : undefined}
              />
            </div>
            <NativeSelect
              label="Maturity"
              value={draft.maturity === null ? '' : String(draft.maturity)}
              onChange={(e) => set('maturity', e.currentTarget.value ? Number(e.currentTarget.value) : null)}
              data={[{ value: '', label: 'Not rated' }, ...[1, 2, 3, 4, 5].map((m) => ({ value: String(m), label: `${m} · ${MATURITY_LABELS[m]}` }))]}
              error={fieldError('maturity')}
            />
            <SimpleGrid cols={2} spacing="sm">
              <TextInput type="date" label="Last tested" value={draft.last_tested_at} onChange={(e) => set('last_tested_at', e.currentTarget.value)} error={fieldError('last_tested_at')} />
              <TextInput type="date" label="Next test" value={draft.next_test_at} onChange={(e) => set('next_test_at', e.currentTarget.value)} error={fieldError('next_test_at')} />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              Dates are days in your zone, {viewerTimeZone()}.
            </Text>
            <Textarea
              label="Evidence notes"
              description="Where the evidence is: test reports, tickets, screenshots"
              autosize
              minRows={3}
              value={draft.evidence_notes}
              onChange={(e) => set('evidence_notes', e.currentTarget.value)}
              error={fieldError('evidence_notes')}
            />
            {edit.conflict && (
              <SavedMeanwhile
                edit={edit}
                what="control"
                updatedBy={control.updated_by}
                updatedAt={control.updated_at}
                onReapply={save}
                theirs={
                  <dl className="field-list">
                    {changedFields(edit.base, control).map((key) => (
                      <div key={key}>
                        <dt>{LABELS[key]}</dt>
                        <dd>{displayField(key, control, ownerName)}</dd>
                      </div>
                    ))}
                  </dl>
                }
              />
            )}
            {edit.error && <ProblemAlert error={edit.error} title="The control was not saved" />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={edit.cancel}>
                Cancel
              </Button>
              <Button type="submit" loading={edit.pending} disabled={edit.conflict}>
                Save implementation
              </Button>
            </Group>
            {control.risks.length > 0 && (
              <Text size="xs" c="dimmed">
                A change of status or effectiveness re-scores the {control.risks.length === 1 ? 'risk' : `${control.risks.length} risks`} relying on it.
              </Text>
            )}
          </Stack>
        </form>
      )}
      {!edit.editing && control.risks.length > 0 && (
        <Group gap={4} mt="sm">
          <Badge variant="light" size="sm">
            {control.risks.length === 1 ? '1 risk relies on it' : `${control.risks.length} risks rely on it`}
          </Badge>
        </Group>
      )}
    </Paper>
  );
}
