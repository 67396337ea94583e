import { Alert, Anchor, Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiProblem } from '../api/problem';

interface Explanation {
  title: string;
  advice: string;
}

/** What a status means for the person at the keyboard, and what to do next. */
function explain(problem: ApiProblem): Explanation {
  switch (problem.status) {
    case 0:
      return { title: 'Bulwark is unreachable', advice: '' };
    case 400:
    case 422:
      return { title: 'Some input needs fixing', advice: 'Correct the fields named below and try again.' };
    case 401:
      return { title: 'Your session has ended', advice: 'Sign in again to continue.' };
    case 403:
      return { title: 'Not allowed', advice: 'Your role does not permit this. Ask an incident manager or administrator if you need it.' };
    case 404:
      return { title: 'Not found', advice: 'It may have been removed, or it is restricted to the people working on it.' };
    case 409:
      return { title: 'This cannot be done right now', advice: 'See the reason below.' };
    case 412:
      return { title: 'Someone else changed this meanwhile', advice: 'Reload to see their change, then make yours again.' };
    case 428:
      return { title: 'Reload needed', advice: 'Reload the page and try again.' };
    case 429:
      return { title: 'Too many requests', advice: 'Wait a moment, then try again.' };
    default:
      return problem.status >= 500
        ? { title: 'Bulwark hit an internal error', advice: 'Try again. If it keeps happening, send the details below to your administrator.' }
        : { title: problem.title || 'Request failed', advice: '' };
  }
}

/**
 * Shows an error in a responder's words: what happened, what to do, the fields at fault, and the
 * server's problem document one click away under "Details".
 */
export function ProblemAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const [open, setOpen] = useState(false);
  if (!error) return null;
  const problem =
    error instanceof ApiProblem ? error : new ApiProblem({ title: 'Unexpected error', status: -1, detail: error instanceof Error ? error.message : String(error) });
  const { title: plainTitle, advice } = explain(problem);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} title={title ?? plainTitle} role="alert">
      <Stack gap={6}>
        {problem.detail && <Text size="sm">{problem.detail}</Text>}
        {problem.errors.length > 0 && (
          <List size="sm" spacing={2}>
            {problem.errors.map((e) => (
              <List.Item key={`${e.path}:${e.message}`}>
                <Code>{e.path.replace(/^body\./, '')}</Code> {e.message}
              </List.Item>
            ))}
          </List>
        )}
        {advice && <Text size="sm" c="dimmed">{advice}</Text>}
        <Group gap="sm">
          {onRetry && (
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              Try again
            </Button>
          )}
          <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Hide details' : 'Details'}
          </Anchor>
        </Group>
        {open && (
          <Code block style={{ maxHeight: 240, overflow: 'auto' }}>
            {JSON.stringify(problem.body, null, 2)}
          </Code>
        )}
      </Stack>
    </Alert>
  );
}
