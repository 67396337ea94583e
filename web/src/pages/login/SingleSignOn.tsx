import { Button, Divider } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { api } from '../../api/client';
import type { SignInProviders } from '../../api/types';
import { ssoStartHref } from './safeNext';
import { SignInProblem } from './SignInProblem';
import { ssoRefusalText } from './ssoRefusal';

/**
 * Signing in through the organisation's identity provider, when Bulwark has one: a plain link, since
 * the browser itself goes there and comes back with the session cookie. A failed round trip lands on
 * /login?sso_error=<reason code>.
 */
export function SingleSignOn() {
  const { search } = useLocation();
  // Without providers (none configured, or an older server) the password form is all there is.
  const providers = useQuery({
    queryKey: ['sign-in-providers'],
    queryFn: () => api.get<SignInProviders>('/api/v1/session/providers'),
    staleTime: Infinity,
    retry: false,
  });
  const oidc = providers.data?.oidc;
  return (
    <>
      <SignInProblem title="Single sign-on did not work" error={ssoRefusalText(new URLSearchParams(search).get('sso_error'))} />
      {oidc && (
        <>
          <Button component="a" href={ssoStartHref(oidc.start_url, search)} size="md" fullWidth leftSection={<IconKey size={18} aria-hidden />}>
            Sign in with {oidc.name}
          </Button>
          <Divider label="or" labelPosition="center" />
        </>
      )}
    </>
  );
}
