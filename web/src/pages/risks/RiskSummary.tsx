import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useUsers } from '../../components/UserSelect';
import { formatInstant } from '../../format/time';
import { RelativeTime } from '../../format/RelativeTime';
import { formatMoney } from './fair';
import { humanise } from './labels';
import { LevelBadge } from './LevelBadge';
import { levelName } from './matrix';
import { TREATMENT_LABELS } from './treatment';
import type { RiskDetail, RiskMatrix } from './types';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-label={title}>
      <Stack gap={6}>
        <Title order={2} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Group gap="xs" wrap="nowrap" align="flex-start">
    <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
      {label}
    </Text>
    <Text size="sm" component="div">
      {children}
    </Text>
  </Group>
);

export function RiskSummary({ risk, matrix, currency }: { risk: RiskDetail; matrix: RiskMatrix | undefined; currency: string }) {
  const users = useUsers();
  const name = (id: unknown) => (typeof id === 'string' ? (users.data?.find((u) => u.id === id)?.name ?? id) : '—');
  const details = risk.treatment_details ?? {};
  const lname = (kind: 'l' | 'i', id: string | null | undefined) => (id ? ((kind === 'l' ? matrix?.likelihood_levels : matrix?.impact_levels)?.find((l) => l.id === id)?.name ?? humanise(id)) : '—');
  const residual = risk.residual ?? { likelihood: risk.residual_likelihood ?? '', impact: risk.residual_impact ?? '', level: risk.residual_level, assessed: Boolean(risk.residual_likelihood) };
  const lowering = (risk.controls ?? []).filter((c) => (c.effectiveness ?? 0) > 0 && c.implementation_status !== 'not_applicable');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <Block title="Scenario">
        {risk.description && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{risk.description}</Text>}
        <Field label="Threat">{risk.threat || '—'}</Field>
        <Field label="Vulnerability">{risk.vulnerability || '—'}</Field>
        <Field label="Category">{humanise(risk.category)}</Field>
        <Field label="Owner">{name(risk.owner_id)}</Field>
        <Field label="Tags">{risk.tags?.length ? risk.tags.join(', ') : '—'}</Field>
      </Block>
      <Block title="Scores">
        <Table fz="sm" aria-label="Scores">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>Likelihood</Table.Th>
              <Table.Th>Impact</Table.Th>
              <Table.Th>Level</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>Inherent</Table.Td>
              <Table.Td>{lname('l', risk.inherent_likelihood)}</Table.Td>
              <Table.Td>{lname('i', risk.inherent_impact)}</Table.Td>
              <Table.Td>
                <LevelBadge matrix={matrix} level={risk.inherent_level} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>Residual</Table.Td>
              <Table.Td>{lname('l', residual.likelihood)}</Table.Td>
              <Table.Td>{lname('i', residual.impact)}</Table.Td>
              <Table.Td>
                <LevelBadge matrix={matrix} level={residual.level} />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {residual.assessed ? 'Residual scores assessed by the owner.' : 'Residual scores derived from the controls below.'}
        </Text>
        {lowering.length > 0 ? (
          <List size="sm" spacing={2} aria-label="Controls lowering the risk">
            {lowering.map((c) => (
              <List.Item key={c.control_id}>
                <Text span ff="monospace" size="sm">{c.ref}</Text> {c.title} — {c.effectiveness ?? 0} % effective ({humanise(c.implementation_status)})
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">No effective control lowers this risk yet.</Text>
        )}
        <Field label="Annual loss (mean)">{formatMoney(risk.annual_loss_mean, currency)}</Field>
        <Field label="Annual loss (p90)">{formatMoney(risk.annual_loss_p90, currency)}</Field>
      </Block>
      <Block title="Treatment">
        <Field label="Decision">{risk.treatment ? TREATMENT_LABELS[risk.treatment] : 'Undecided'}</Field>
        {risk.treatment === 'mitigate' && <Field label="Plan">{String(details.plan ?? '') || '—'}</Field>}
        {risk.treatment === 'accept' && (
          <>
            <Field label="Accepted by">{name(details.accepted_by)}</Field>
            <Field label="Accepted at">{formatInstant(String(details.accepted_at ?? ''))}</Field>
            <Field label="Reason">{String(details.reason ?? '')}</Field>
            <Field label="Until">
              <RelativeTime iso={typeof details.until === 'string' ? details.until : null} />
            </Field>
          </>
        )}
        {risk.treatment === 'transfer' && (
          <>
            <Field label="Through">{humanise(String(details.kind ?? ''))}</Field>
            <Field label="Party">{String(details.party ?? '')}</Field>
            <Field label="Reference">{String(details.reference ?? '')}</Field>
          </>
        )}
        {risk.treatment === 'avoid' && <Field label="How">{String(details.note ?? '') || '—'}</Field>}
        {risk.over_appetite && !risk.treatment && (
          <Text size="sm" c="red">
            This risk is over appetite ({levelName(matrix, risk.residual_level)}) and needs a treatment decision.
          </Text>
        )}
      </Block>
      <Block title="Review">
        <Field label="Cadence">every {risk.review_cadence_days} days</Field>
        <Field label="Last reviewed">
          <RelativeTime iso={risk.last_reviewed_at} fallback="never" />
        </Field>
        <Field label="Next review">
          <RelativeTime iso={risk.next_review_at} />
        </Field>
      </Block>
      <Block title="Assets">
        {risk.assets?.length ? (
          <Group gap={4}>
            {risk.assets.map((a) => (
              <Badge key={a.id} component="a" href={`/assets/${a.id}`} variant="default" tt="none" style={{ cursor: 'pointer' }}>
                {a.name} · {humanise(a.kind)}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">No asset linked.</Text>
        )}
      </Block>
      <Block title="Techniques and playbooks">
        <Field label="ATT&CK">{risk.techniques?.length ? risk.techniques.join(', ') : '—'}</Field>
        {risk.playbooks?.length ? (
          <List size="sm">
            {risk.playbooks.map((p) => (
              <List.Item key={p.url}>
                <Anchor href={p.url} target="_blank" rel="noreferrer">
                  {p.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">No playbook linked.</Text>
        )}
      </Block>
    </SimpleGrid>
  );
}
