import { Anchor, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useSuggestedPlaybooks } from './queries';
import { groupPlaybooks, isWebAddress } from './types';

/** The playbooks the linked (and suggested) risks name for when they materialise. */
export function SuggestedPlaybooks({ incidentId }: { incidentId: string }) {
  const playbooks = useSuggestedPlaybooks(incidentId);
  const grouped = groupPlaybooks(playbooks.data ?? []);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="playbooks-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="playbooks-title">
          Playbooks to use
        </Title>
        {playbooks.isPending && <Skeleton h={40} />}
        {playbooks.isError && <ProblemAlert error={playbooks.error} title="Playbook suggestions could not be loaded" onRetry={() => void playbooks.refetch()} />}
        {playbooks.data && grouped.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet. A risk names the playbooks to follow when it materialises (on the risk’s page); link the risk and they appear here.
          </Text>
        )}
        {grouped.length > 0 && (
          <List spacing={4} size="sm" aria-label="Suggested playbooks">
            {grouped.map((p) => (
              <List.Item key={p.url}>
                {isWebAddress(p.url) ? (
                  <Anchor href={p.url} target="_blank" rel="noopener noreferrer">
                    {p.title || p.url}
                  </Anchor>
                ) : (
                  <Text span>
                    {p.title} <Text span c="dimmed">({p.url})</Text>
                  </Text>
                )}
                {p.risks.length > 0 && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    from {p.risks.map((r) => r.number || r.title).join(', ')}
                    {!p.linked && ' (suggested risk)'}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
