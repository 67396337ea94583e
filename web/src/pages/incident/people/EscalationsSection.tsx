import { Anchor, Button, Group, Paper, Skeleton, Table, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../auth/session';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../format/time';
import { useMeta } from '../../../meta/useMeta';
import { usePersonName } from '../queries';
import { EscalationsAckDialog } from './EscalationsAckDialog';
import { useEscalations, type Escalation } from './EscalationsQueries';

const VIA: Record<NonNullable<Escalation['acknowledged_via']>, string> = { app: 'in Bulwark', link: 'by e-mail link', phone: 'by phone' };

/** Minutes past the deadline now (the list is fetched once; the clock keeps moving). */
function minutesLate(escalation: Escalation, now: number): number {
  if (escalation.acknowledged_at || !escalation.acknowledge_by) return 0;
  const late = now - Date.parse(escalation.acknowledge_by);
  return late > 0 ? Math.max(1, Math.floor(late / 60_000)) : 0;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Who the response plan's escalation matrix called, why, how to reach them, and whether they answered. */
export function EscalationsSection({ incidentId, canManage }: { incidentId: string; canManage: boolean }) {
  const meta = useMeta();
  const me = useCurrentUser();
  const personName = usePersonName();
  const escalations = useEscalations(incidentId);
  const now = useNow(30_000);
  const [acknowledging, setAcknowledging] = useState<{ escalation: Escalation; onBehalf: boolean } | null>(null);

  if (escalations.isPending) return <Skeleton h={80} />;
  if (escalations.isError) return <ProblemAlert error={escalations.error} title="The escalations could not be loaded" onRetry={() => void escalations.refetch()} />;
  if (escalations.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nobody was called by the escalation matrix. When an incident opens or its severity rises, the approved response plan calls the people it names for that severity and category, by e-mail with an acknowledgement link, and gives them their roles. Set the matrix up under <Anchor component={Link} to="/preparedness/plan">Preparedness</Anchor>.
      </Text>
    );
  }
  const byName = new Map(escalations.data.map((e) => [e.id, e.contact_name]));
  const why = (e: Escalation) =>
    e.trigger === 'deputy' ? `Deputy for ${byName.get(e.rule_id) ?? 'someone who did not answer'}` : `${e.trigger === 'opened' ? 'Opened' : 'Severity raised'} at severity ${e.severity} (rule ${e.rule_id})`;

  return (
    <>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label="Escalations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Called</Table.Th>
                <Table.Th>When and why</Table.Th>
                <Table.Th>Reached by</Table.Th>
                <Table.Th>Acknowledgement</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {escalations.data.map((e) => {
                const late = minutesLate(e, now);
                const own = e.user_id !== null && e.user_id === me.id;
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>{e.contact_name}</Text>
                      <Text size="xs" c="dimmed">
                        {[e.contact_title, e.incident_role ? `plan role: ${meta.label('incident_roles', e.incident_role)}` : null].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatInstant(e.notified_at)}</Text>
                      <Text size="xs" c="dimmed">{why(e)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.emailed_to.length ? `E-mail: ${e.emailed_to.join(', ')}` : 'No e-mail address: phone them'}</Text>
                      {e.mobile_phone && (
                        <Text size="xs">
                          Mobile: <Anchor href={`tel:${e.mobile_phone.replace(/[^+\d]/g, '')}`}>{e.mobile_phone}</Anchor>
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {e.acknowledged_at ? (
                        <Group gap={6} wrap="nowrap">
                          <ThemeIcon size="sm" variant="light" color="green" aria-hidden><IconCircleCheck size={14} /></ThemeIcon>
                          <div>
                            <Text size="sm">Acknowledged {VIA[e.acknowledged_via ?? 'app']}</Text>
                            <Text size="xs" c="dimmed">{formatInstant(e.acknowledged_at)}{e.acknowledged_via === 'phone' ? `, recorded by ${personName(e.acknowledged_by)}` : ''}</Text>
                          </div>
                        </Group>
                      ) : e.unanswered_at ? (
                        <Group gap={6} wrap="nowrap">
                          <ThemeIcon size="sm" variant="filled" color="red" aria-hidden><IconAlertTriangle size={14} /></ThemeIcon>
                          <div>
                            <Text size="sm" c="red" fw={700}>Nobody answered — no deputy left: phone them</Text>
                            <Text size="xs" c="dimmed">managers told {formatInstant(e.unanswered_at)}</Text>
                          </div>
                        </Group>
                      ) : late > 0 ? (
                        <Group gap={6} wrap="nowrap">
                          <ThemeIcon size="sm" variant="light" color="red" aria-hidden><IconAlertTriangle size={14} /></ThemeIcon>
                          <Text size="sm" c="red" fw={600}>Waiting — overdue by {late} min</Text>
                        </Group>
                      ) : (
                        <Group gap={6} wrap="nowrap">
                          <ThemeIcon size="sm" variant="light" color="gray" aria-hidden><IconClock size={14} /></ThemeIcon>
                          <div>
                            <Text size="sm">Waiting</Text>
                            {e.acknowledge_by && <Text size="xs" c="dimmed">due {formatInstant(e.acknowledge_by)}</Text>}
                          </div>
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {!e.acknowledged_at && own && (
                        <Button size="compact-sm" onClick={() => setAcknowledging({ escalation: e, onBehalf: false })}>
                          Acknowledge
                        </Button>
                      )}
                      {!e.acknowledged_at && !own && canManage && (
                        <Button size="compact-sm" variant="light" aria-label={`Record acknowledgement for ${e.contact_name}`} onClick={() => setAcknowledging({ escalation: e, onBehalf: true })}>
                          Record acknowledgement
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <EscalationsAckDialog incidentId={incidentId} escalation={acknowledging?.escalation ?? null} onBehalf={acknowledging?.onBehalf ?? false} onClose={() => setAcknowledging(null)} />
    </>
  );
}

