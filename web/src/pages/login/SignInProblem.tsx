import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiProblem } from '../../api/problem';

function describe(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiProblem) {
    if (error.status === 429) return { title: 'Too many attempts', detail: error.detail || 'Wait a minute before trying again.' };
    if (error.status === 0) return { title: 'Bulwark is unreachable', detail: error.detail };
    if (error.status >= 500) return { title: 'Sign-in failed on the server', detail: error.detail || 'Try again in a moment.' };
    return { title: 'Could not sign in', detail: error.detail || error.title };
  }
  return { title: 'Could not sign in', detail: error instanceof Error ? error.message : String(error) };
}

/** Why sign-in was refused, in the words the server chose; `title` names which way in failed. */
export function SignInProblem({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const described = describe(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} title={title ?? described.title} role="alert">
      {described.detail}
    </Alert>
  );
}
