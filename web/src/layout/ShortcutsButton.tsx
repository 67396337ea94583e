import { ActionIcon, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';

export function ShortcutsButton({ onClick }: { onClick: () => void }) {
  return (
    <Tooltip label="Keyboard shortcuts (?) · Command palette (Ctrl K)" withArrow>
      <ActionIcon variant="subtle" color="gray" size="lg" onClick={onClick} aria-label="Show keyboard shortcuts">
        <IconKeyboard size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
