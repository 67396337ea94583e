import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentUser, useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TlpBadge } from '../../components/TlpBadge';
import { formatInstant } from '../../format/time';
import { evidenceAbilities, isCheckedOut } from '../incident/evidence/abilities';
import { CopyHash } from '../incident/evidence/CopyHash';
import { EvidenceBadges } from '../incident/evidence/EvidenceBadges';
import { formatBytes } from '../incident/evidence/evidenceFormat';
import { useCustody, useEvidence } from '../incident/evidence/queries';
import { kindLabel, type Evidence } from '../incident/evidence/types';
import { ChainBadge, CustodyTimeline } from './CustodyTimeline';
import { EditEvidenceDialog } from './EditEvidenceDialog';
import { EvidenceActions } from './EvidenceActions';

function Section({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  const id = `evidence-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5" id={id}>{title}</Title>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{children || '—'}</Text>
    </div>
  );
}

function Metadata({ item }: { item: Evidence }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      <Fact label="Kind">{kindLabel(item.kind)}</Fact>
      <Fact label="Source">{item.source}</Fact>
      <Fact label="Collected by">{item.collected_by}</Fact>
      <Fact label="Collected at">{item.collected_at ? formatInstant(item.collected_at) : ''}</Fact>
      <Fact label="Acquisition tool">{item.acquisition_tool}</Fact>
      <Fact label="Holder">{item.holder?.name ?? ''}{item.pending_holder ? ` (handing over to ${item.pending_holder.name})` : ''}</Fact>
      {item.file_name !== null && <Fact label="File">{`${item.file_name} · ${formatBytes(item.size_bytes)} (${item.size_bytes ?? 0} bytes) · ${item.media_type ?? ''}`}</Fact>}
      {(item.serial_numbers.length > 0 || item.file_name === null) && <Fact label="Serial numbers">{item.serial_numbers.join(', ')}</Fact>}
      {(item.physical_location || item.file_name === null) && <Fact label="Physical location">{item.physical_location}</Fact>}
      <Fact label="Tags">{item.tags.join(', ')}</Fact>
      <Fact label="Legal hold">{item.legal_hold ? `Yes: ${item.legal_hold_reason}` : 'No'}</Fact>
      <Fact label="Retain until">{item.retain_until ? formatInstant(item.retain_until) : ''}</Fact>
      <Fact label="Last verified">{item.last_verified_at ? `${formatInstant(item.last_verified_at)} (${item.last_verification ?? ''})` : 'Never'}</Fact>
      <Fact label="Description">{item.description}</Fact>
      <Fact label="Acquisition notes">{item.acquisition_notes}</Fact>
    </SimpleGrid>
  );
}

/** One evidence item: what it is, its hashes, who holds it, every hand that touched it, and what may be done next. */
export function EvidencePage() {
  const { id = '' } = useParams();
  const item = useEvidence(id);
  const custody = useCustody(id);
  const me = useCurrentUser();
  const { permissions } = useSession();
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    if (!item.data) return;
    document.title = `${item.data.number} · ${item.data.title} · Bulwark`;
    return () => {
      document.title = 'Bulwark';
    };
  }, [item.data]);

  if (item.isPending) return <Skeleton h={320} aria-label="Loading the evidence item" />;
  if (item.isError) return <ProblemAlert error={item.error} title="The evidence item could not be loaded" onRetry={() => void item.refetch()} />;
  const evidence = item.data;
  const checkedOut = isCheckedOut(custody.data?.items ?? []);
  const can = evidenceAbilities(evidence, me.id, permissions, checkedOut);

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={`/incidents/${evidence.incident_id}?tab=evidence`} size="sm">
          ← {evidence.incident_number}: evidence
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1} size="h3">
            <Text span ff="monospace" inherit>{evidence.number}</Text> {evidence.title}
          </Title>
          <TlpBadge tlp={evidence.tlp} />
          <EvidenceBadges item={evidence} />
        </Group>
        <EvidenceActions item={evidence} checkedOut={checkedOut} />
      </Stack>

      <Section title="Details" aside={can.edit && <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>Edit</Button>}>
        <Metadata item={evidence} />
      </Section>

      {evidence.sha256 && (
        <Section title="Hashes">
          <Stack gap="xs">
            {(['sha256', 'sha1', 'md5'] as const).map((algorithm) => (
              <Group key={algorithm} gap="sm" wrap="nowrap">
                <Text size="sm" w={70} fw={600}>{algorithm === 'sha256' ? 'SHA-256' : algorithm === 'sha1' ? 'SHA-1' : 'MD5'}</Text>
                <CopyHash value={evidence[algorithm]} label={algorithm === 'sha256' ? 'SHA-256' : algorithm === 'sha1' ? 'SHA-1' : 'MD5'} full />
              </Group>
            ))}
          </Stack>
        </Section>
      )}

      <Section title="Chain of custody" aside={custody.data && <ChainBadge chain={custody.data.chain} />}>
        {custody.isPending ? (
          <Skeleton h={160} aria-label="Loading the custody log" />
        ) : custody.isError ? (
          <ProblemAlert error={custody.error} title="The custody log could not be loaded" onRetry={() => void custody.refetch()} />
        ) : (
          <CustodyTimeline log={custody.data} />
        )}
      </Section>

      {editing && <EditEvidenceDialog item={evidence} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
