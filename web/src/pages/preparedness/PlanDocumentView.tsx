import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { AUDIENCE_LABELS, THIRD_PARTY_KIND_LABELS, type PlanContent } from './types';

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—');
export const minutesText = (m: number) => (m % 60 === 0 ? `${m / 60} h` : m > 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`);
const roleText = (role: string | null | undefined) => (role ? role.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : '—');

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `plan-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <Title order={3} id={id} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Grid({ label, head, rows, empty }: { label: string; head: string[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <Text c="dimmed" size="sm">{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped withTableBorder aria-label={label} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>{head.map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((cells, i) => (
            <Table.Tr key={i}>{cells.map((c, j) => <Table.Td key={j} style={{ whiteSpace: 'pre-wrap' }}>{c}</Table.Td>)}</Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The plan as a document to read: the out-of-band essentials first, then who, when, what to say and who helps. */
export function PlanDocumentView({ content }: { content: PlanContent }) {
  const contactName = new Map(content.team.map((c) => [c.id, c.name]));
  const names = (ids: string[]) => (ids.length ? ids.map((id) => contactName.get(id) ?? id).join(', ') : '—');
  const severityName = new Map(content.severity_definitions.map((d) => [d.severity, d.name]));
  const severity = (s: number) => `${s} ${severityName.get(s as 1) ?? ''}`.trim();
  return (
    <Stack gap="lg">
      <Card withBorder padding="sm">
        <Stack gap={4}>
          <Text size="sm"><b>Meeting place:</b> {dash(content.meeting_place)}</Text>
          <Text size="sm"><b>Out-of-band channel:</b> {dash(content.out_of_band_channel)}</Text>
          {content.scope && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}><b>Scope:</b> {content.scope}</Text>}
        </Stack>
      </Card>
      <Section title="Team and contacts">
        <Grid
          label="Team and contacts"
          head={['Name', 'Title', 'Incident role', 'Mobile (out of band)', 'Personal e-mail', 'Work e-mail', 'Deputies']}
          rows={content.team.map((c) => [c.name, dash(c.title), roleText(c.incident_role), dash(c.mobile_phone), dash(c.personal_email), dash(c.work_email), names(c.deputies)])}
          empty="No one is in the team yet. Add the people who respond, with a phone number that works when corporate systems are down."
        />
      </Section>
      <Section title="Escalation matrix">
        <Grid
          label="Escalation matrix"
          head={['Severity', 'Categories', 'Call', 'Respond within']}
          rows={content.escalation_rules.map((r) => [r.severities.map(severity).join(', '), r.categories.length ? r.categories.join(', ') : 'Any', names(r.contact_ids), minutesText(r.respond_within_minutes)])}
          empty="No escalation rules: nobody is called automatically when an incident opens."
        />
      </Section>
      <Section title="Severity definitions">
        <Grid
          label="Severity definitions"
          head={['Severity', 'Name', 'Description', 'Examples']}
          rows={[...content.severity_definitions].sort((a, b) => a.severity - b.severity).map((d) => [String(d.severity), d.name, dash(d.description), d.examples.join('\n') || '—'])}
          empty="No severity definitions."
        />
      </Section>
      <Section title="Status updates">
        <Grid label="Status-update cadence" head={['Severity', 'Every', 'To']} rows={content.status_update_cadence.map((c) => [severity(c.severity), minutesText(c.every_minutes), AUDIENCE_LABELS[c.audience]])} empty="No status-update cadence." />
      </Section>
      <Section title="Third parties">
        <Grid
          label="Third parties"
          head={['Kind', 'Name', 'Contact', 'Phone', 'E-mail', 'Contract', 'Policy number', 'Claim hotline']}
          rows={content.third_parties.map((t) => [THIRD_PARTY_KIND_LABELS[t.kind], t.name, dash(t.contact_name), dash(t.phone), dash(t.email), dash(t.contract_reference), dash(t.policy_number), dash(t.hotline)])}
          empty="No third parties: add your IR retainer, outside counsel and cyber insurer before you need them."
        />
      </Section>
      <Section title="Playbooks">
        <Grid label="Playbooks" head={['Playbook', 'Where', 'For']} rows={content.playbooks.map((p) => [p.title, p.location, p.categories.join(', ') || 'Any incident'])} empty="No playbooks linked." />
      </Section>
      <Section title="Communication templates">
        {content.templates.length === 0 ? (
          <Text c="dimmed" size="sm">No templates. Prepared holding statements save hours when the media call.</Text>
        ) : (
          <Stack gap="sm">
            {content.templates.map((t) => (
              <Card key={t.id} withBorder padding="sm" aria-label={`Template ${t.name}`}>
                <Group gap="xs" mb={4}>
                  <Text fw={600}>{t.name}</Text>
                  <Badge variant="light">{AUDIENCE_LABELS[t.audience]}</Badge>
                  <Badge variant="outline">{t.channel.replace(/_/g, ' ')}</Badge>
                  {t.holding_statement && <Badge color="grape">Holding statement</Badge>}
                </Group>
                <Text size="sm"><b>Subject:</b> {dash(t.subject)}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{t.body}</Text>
              </Card>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
