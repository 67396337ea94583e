import { Badge, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One block of the home page: a heading with an optional count, and its content. */
export function HomeSection({ title, count, action, children }: { title: string; count?: number | null; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Title order={2} size="h5">
              {title}
            </Title>
            {count !== undefined && count !== null && (
              <Badge size="sm" variant="default" radius="sm">
                {count}
              </Badge>
            )}
          </Group>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
