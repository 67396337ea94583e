import { Anchor, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../format/time';
import { AdminFrame } from '../admin/AdminFrame';
import { attackRelease, AttackImport } from './AttackImport';
import { useAttackCatalogue } from './queries';

/** Admin → ATT&CK: which MITRE ATT&CK release the technique picker offers, and importing a newer one. */
export function AdminAttackPage() {
  return (
    <AdminFrame>
      <AttackCatalogueAdmin />
    </AdminFrame>
  );
}

function AttackCatalogueAdmin() {
  const catalogue = useAttackCatalogue();
  const current = catalogue.data?.last_import ?? null;
  return (
    <Stack gap="sm" maw={900}>
      <Text size="sm" c="dimmed">
        Incidents and timeline entries are tagged with techniques from this catalogue. MITRE publishes a new ATT&amp;CK release about twice a year; download{' '}
        <Anchor href="https://github.com/mitre-attack/attack-stix-data" target="_blank" rel="noreferrer" size="sm">enterprise-attack.json</Anchor> and import it here
        (or run <Text span ff="monospace" size="sm">bulwark attack import FILE</Text>).
      </Text>
      {catalogue.isPending && <Skeleton h={40} />}
      {catalogue.isError && <ProblemAlert error={catalogue.error} title="The catalogue could not be loaded" onRetry={() => void catalogue.refetch()} />}
      {catalogue.data && (
        <Paper withBorder radius="md" p="sm" component="section" aria-label="Imported ATT&CK version">
          <Text size="sm">
            {current ? (
              <>
                Now: <strong>{attackRelease(current)}</strong>, imported {formatInstant(current.imported_at)} — {catalogue.data.tactics.length} tactics, {current.techniques} techniques,{' '}
                {current.sub_techniques} sub-techniques.
              </>
            ) : (
              'No ATT&CK catalogue imported yet: the technique picker has nothing to offer.'
            )}
          </Text>
        </Paper>
      )}
      <AttackImport />
    </Stack>
  );
}
