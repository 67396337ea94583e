import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { User } from '../api/types';

/** Everyone who can be picked (assignee, commander…); any signed-in user may list them. */
export function useUsers(options: { includeDisabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['users', { includeDisabled: options.includeDisabled ?? false }],
    queryFn: () => api.get<{ items: User[] }>('/api/v1/users', { include_disabled: options.includeDisabled ? 'true' : undefined }),
    staleTime: 60_000,
    select: (answer) => answer.items,
  });
}

/** A searchable picker of active users, shown by name with their e-mail for the namesakes. */
export function UserSelect(props: Omit<SelectProps, 'data'>) {
  const users = useUsers();
  const data = (users.data ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name ? `${u.name} (${u.email})` : u.email }));
  return (
    <Select
      searchable
      data={data}
      nothingFoundMessage={users.isError ? 'Could not load people' : 'Nobody by that name'}
      placeholder={users.isPending ? 'Loading people…' : props.placeholder}
      {...props}
    />
  );
}
