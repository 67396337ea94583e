import { Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRiskAppetite, useRiskMatrix } from '../risks/queries';
import { RiskNav } from '../risks/RiskNav';
import { RiskSettingsAppetite } from './RiskSettingsAppetite';
import { RiskSettingsMatrix } from './RiskSettingsMatrix';

/** /admin/risk-settings — the matrix and the appetite, for administrators and risk owners (risk.configure). */
export function RiskSettingsPage() {
  const canConfigure = useCan('risk.configure');
  const matrix = useRiskMatrix();
  const appetite = useRiskAppetite();
  if (!canConfigure) {
    return (
      <Paper withBorder p="xl" radius="sm" maw={560}>
        <Text>The risk matrix and appetite are set by administrators and risk owners.</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        Risk matrix and appetite
      </Title>
      <RiskNav />
      {matrix.isError && <ProblemAlert error={matrix.error} title="The matrix could not be loaded" />}
      {appetite.isError && <ProblemAlert error={appetite.error} title="The appetite could not be loaded" />}
      {!matrix.data || !appetite.data ? (
        !matrix.isError && !appetite.isError && (
          <Center py="xl">
            <Loader size="sm" aria-label="Loading" />
          </Center>
        )
      ) : (
        <>
          <RiskSettingsAppetite key={JSON.stringify(appetite.data)} appetite={appetite.data} matrix={matrix.data} />
          <RiskSettingsMatrix key={JSON.stringify(matrix.data)} matrix={matrix.data} />
        </>
      )}
    </Stack>
  );
}
