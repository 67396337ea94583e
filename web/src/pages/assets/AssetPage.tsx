import { Anchor, Badge, Breadcrumbs, Button, Center, Grid, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../format/time';
import { LevelBadge } from '../controls/badges';
import { useOwnerName } from '../controls/queries';
import { SavedMeanwhile } from '../controls/SavedMeanwhile';
import { useVersionedEdit } from '../controls/useVersionedEdit';
import { AssetFields } from './AssetFields';
import { assetChanges, invalidJurisdictions, toAssetDraft, type AssetDraft } from './assetForm';
import { Dependencies } from './Dependencies';
import { assetKeys, assetPath, useAsset } from './queries';
import { classificationLabel, kindLabel, type Asset, type AssetDetail } from './types';

/** /assets/:id: the asset, what it depends on and what needs it, and the risks on it. */
export function AssetPage() {
  const { id = '' } = useParams();
  const asset = useAsset(id);
  const canEdit = useCan('risk.write');
  if (asset.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading asset" />
      </Center>
    );
  }
  if (asset.isError) return <ProblemAlert error={asset.error} title="The asset could not be loaded" onRetry={() => void asset.refetch()} />;
  const a = asset.data;
  const editable = canEdit && !a.retired_at;
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/assets" size="sm">
          Assets
        </Anchor>
        <Text size="sm">{kindLabel(a.kind)}</Text>
      </Breadcrumbs>
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h2">
            {a.name}
          </Title>
          <LevelBadge level={a.criticality} />
          {a.retired_at && (
            <Badge color="gray" variant="outline">
              retired {formatInstant(a.retired_at)}
            </Badge>
          )}
        </Group>
        {editable && <RetireButton asset={a} />}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Details asset={a} canEdit={editable} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Dependencies asset={a} canEdit={editable} />
            <Risks asset={a} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Risks({ asset }: { asset: AssetDetail }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Risks on this asset">
      <Title order={2} size="h5" mb="xs">
        Risks on this asset
      </Title>
      {asset.risks.length === 0 ? (
        <Text size="sm" c="dimmed">
          No risk names this asset yet.
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {asset.risks.map((risk) => (
              <Table.Tr key={risk.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/risks/${risk.id}`} size="sm">
                    {risk.number} {risk.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{risk.residual_level && <LevelBadge level={risk.residual_level} />}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {risk.status?.replace(/_/g, ' ')}
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

const FIELD_LABELS: Record<keyof AssetDraft, string> = {
  name: 'Name',
  kind: 'Kind',
  criticality: 'Criticality',
  owner_id: 'Owner',
  data_classifications: 'Data',
  jurisdictions: 'Jurisdictions',
  tags: 'Tags',
  description: 'Description',
};

function display(key: keyof AssetDraft, a: Asset, ownerName: (id: string | null) => string): React.ReactNode {
  switch (key) {
    case 'name':
      return a.name;
    case 'kind':
      return kindLabel(a.kind);
    case 'criticality':
      return <LevelBadge level={a.criticality} />;
    case 'owner_id':
      return ownerName(a.owner_id);
    case 'data_classifications':
      return a.data_classifications.length ? a.data_classifications.map(classificationLabel).join(', ') : 'none recorded';
    case 'jurisdictions':
      return a.jurisdictions.length ? a.jurisdictions.join(', ') : '—';
    case 'tags':
      return a.tags.length ? a.tags.join(', ') : '—';
    case 'description':
      return a.description || '—';
  }
}

/** The asset's fields, read compactly and edited in place with If-Match. */
function Details({ asset, canEdit }: { asset: AssetDetail; canEdit: boolean }) {
  const ownerName = useOwnerName();
  const edit = useVersionedEdit<AssetDetail, Partial<AssetDraft>>(asset, {
    queryKey: assetKeys.asset(asset.id),
    save: (changes, version) => api.patch<AssetDetail>(assetPath(asset.id), changes, { ifMatch: version }),
  });
  const client = useQueryClient();
  const [draft, setDraft] = useState<AssetDraft>(() => toAssetDraft(asset));
  const fieldError = (key: string) => (edit.error instanceof ApiProblem ? edit.error.fieldError(key) : undefined);
  const keys = Object.keys(FIELD_LABELS) as Array<keyof AssetDraft>;
  const begin = () => {
    setDraft(toAssetDraft(asset));
    edit.start();
  };
  const save = () => {
    if (invalidJurisdictions(draft.jurisdictions).length) return;
    const changes = assetChanges(toAssetDraft(edit.base), draft);
    if (Object.keys(changes).length === 0) return edit.cancel();
    void edit.submit(changes).then((saved) => {
      if (saved) void client.invalidateQueries({ queryKey: ['assets', 'list'] });
    });
  };
  const theirs = keys.filter((k) => JSON.stringify(edit.base[k]) !== JSON.stringify(asset[k]));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Asset details">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Details
        </Title>
        {canEdit && !edit.editing && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={begin} aria-label="Edit details">
            Edit
          </Button>
        )}
      </Group>
      {!edit.editing ? (
        <dl className="field-list">
          {keys.map((key) => (
            <div key={key}>
              <dt>{FIELD_LABELS[key]}</dt>
              <dd>{display(key, asset, ownerName)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Stack gap="sm">
            <AssetFields draft={draft} onChange={setDraft} fieldError={fieldError} />
            {edit.conflict && (
              <SavedMeanwhile
                edit={edit}
                what="asset"
                updatedBy={asset.updated_by}
                updatedAt={asset.updated_at}
                onReapply={save}
                theirs={
                  <dl className="field-list">
                    {theirs.map((key) => (
                      <div key={key}>
                        <dt>{FIELD_LABELS[key]}</dt>
                        <dd>{display(key, asset, ownerName)}</dd>
                      </div>
                    ))}
                  </dl>
                }
              />
            )}
            {edit.error && <ProblemAlert error={edit.error} title="The asset was not saved" />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={edit.cancel}>
                Cancel
              </Button>
              <Button type="submit" loading={edit.pending} disabled={edit.conflict}>
                Save details
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

/** Retiring keeps the asset (risks and history still name it) but takes it out of use. */
function RetireButton({ asset }: { asset: AssetDetail }) {
  const [opened, dialog] = useDisclosure();
  const client = useQueryClient();
  const retire = useMutation({
    mutationFn: () => api.delete(assetPath(asset.id), { ifMatch: asset.version }),
    onSuccess: () => {
      dialog.close();
      void client.invalidateQueries({ queryKey: ['assets'] });
    },
  });
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconArchive size={14} aria-hidden />} onClick={dialog.open}>
        Retire
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={`Retire ${asset.name}?`}>
        <Stack gap="sm">
          <Text size="sm">
            The asset stays on record: the risks and history that name it keep it, but it is marked retired and can no longer be chosen as a dependency.
            {asset.risks.length > 0 && ` ${asset.risks.length === 1 ? '1 risk still names it' : `${asset.risks.length} risks still name it`}.`}
          </Text>
          {retire.error && <ProblemAlert error={retire.error} title="The asset was not retired" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={dialog.close}>
              Cancel
            </Button>
            <Button color="red" loading={retire.isPending} onClick={() => retire.mutate()}>
              Retire asset
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
