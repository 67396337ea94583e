import { Alert, Anchor, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { IncidentDetail } from '../../../api/types';
import { useCan, useCurrentUser } from '../../../auth/session';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { DeadlineChart } from './DeadlineChart';
import { DecisionRecords } from './DecisionRecords';
import { FactsForm } from './FactsForm';
import { ObligationsTable } from './ObligationsTable';
import { useFacts, useObligations } from './queries';

const DECIDING_ROLES = ['legal', 'executive_sponsor', 'incident_commander'];

/**
 * Regulatory and contractual notifications: the facts that drive them, the signed decisions that start
 * their clocks, and the obligations with count-downs. The server decides who may do what; this only
 * hides buttons that would be refused.
 */
export function ObligationsTab({ incident }: { incident: IncidentDetail }) {
  const me = useCurrentUser();
  const roles = incident.members.filter((m) => m.user_id === me.id && m.released_at === null).map((m) => m.role);
  const canWriteFacts = useCan('obligation.write');
  const canSign = useCan('decision.record') || roles.some((r) => DECIDING_ROLES.includes(r));
  const canAct = canWriteFacts || roles.includes('legal');
  const facts = useFacts(incident.id);
  const obligations = useObligations(incident.id);

  return (
    <Stack gap="md">
      <Stack gap="xs" component="section" aria-label="Notification obligations">
        <Title order={3} size="h4">Notification obligations</Title>
        {obligations.isPending && <Skeleton h={80} />}
        {obligations.isError && <ProblemAlert error={obligations.error} title="The obligations could not be loaded" onRetry={() => void obligations.refetch()} />}
        {obligations.data && obligations.data.length === 0 && (
          <Alert variant="light" color="gray">
            <Text size="sm">
              No notifications owed{facts.data ? ' under these facts and decisions' : ' yet: record the incident facts below'}. Which laws apply depends on the{' '}
              <Anchor component={Link} to="/admin/organisation-profile">organisation profile</Anchor> (EU or UK controller, NIS2, DORA, SEC, HIPAA, your own contracts).
            </Text>
          </Alert>
        )}
        {obligations.data && obligations.data.length > 0 && (
          <>
            <ObligationsTable items={obligations.data} canAct={canAct} />
            <DeadlineChart items={obligations.data} />
          </>
        )}
      </Stack>
      <DecisionRecords incidentId={incident.id} canSign={canSign} />
      {facts.isPending && <Skeleton h={200} />}
      {facts.isError && <ProblemAlert error={facts.error} title="The facts could not be loaded" onRetry={() => void facts.refetch()} />}
      {facts.data !== undefined && <FactsForm incidentId={incident.id} facts={facts.data} canWrite={canWriteFacts} />}
    </Stack>
  );
}
