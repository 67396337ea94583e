import { Code, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../format/time';
import { useAttackCatalogue, useIncidentTechniques, useTagTechnique, useUntagTechnique } from './queries';
import { AttackImport } from './AttackImport';
import { TacticColumn } from './TacticColumn';
import { StixExchange } from './StixExchange';
import { TechniquePicker } from './TechniquePicker';

/** The incident's MITRE ATT&CK techniques by tactic, a picker to add more, and the IOCs as a STIX 2.1 download. */
export function TechniquesTab({ incidentId, incidentNumber, canWrite }: { incidentId: string; incidentNumber: string; canWrite: boolean }) {
  const catalogue = useAttackCatalogue();
  const techniques = useIncidentTechniques(incidentId);
  const tag = useTagTechnique(incidentId);
  const untag = useUntagTechnique(incidentId);
  const canImport = useCan('intel.import');
  const imported = catalogue.data?.last_import ?? null;
  const all = [...(techniques.data?.by_tactic.flatMap((g) => g.techniques) ?? []), ...(techniques.data?.without_tactic ?? [])];
  const tagged = new Set(all.filter((t) => t.tags.some((x) => x.timeline_entry_id === null)).map((t) => t.technique_id));

  return (
    <Stack gap="md">
      {canWrite && imported && <TechniquePicker onPick={(id) => tag.mutate({ techniqueId: id })} disabled={tag.isPending} tagged={tagged} />}
      {tag.isError && <ProblemAlert error={tag.error} title="The technique could not be added" />}
      {untag.isError && <ProblemAlert error={untag.error} title="The technique could not be removed" />}
      {catalogue.data && !imported && (
        <Text size="sm" c="dimmed">
          No MITRE ATT&amp;CK catalogue yet, so there is nothing to pick from.{' '}
          {canImport ? (
            <>Import the Enterprise bundle once, below, or with <Code>bulwark attack import enterprise-attack.json</Code>.</>
          ) : (
            'Ask an incident manager or administrator to import it.'
          )}
        </Text>
      )}
      {catalogue.data && !imported && canImport && <AttackImport />}
      {(techniques.isPending || catalogue.isPending) && <Skeleton h={120} />}
      {techniques.isError && <ProblemAlert error={techniques.error} title="The techniques could not be loaded" onRetry={() => void techniques.refetch()} />}
      {techniques.data && techniques.data.count === 0 && imported && (
        <Text size="sm" c="dimmed">
          No techniques tagged yet. Map what the attacker did — initial access, execution, persistence… — so this incident can be compared with others and with your detections.
        </Text>
      )}
      {techniques.data && techniques.data.count > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {techniques.data.count} technique{techniques.data.count === 1 ? '' : 's'} across {techniques.data.by_tactic.length} tactic{techniques.data.by_tactic.length === 1 ? '' : 's'}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            {techniques.data.by_tactic.map((group) => (
              <TacticColumn key={group.tactic.id} title={group.tactic.name} subtitle={group.tactic.id} incidentId={incidentId} techniques={group.techniques} canWrite={canWrite} busy={untag.isPending} onRemove={(t, entry) => untag.mutate({ techniqueId: t.technique_id, timelineEntryId: entry })} />
            ))}
            {techniques.data.without_tactic.length > 0 && (
              <TacticColumn title="Other" subtitle="no tactic" incidentId={incidentId} techniques={techniques.data.without_tactic} canWrite={canWrite} busy={untag.isPending} onRemove={(t, entry) => untag.mutate({ techniqueId: t.technique_id, timelineEntryId: entry })} />
            )}
          </SimpleGrid>
        </>
      )}
      <StixExchange incidentId={incidentId} incidentNumber={incidentNumber} canImport={canImport} />
      {imported && (
        <Text size="xs" c="dimmed">
          ATT&amp;CK {imported.release ?? `(STIX ${imported.spec_version})`} imported {formatInstant(imported.imported_at)}: {imported.techniques} techniques, {imported.sub_techniques} sub-techniques.
        </Text>
      )}
    </Stack>
  );
}
