import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AssetFields } from './AssetFields';
import { createBody, EMPTY_ASSET, invalidJurisdictions } from './assetForm';
import type { Asset } from './types';

/** Creates an asset and opens it. */
export function NewAssetDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState(EMPTY_ASSET);
  const create = useMutation({
    mutationFn: () => api.post<Asset>('/api/v1/assets', createBody(draft)),
    onSuccess: (asset) => {
      void client.invalidateQueries({ queryKey: ['assets'] });
      setDraft(EMPTY_ASSET);
      onClose();
      void navigate(`/assets/${asset.id}`);
    },
  });
  const fieldError = (key: string) => (create.error instanceof ApiProblem ? create.error.fieldError(key) : undefined);
  return (
    <Modal opened={opened} onClose={onClose} title="New asset" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (invalidJurisdictions(draft.jurisdictions).length === 0) create.mutate();
        }}
      >
        <Stack gap="sm">
          <AssetFields draft={draft} onChange={setDraft} fieldError={fieldError} />
          {create.error && <ProblemAlert error={create.error} title="The asset was not created" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create asset
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
