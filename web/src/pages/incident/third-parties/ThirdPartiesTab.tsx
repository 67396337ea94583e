import { Alert, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { IncidentDetail } from '../../../api/types';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useIncidentAbilities } from '../permissions';
import { AddPartyByHand } from './AddPartyByHand';
import { EngagementsTable } from './EngagementsTable';
import { PlanParties } from './PlanParties';
import { useAddEngagement, useChangeEngagement, useEngagements } from './queries';

/** Outside help on this incident: the plan's parties one click away, and the record of who was called. */
export function ThirdPartiesTab({ incident }: { incident: IncidentDetail }) {
  const { edit: canWrite } = useIncidentAbilities();
  const list = useEngagements(incident.id);
  const add = useAddEngagement(incident.id);
  const change = useChangeEngagement(incident.id);
  const engagements = list.data?.items ?? [];
  const parties = list.data?.plan?.third_parties ?? [];
  const privileged = engagements.filter((e) => e.privileged && e.status !== 'released' && e.status !== 'declined');

  return (
    <Stack gap="md">
      {list.isPending && <Skeleton h={160} />}
      {list.isError && <ProblemAlert error={list.error} title="The engagements could not be loaded" onRetry={() => void list.refetch()} />}
      {add.isError && <ProblemAlert error={add.error} title="The engagement was not recorded" />}
      {change.isError && <ProblemAlert error={change.error} title="The change was not saved" />}
      {privileged.length > 0 && (
        <Alert color="grape" icon={<IconLock size={18} aria-hidden />} title="Work under legal privilege">
          {privileged.map((e) => e.name).join(', ')}: route their findings through counsel and keep them out of wider communications.
        </Alert>
      )}

      {list.data && (
        <section aria-labelledby="plan-parties">
          <Title order={4} id="plan-parties" mb="xs">From the response plan</Title>
          {parties.length ? (
            <PlanParties parties={parties} engagements={engagements} canWrite={canWrite} busy={add.isPending} onEngage={(party) => add.mutate({ party_id: party.id })} />
          ) : (
            <Text size="sm" c="dimmed">
              {list.data.plan
                ? 'The plan in force lists no third parties. Add your IR retainer, outside counsel, cyber insurer (policy number and claim hotline), forensics firm and regulators to the plan under Preparedness, so they are one click away next time.'
                : 'No response plan is approved yet. Once one lists your third parties (insurer hotline and policy number, counsel, forensics), they appear here ready to engage.'}
            </Text>
          )}
        </section>
      )}

      {list.data && (
        <section aria-labelledby="engagements-heading">
          <Title order={4} id="engagements-heading" mb="xs">Engaged on this incident</Title>
          {engagements.length ? (
            <EngagementsTable engagements={engagements} canWrite={canWrite} onChange={(engagement, changes) => change.mutate({ engagement, changes })} />
          ) : (
            <Text size="sm" c="dimmed">Nobody has been called in yet. Engage a party from the plan above, or record one by hand below: when, under which contract, and whether under legal privilege.</Text>
          )}
        </section>
      )}

      {list.data && canWrite && (
        <section aria-labelledby="add-by-hand">
          <Title order={5} id="add-by-hand" mb="xs">Record a party not in the plan</Title>
          <AddPartyByHand busy={add.isPending} onAdd={(input) => add.mutateAsync(input)} />
        </section>
      )}
    </Stack>
  );
}
