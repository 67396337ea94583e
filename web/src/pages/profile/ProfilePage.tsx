import { Avatar, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useCurrentUser } from '../../auth/session';
import { viewerTimeZone } from '../../format/time';
import { initials } from '../../layout/UserMenu';
import { useMeta } from '../../meta/useMeta';
import { ChangePassword } from './ChangePassword';
import { TwoFactor } from './TwoFactor';

export function ProfilePage() {
  const user = useCurrentUser();
  const meta = useMeta();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Stack gap="md" maw={880}>
      <Title order={1} size="h2">
        Profile
      </Title>
      <Paper withBorder radius="sm" p="md" component="section" aria-label="Account">
        <Group gap="md" wrap="nowrap">
          <Avatar size={48} radius="xl" color="blue">
            {initials(user.name || user.email)}
          </Avatar>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" style={{ flex: 1 }}>
            <Field label="Name" value={user.name} />
            <Field label="E-mail" value={user.email} />
            <Field label="Role" value={meta.label('roles', user.role)} />
          </SimpleGrid>
        </Group>
        <Text size="xs" c="dimmed" mt="sm">
          An administrator changes names and roles. Times are shown in your browser’s zone, {viewerTimeZone()}.
        </Text>
      </Paper>
      <Paper withBorder radius="sm" p="md" component="section" aria-label="Appearance">
        <Stack gap="xs">
          <Title order={2} size="h5">
            Appearance
          </Title>
          <SegmentedControl
            aria-label="Theme"
            w="fit-content"
            value={colorScheme}
            onChange={(value) => setColorScheme(value as MantineColorScheme)}
            data={[
              { value: 'dark', label: 'Dark' },
              { value: 'light', label: 'Light' },
              { value: 'auto', label: 'Follow the system' },
            ]}
          />
        </Stack>
      </Paper>
      <ChangePassword />
      <TwoFactor />
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}
