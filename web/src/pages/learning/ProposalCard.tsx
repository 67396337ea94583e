import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconRefreshAlert, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RelativeTime } from '../../format/RelativeTime';
import { ChangeTable, ReasoningSteps } from './ChangeTable';
import { editableFields, editedAfter, fieldLabel, freshProposalOf, kindLabel, targetLink } from './proposals';
import { useDecideProposal } from './queries';
import type { Proposal } from './types';

type Mode = 'view' | 'edit' | 'reject';

/** The target's number (or ref) and title: from the answer when expanded, else read once and cached. */
function useTargetName(p: Proposal): string {
  const expanded = p.target_label || (p.target ? [p.target.number ?? p.target.ref, p.target.title].filter(Boolean).join(' ') : '');
  const path = p.target_type === 'risk' ? `/api/v1/risks/${encodeURIComponent(p.target_id)}` : p.target_type === 'control' ? `/api/v1/controls/${encodeURIComponent(p.target_id)}` : null;
  const target = useQuery({
    queryKey: [p.target_type === 'risk' ? 'risk' : 'controls', p.target_id],
    queryFn: () => api.get<{ number?: string; ref?: string; title: string }>(path!),
    enabled: !expanded && path !== null,
    staleTime: 60_000,
  });
  if (expanded) return expanded;
  if (target.data) return [target.data.number ?? target.data.ref, target.data.title].filter(Boolean).join(' ');
  const title = typeof p.after?.title === 'string' ? p.after.title : '';
  return title || `${p.target_type.replace(/_/g, ' ')} ${p.target_id}`;
}

/** One proposal: why (text and steps), before → after, and the decision: accept, edit and accept, or reject. */
export function ProposalCard({ proposal }: { proposal: Proposal }) {
  const [mode, setMode] = useState<Mode>('view');
  const [note, setNote] = useState('');
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const accept = useDecideProposal('accept');
  const reject = useDecideProposal('reject');
  const [fresh, setFresh] = useState<Proposal | null>(null);
  const link = targetLink(proposal);
  const fields = editableFields(proposal.after, proposal.before);
  const failed = accept.error ?? reject.error;
  const stale = failed instanceof ApiProblem && failed.status === 412;
  const name = useTargetName(proposal);
  const title = `${kindLabel(proposal.kind)}: ${name}`;

  const onError = (error: unknown) => {
    if (error instanceof ApiProblem && error.status === 412) setFresh(freshProposalOf(error.body));
  };
  const decided = (word: string) => () => {
    notifications.show({ color: 'green', message: `Proposal ${word}: ${name}` });
  };
  const acceptNow = (after?: Record<string, unknown>) => accept.mutate({ id: proposal.id, after, note }, { onSuccess: decided('accepted'), onError });
  const acceptEdited = () => {
    const answer = editedAfter(proposal.after, draft);
    if ('errors' in answer) {
      setErrors(answer.errors);
      return;
    }
    setErrors({});
    acceptNow(answer.after);
  };

  return (
    <Paper withBorder radius="sm" p="sm" component="article" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {kindLabel(proposal.kind)}
            </Badge>
            {link ? (
              <Anchor component={Link} to={link} fw={600}>
                {name}
              </Anchor>
            ) : (
              <Text fw={600}>{name}</Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Proposed <RelativeTime iso={proposal.created_at} />
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {proposal.reasoning?.text}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" style={{ alignItems: 'start' }}>
          <ReasoningSteps steps={proposal.reasoning?.steps ?? []} />
          <ChangeTable before={proposal.before} after={proposal.after} />
        </SimpleGrid>

        {stale ? (
          <Alert color="orange" variant="light" icon={<IconRefreshAlert size={18} aria-hidden />} title="The target changed since this proposal was made" role="alert">
            <Stack gap="xs">
              <Text size="sm">Someone changed {name} after the review proposed this, so it was not applied. {fresh ? 'Here is the proposal worked out again from its current state:' : 'Reload the inbox for a fresh proposal.'}</Text>
              {fresh && (
                <>
                  <Text size="sm">{fresh.reasoning?.text}</Text>
                  <ChangeTable before={fresh.before} after={fresh.after} label="Fresh proposal" />
                  <Group gap="xs">
                    <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} loading={accept.isPending} onClick={() => accept.mutate({ id: fresh.id, note }, { onSuccess: decided('accepted') })}>
                      Accept the fresh proposal
                    </Button>
                  </Group>
                </>
              )}
            </Stack>
          </Alert>
        ) : (
          failed && <ProblemAlert error={failed} />
        )}

        {mode === 'edit' && (
          <Stack gap="xs" component="form" aria-label="Edit before accepting" onSubmit={(e) => { e.preventDefault(); acceptEdited(); }}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              {fields.map((f) => (
                <TextInput
                  key={f.field}
                  label={fieldLabel(f.field)}
                  value={draft[f.field] ?? f.value}
                  inputMode={f.kind === 'number' ? 'decimal' : undefined}
                  error={errors[f.field]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, [f.field]: value }));
                  }}
                />
              ))}
            </SimpleGrid>
            <Textarea label="Decision note" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={accept.isPending} leftSection={<IconCheck size={14} aria-hidden />}>
                Accept with changes
              </Button>
              <Button size="xs" variant="default" onClick={() => setMode('view')}>
                Cancel
              </Button>
            </Group>
          </Stack>
        )}
        {mode === 'reject' && (
          <Stack gap="xs">
            <Textarea label="Why reject it?" description="Kept with the proposal and in the audit log." autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Group gap="xs">
              <Button size="xs" color="red" loading={reject.isPending} leftSection={<IconX size={14} aria-hidden />} onClick={() => reject.mutate({ id: proposal.id, note }, { onSuccess: decided('rejected'), onError })}>
                Reject proposal
              </Button>
              <Button size="xs" variant="default" onClick={() => setMode('view')}>
                Cancel
              </Button>
            </Group>
          </Stack>
        )}
        {mode === 'view' && !stale && (
          <Group gap="xs">
            <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} loading={accept.isPending} onClick={() => acceptNow()}>
              Accept
            </Button>
            {fields.length > 0 && (
              <Button size="xs" variant="default" onClick={() => setMode('edit')}>
                Edit and accept
              </Button>
            )}
            <Button size="xs" variant="default" color="red" leftSection={<IconX size={14} aria-hidden />} onClick={() => setMode('reject')}>
              Reject
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
