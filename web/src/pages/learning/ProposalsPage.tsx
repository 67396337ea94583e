import { Anchor, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ProposalCard } from './ProposalCard';
import { groupProposals } from './proposals';
import { usePendingProposals } from './queries';

/** /reviews/proposals — what completed reviews propose for the register, waiting for a risk owner's decision. */
export function ProposalsPage() {
  const canDecide = useCan('risk.write');
  const pending = usePendingProposals();
  const groups = groupProposals(pending.data ?? []);
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        Proposals from reviews
      </Title>
      <Text size="sm" c="dimmed">
        Each completed post-incident review proposes changes to the risk register and the controls. Nothing changes until a risk owner accepts; every accepted change is in the
        risk&apos;s history, linked to the incident and the review.
      </Text>
      {!canDecide && <Text size="sm">You can read the proposals; deciding them needs a risk owner or an administrator.</Text>}
      {pending.isError && <ProblemAlert error={pending.error} title="The proposals could not be loaded" onRetry={() => void pending.refetch()} />}
      {pending.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading proposals" />
        </Center>
      ) : (
        groups.length === 0 &&
        !pending.isError && (
          <Paper withBorder p="md" radius="sm">
            <Text fw={600}>No proposal waits for a decision.</Text>
            <Text size="sm" c="dimmed">
              Proposals appear here when an incident&apos;s review is completed: link the risks that materialised and record what each control did on the incident&apos;s
              &quot;Risks &amp; controls&quot; tab, then complete the review.
            </Text>
          </Paper>
        )
      )}
      {groups.map((g) => {
        const name = g.incident ? `${g.incident.number} ${g.incident.title}` : g.incidentId;
        return (
          <Stack key={g.reviewId} gap="xs" component="section" aria-label={`Review of ${name}`}>
            <Group gap="xs">
              <Title order={2} size="h4">
                Review of{' '}
                <Anchor component={Link} to={`/incidents/${g.incidentId}?tab=review`} inherit>
                  {name}
                </Anchor>
              </Title>
              <Text size="sm" c="dimmed">
                {g.proposals.length} pending
              </Text>
            </Group>
            {g.proposals.map((p) => (
              <ProposalCard key={p.id} proposal={p} />
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
