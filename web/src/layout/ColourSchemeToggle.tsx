import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';

export function useToggleColourScheme(): () => void {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('dark', { getInitialValueInEffect: false });
  return () => setColorScheme(computed === 'dark' ? 'light' : 'dark');
}

export function ColourSchemeToggle() {
  const toggle = useToggleColourScheme();
  const computed = useComputedColorScheme('dark', { getInitialValueInEffect: false });
  return (
    <Tooltip label={computed === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'} withArrow>
      <ActionIcon variant="subtle" color="gray" size="lg" onClick={toggle} aria-label="Toggle colour scheme">
        {computed === 'dark' ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}
