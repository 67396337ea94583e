import { Grid, Stack } from '@mantine/core';
import { useCan } from '../../../auth/session';
import { ControlOutcomes } from './ControlOutcomes';
import { LinkedRisks } from './LinkedRisks';
import { SuggestedPlaybooks } from './SuggestedPlaybooks';

/** The incident against the register: the risks it made real, what each control did, the playbooks to follow. */
export function RisksControlsTab({ incidentId }: { incidentId: string }) {
  const canWrite = useCan('review.write');
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          <LinkedRisks incidentId={incidentId} canWrite={canWrite} />
          <ControlOutcomes incidentId={incidentId} canWrite={canWrite} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <SuggestedPlaybooks incidentId={incidentId} />
      </Grid.Col>
    </Grid>
  );
}
