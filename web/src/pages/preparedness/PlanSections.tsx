import { Code, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMeta } from '../../meta/useMeta';
import { ItemsEditor } from './ItemsEditor';
import { minutesText } from './PlanDocumentView';
import { slugFor } from './planDraft';
import { AUDIENCE_LABELS, AUDIENCES, CHANNELS, TEMPLATE_VARIABLES, THIRD_PARTY_KIND_LABELS, THIRD_PARTY_KINDS, type CommunicationTemplate, type EscalationRule, type PlanContact, type PlanContent, type PlaybookLink, type Severity, type SeverityDefinition, type StatusUpdateCadence, type ThirdParty } from './types';

type Change = <K extends keyof PlanContent>(key: K, value: PlanContent[K]) => void;

const SEVERITY_OPTIONS = [1, 2, 3, 4].map((s) => ({ value: String(s), label: String(s) }));
const AUDIENCE_OPTIONS = AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }));
const dash = (v: string | undefined | null) => (v && v.trim() ? v : '—');

/** Gives new items a stable id from their name when they are added, so other sections can point at them at once. */
function withIds<T extends { id: string }>(items: T[], nameOf: (item: T) => string, fallback: string): T[] {
  const taken = items.map((i) => i.id).filter(Boolean);
  return items.map((item) => {
    if (item.id) return item;
    const id = slugFor(nameOf(item), taken, fallback);
    taken.push(id);
    return { ...item, id };
  });
}

export function BasicsSection({ content, change }: { content: PlanContent; change: Change }) {
  return (
    <Stack gap="sm">
      <TextInput label="Plan title" value={content.title} onChange={(e) => change('title', e.currentTarget.value)} required />
      <Textarea label="Scope" autosize minRows={2} value={content.scope} onChange={(e) => change('scope', e.currentTarget.value)} />
      <TextInput label="Meeting place" description="Where the team meets when the building or the network is unavailable" value={content.meeting_place} onChange={(e) => change('meeting_place', e.currentTarget.value)} />
      <TextInput label="Out-of-band channel" description="The bridge when corporate e-mail and chat are down (phone conference, Signal group…)" value={content.out_of_band_channel} onChange={(e) => change('out_of_band_channel', e.currentTarget.value)} />
    </Stack>
  );
}

export function TeamSection({ content, change }: { content: PlanContent; change: Change }) {
  const meta = useMeta();
  const nameOf = new Map(content.team.map((c) => [c.id, c.name]));
  return (
    <ItemsEditor<PlanContact>
      noun="contact"
      label="Team members"
      items={content.team}
      nameOf={(c) => c.name || 'contact'}
      empty={() => ({ id: '', name: '', title: '', incident_role: null, deputies: [] })}
      onChange={(team) => change('team', withIds(team, (c) => c.name, 'contact'))}
      columns={[
        { header: 'Name', cell: (c) => c.name },
        { header: 'Title', cell: (c) => dash(c.title) },
        { header: 'Incident role', cell: (c) => (c.incident_role ? meta.label('incident_roles', c.incident_role) : '—') },
        { header: 'Mobile (out of band)', cell: (c) => dash(c.mobile_phone) },
        { header: 'Personal e-mail', cell: (c) => dash(c.personal_email) },
        { header: 'Deputies', cell: (c) => c.deputies.map((d) => nameOf.get(d) ?? d).join(', ') || '—' },
      ]}
      fields={(editing) => [
        { key: 'name', label: 'Name', kind: 'text', required: true },
        { key: 'title', label: 'Job title', kind: 'text' },
        { key: 'incident_role', label: 'Incident role when called', kind: 'select', options: [{ value: '', label: '—' }, ...meta.incident_roles.map((r) => ({ value: r.id, label: r.label }))] },
        { key: 'mobile_phone', label: 'Mobile phone', kind: 'text', description: 'Out of band: works when corporate systems are down' },
        { key: 'personal_email', label: 'Personal e-mail', kind: 'text', description: 'Out of band' },
        { key: 'work_email', label: 'Work e-mail', kind: 'text' },
        { key: 'deputies', label: 'Deputies', kind: 'checks', options: content.team.filter((c) => c.id && c.id !== editing.id).map((c) => ({ value: c.id, label: c.name })) },
        { key: 'notes', label: 'Notes', kind: 'textarea' },
      ]}
    />
  );
}

export function SeveritySection({ content, change }: { content: PlanContent; change: Change }) {
  return (
    <ItemsEditor<SeverityDefinition>
      noun="severity definition"
      label="Severity definitions"
      items={content.severity_definitions}
      nameOf={(d) => `severity ${d.severity}`}
      empty={() => ({ severity: 4 as Severity, name: '', description: '', examples: [] })}
      onChange={(list) => change('severity_definitions', list)}
      columns={[
        { header: 'Severity', cell: (d) => d.severity },
        { header: 'Name', cell: (d) => d.name },
        { header: 'Description', cell: (d) => dash(d.description) },
      ]}
      fields={() => [
        { key: 'severity', label: 'Severity', kind: 'select', options: SEVERITY_OPTIONS, numeric: true },
        { key: 'name', label: 'Name', kind: 'text', required: true },
        { key: 'description', label: 'Description', kind: 'textarea' },
        { key: 'examples', label: 'Examples', kind: 'lines' },
      ]}
    />
  );
}

export function EscalationSection({ content, change }: { content: PlanContent; change: Change }) {
  const nameOf = new Map(content.team.map((c) => [c.id, c.name]));
  return (
    <ItemsEditor<EscalationRule>
      noun="escalation rule"
      label="Escalation rules"
      items={content.escalation_rules}
      nameOf={(r) => `rule for severity ${r.severities.join(', ')}`}
      empty={() => ({ id: '', severities: [1], categories: [], contact_ids: [], respond_within_minutes: 30 })}
      onChange={(rules) => change('escalation_rules', withIds(rules, (r) => `severity-${r.severities.join('-')}`, 'rule'))}
      hint={<Text size="sm" c="dimmed">When an incident opens or its severity changes, the people of every matching rule are called.</Text>}
      columns={[
        { header: 'Severity', cell: (r) => r.severities.join(', ') },
        { header: 'Categories', cell: (r) => r.categories.join(', ') || 'Any' },
        { header: 'Call', cell: (r) => r.contact_ids.map((id) => nameOf.get(id) ?? id).join(', ') },
        { header: 'Respond within', cell: (r) => minutesText(r.respond_within_minutes) },
      ]}
      fields={() => [
        { key: 'severities', label: 'At severity', kind: 'checks', options: SEVERITY_OPTIONS, numeric: true },
        { key: 'categories', label: 'Only for categories', kind: 'lines', description: 'Category keys, one per line; empty: every category' },
        { key: 'contact_ids', label: 'Call', kind: 'checks', options: content.team.map((c) => ({ value: c.id, label: c.name })) },
        { key: 'respond_within_minutes', label: 'Respond within (minutes)', kind: 'number', min: 1 },
      ]}
    />
  );
}

export function TemplatesSection({ content, change }: { content: PlanContent; change: Change }) {
  return (
    <ItemsEditor<CommunicationTemplate>
      noun="template"
      label="Communication templates"
      items={content.templates}
      nameOf={(t) => t.name || 'template'}
      empty={() => ({ id: '', name: '', audience: 'staff', channel: 'email', holding_statement: false, subject: '', body: '' })}
      onChange={(list) => change('templates', withIds(list, (t) => t.name, 'template'))}
      hint={<Text size="sm" c="dimmed">Variables in double braces are filled from the incident: {TEMPLATE_VARIABLES.map((v) => <Code key={v} mr={4}>{`{{${v}}}`}</Code>)}</Text>}
      columns={[
        { header: 'Name', cell: (t) => t.name },
        { header: 'Audience', cell: (t) => AUDIENCE_LABELS[t.audience] },
        { header: 'Channel', cell: (t) => t.channel.replace(/_/g, ' ') },
        { header: 'Holding statement', cell: (t) => (t.holding_statement ? 'Yes' : 'No') },
      ]}
      fields={() => [
        { key: 'name', label: 'Name', kind: 'text', required: true },
        { key: 'audience', label: 'Audience', kind: 'select', options: AUDIENCE_OPTIONS },
        { key: 'channel', label: 'Channel', kind: 'select', options: CHANNELS.map((c) => ({ value: c, label: c.replace(/_/g, ' ') })) },
        { key: 'holding_statement', label: 'Holding statement (for the media, before the facts are known)', kind: 'checkbox' },
        { key: 'subject', label: 'Subject', kind: 'text' },
        { key: 'body', label: 'Body', kind: 'textarea' },
      ]}
    />
  );
}

export function ThirdPartiesSection({ content, change }: { content: PlanContent; change: Change }) {
  return (
    <ItemsEditor<ThirdParty>
      noun="third party"
      label="Third-party contacts"
      items={content.third_parties}
      nameOf={(t) => t.name || 'third party'}
      empty={() => ({ id: '', kind: 'ir_retainer', name: '' })}
      onChange={(list) => change('third_parties', withIds(list, (t) => t.name, 'party'))}
      columns={[
        { header: 'Kind', cell: (t) => THIRD_PARTY_KIND_LABELS[t.kind] },
        { header: 'Name', cell: (t) => t.name },
        { header: 'Phone', cell: (t) => dash(t.phone) },
        { header: 'Policy / contract', cell: (t) => dash(t.policy_number ?? t.contract_reference) },
        { header: 'Claim hotline', cell: (t) => dash(t.hotline) },
      ]}
      fields={(editing) => [
        { key: 'kind', label: 'Kind', kind: 'select', options: THIRD_PARTY_KINDS.map((k) => ({ value: k, label: THIRD_PARTY_KIND_LABELS[k] })) },
        { key: 'name', label: 'Name', kind: 'text', required: true },
        { key: 'contact_name', label: 'Contact person', kind: 'text' },
        { key: 'phone', label: 'Phone', kind: 'text' },
        { key: 'email', label: 'E-mail', kind: 'text' },
        { key: 'contract_reference', label: 'Contract / retainer reference', kind: 'text' },
        ...(editing.kind === 'cyber_insurer'
          ? ([{ key: 'policy_number', label: 'Policy number', kind: 'text' }, { key: 'hotline', label: 'Claim hotline', kind: 'text' }] as const)
          : []),
        { key: 'notes', label: 'Notes', kind: 'textarea' },
      ]}
    />
  );
}

export function PlaybooksSection({ content, change }: { content: PlanContent; change: Change }) {
  return (
    <ItemsEditor<PlaybookLink>
      noun="playbook"
      label="Playbook links"
      items={content.playbooks}
      nameOf={(p) => p.title || 'playbook'}
      empty={() => ({ id: '', title: '', location: '', categories: [] })}
      onChange={(list) => change('playbooks', withIds(list, (p) => p.title, 'playbook'))}
      columns={[
        { header: 'Playbook', cell: (p) => p.title },
        { header: 'Where', cell: (p) => p.location },
        { header: 'For', cell: (p) => p.categories.join(', ') || 'Any incident' },
      ]}
      fields={() => [
        { key: 'title', label: 'Title', kind: 'text', required: true },
        { key: 'location', label: 'Where to find it', kind: 'text', description: 'A URL or a document reference; the offline copy shows it as text' },
        { key: 'categories', label: 'For categories', kind: 'lines', description: 'Category keys, one per line; empty: any incident' },
      ]}
    />
  );
}

export function CadenceSection({ content, change }: { content: PlanContent; change: Change }) {
  return (
    <ItemsEditor<StatusUpdateCadence>
      noun="status-update cadence"
      label="Status-update cadence"
      items={content.status_update_cadence}
      nameOf={(c) => `cadence for severity ${c.severity}`}
      empty={() => ({ severity: 3 as Severity, every_minutes: 480, audience: 'executives' })}
      onChange={(list) => change('status_update_cadence', list)}
      columns={[
        { header: 'Severity', cell: (c) => c.severity },
        { header: 'Every', cell: (c) => minutesText(c.every_minutes) },
        { header: 'To', cell: (c) => AUDIENCE_LABELS[c.audience] },
      ]}
      fields={() => [
        { key: 'severity', label: 'Severity', kind: 'select', options: SEVERITY_OPTIONS, numeric: true },
        { key: 'every_minutes', label: 'Every (minutes)', kind: 'number', min: 1 },
        { key: 'audience', label: 'To', kind: 'select', options: AUDIENCE_OPTIONS },
      ]}
    />
  );
}
