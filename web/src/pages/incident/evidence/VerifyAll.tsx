import { Alert, Button, List, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useVerifyAll } from './queries';
import type { Evidence } from './types';

const WORDS = { match: '✓ matches', mismatch: '✗ does NOT match', missing: '✗ stored file missing' } as const;

export function VerifyAllButton({ verify }: { verify: ReturnType<typeof useVerifyAll> }) {
  return (
    <Button size="xs" variant="default" leftSection={<IconShieldCheck size={14} aria-hidden />} onClick={() => verify.mutate()} loading={verify.isPending}>
      Verify all
    </Button>
  );
}

/** What re-hashing every stored file found, item by item. */
export function VerifyAllResult({ verify, items }: { verify: ReturnType<typeof useVerifyAll>; items: Evidence[] }) {
  if (verify.error) return <ProblemAlert error={verify.error} title="The files could not be verified" />;
  const answer = verify.data;
  if (!answer) return null;
  const numberOf = (id: string) => items.find((i) => i.id === id)?.number ?? id;
  const failed = answer.mismatches > 0;
  return (
    <Alert color={failed ? 'red' : 'teal'} title={failed ? `${answer.mismatches} of ${answer.items.length} items failed the integrity check` : answer.items.length === 1 ? 'The stored file matches its recorded SHA-256' : `All ${answer.items.length} stored files match their recorded SHA-256`} role="status" withCloseButton onClose={() => verify.reset()} closeButtonLabel="Dismiss">
      {answer.items.length === 0 ? (
        <Text size="sm">There are no stored files to verify.</Text>
      ) : (
        <List size="sm" spacing={2}>
          {answer.items.map((r) => (
            <List.Item key={r.evidence_id}>
              {numberOf(r.evidence_id)}: {WORDS[r.status]}
            </List.Item>
          ))}
        </List>
      )}
      {failed && <Text size="sm" mt="xs">An alert was raised on the incident and the failure is in the custody log and the audit log.</Text>}
    </Alert>
  );
}
