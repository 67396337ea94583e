import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api, setCsrfToken } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { Session, SessionUser } from '../api/types';

interface SessionState {
  user: SessionUser | null;
  permissions: ReadonlySet<string>;
  loading: boolean;
  /** `code` is the second factor (authenticator or recovery code), for accounts that have one. */
  login(email: string, password: string, code?: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const current = await api.get<Session>('/api/v1/session');
        setCsrfToken(current.csrf_token);
        return current;
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });

  const login = useCallback(
    async (email: string, password: string, code?: string) => {
      const created = await api.post<Session>('/api/v1/session', code === undefined ? { email, password } : { email, password, code });
      setCsrfToken(created.csrf_token);
      queryClient.setQueryData(['session'], created);
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    await api.delete('/api/v1/session').catch(() => undefined);
    setCsrfToken(null);
    // The session query is emptied, not removed: clear() would leave this provider's observer on the
    // removed query, still holding the signed-in user, and the app would stay on screen.
    queryClient.setQueryData(['session'], null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  }, [queryClient]);

  const value = useMemo<SessionState>(
    () => ({ user: session.data?.user ?? null, permissions: new Set(session.data?.permissions ?? []), loading: session.isPending, login, logout }),
    [session.data, session.isPending, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** Sign-in refused until the second factor is given: the password was right, or the code was wrong. */
export function needsSecondFactor(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 401 && error.body.code === 'two_factor_required';
}

/** The signed-in user; only for pages behind the login. */
export function useCurrentUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser without a signed-in user');
  return user;
}

/** Whether the signed-in person's role allows a permission such as "incident.transition". */
export function useCan(permission: string): boolean {
  return useSession().permissions.has(permission);
}
