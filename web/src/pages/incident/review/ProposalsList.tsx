import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useControlOutcomes, useIncidentRisks } from '../risks-controls/queries';
import { useProposals } from './queries';
import { PROPOSAL_KIND_LABELS, type Proposal } from './types';

const STATUS_COLORS: Record<string, string> = { pending: 'blue', accepted: 'teal', rejected: 'gray', stale: 'yellow' };


/** What the completed review proposes to the register, read-only here; risk owners decide on /reviews/proposals. */
export function ProposalsList({ incidentId }: { incidentId: string }) {
  const proposals = useProposals(incidentId, true);
  const risks = useIncidentRisks(incidentId).data ?? [];
  const controls = useControlOutcomes(incidentId).data ?? [];
  // Proposals name their target by id; the incident's own links say what it is called.
  const targetName = (p: Proposal): string => {
    if (p.target) return [p.target.number ?? p.target.ref, p.target.title].filter(Boolean).join(' ');
    const risk = risks.find((l) => l.risk_id === p.target_id)?.risk;
    if (risk) return `${risk.number} ${risk.title}`;
    const control = controls.find((o) => o.control_id === p.target_id)?.control;
    if (control) return `${control.ref} ${control.title}`;
    return p.target_type === 'action_item' ? 'Action item' : `${p.target_type} ${p.target_id}`;
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Nothing changes in the register until a risk owner decides.
        </Text>
        <Anchor component={Link} to="/reviews/proposals" size="sm">
          Decide proposals
        </Anchor>
      </Group>
      {proposals.isPending && <Skeleton h={60} />}
      {proposals.isError && <ProblemAlert error={proposals.error} title="The proposals could not be loaded" onRetry={() => void proposals.refetch()} />}
      {proposals.data && proposals.data.length === 0 && (
        <Text size="sm" c="dimmed">
          No proposals: link risks and record control outcomes or action items to give the review something to propose.
        </Text>
      )}
      <Stack gap="xs" role="list" aria-label="Proposals">
        {(proposals.data ?? []).map((p) => (
          <Paper key={p.id} withBorder p="sm" role="listitem">
            <Group gap="xs">
              <Badge variant="light" tt="none">
                {PROPOSAL_KIND_LABELS[p.kind] ?? p.kind.replace(/_/g, ' ')}
              </Badge>
              <Text size="sm" fw={600}>
                {targetName(p)}
              </Text>
              <Badge variant="outline" color={STATUS_COLORS[p.status] ?? 'gray'} tt="none">
                {p.status}
              </Badge>
            </Group>
            {p.reasoning?.text && (
              <Text size="sm" mt={4}>
                {p.reasoning.text}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
