import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { SHORTCUT_GROUPS } from '../keyboard/shortcuts';

export function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="md">
      <Stack gap="md">
        {SHORTCUT_GROUPS.map((group) => (
          <div key={group.title}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
              {group.title}
            </Text>
            <Table withRowBorders={false} verticalSpacing={3} highlightOnHover={false}>
              <Table.Tbody>
                {group.shortcuts.map((shortcut) => (
                  <Table.Tr key={shortcut.description}>
                    <Table.Td w={110}>
                      <Group gap={4} wrap="nowrap">
                        {shortcut.keys.map((key) => (
                          <Kbd key={key} size="xs">
                            {key}
                          </Kbd>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{shortcut.description}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
        <Text size="xs" c="dimmed">
          Single-key shortcuts are ignored while you type in a field.
        </Text>
      </Stack>
    </Modal>
  );
}
