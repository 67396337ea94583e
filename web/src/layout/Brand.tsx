import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconShieldHalfFilled } from '@tabler/icons-react';
import { Link } from 'react-router';

export function Brand() {
  return (
    <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
      <Group gap={8} wrap="nowrap">
        <ThemeIcon size={26} radius="sm" variant="filled" color="blue" aria-hidden>
          <IconShieldHalfFilled size={16} />
        </ThemeIcon>
        <Text fw={700} size="lg" style={{ letterSpacing: '-0.01em' }}>
          Bulwark
        </Text>
      </Group>
    </Link>
  );
}
