import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TwoFactorStatus } from '../../api/types';

export const twoFactorKey = ['me', 'two-factor'] as const;

/** At or below this many unused recovery codes, the profile suggests making new ones. */
export const FEW_RECOVERY_CODES = 3;

export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorKey, queryFn: () => api.get<TwoFactorStatus>('/api/v1/me/two-factor') });
}
