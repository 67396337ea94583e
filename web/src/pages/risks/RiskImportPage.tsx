import { Alert, Anchor, Button, Code, FileButton, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconFileUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { importFormat, outcomeRows, outcomeSummary } from './importOutcome';
import { importRegister } from './importRegister';
import { useRiskInvalidation } from './queries';

/** /risks/import — a CSV or JSON register: a dry run first (what would change, or the rows at fault), then the import. */
export function RiskImportPage() {
  const navigate = useNavigate();
  const invalidate = useRiskInvalidation();
  const [file, setFile] = useState<{ name: string; text: string; format: 'csv' | 'json' } | null>(null);
  const dryRun = useMutation({ mutationFn: () => importRegister(file!.text, file!.format, true) });
  const commit = useMutation({ mutationFn: () => importRegister(file!.text, file!.format, false), onSuccess: () => invalidate() });

  const choose = async (chosen: File | null) => {
    if (!chosen) return;
    const text = await chosen.text();
    setFile({ name: chosen.name, text, format: importFormat(chosen.name, text) });
    dryRun.reset();
    commit.reset();
  };
  const rows = dryRun.data ? outcomeRows(dryRun.data) : [];
  const rowErrors = dryRun.error instanceof ApiProblem ? dryRun.error.errors : [];

  return (
    <Stack gap="sm" maw={980}>
      <Anchor component={Link} to="/risks" size="sm">
        ← Register
      </Anchor>
      <Title order={1} size="h2">
        Import risks
      </Title>
      <Text size="sm" c="dimmed">
        Upload the register as CSV or JSON (the columns are listed in the documentation, <Code>docs/risks.md</Code>). A row with a{' '}
        <Code>number</Code> updates that risk; a row without one creates a risk. Nothing is written until you confirm, and the import is
        all or nothing.
      </Text>
      <Paper withBorder radius="sm" p="md">
        <Group gap="sm">
          <FileButton onChange={(f) => void choose(f)} accept=".csv,.json,text/csv,application/json">
            {(props) => (
              <Button variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} {...props}>
                Choose a file
              </Button>
            )}
          </FileButton>
          {file && (
            <Text size="sm">
              {file.name} ({file.format.toUpperCase()})
            </Text>
          )}
          <Button disabled={!file || commit.isSuccess} loading={dryRun.isPending} onClick={() => dryRun.mutate()}>
            Check (dry run)
          </Button>
        </Group>
      </Paper>
      {dryRun.isError &&
        (rowErrors.length ? (
          <Alert color="red" variant="light" title="The file has errors; nothing was imported" role="alert">
            <List size="sm" spacing={2}>
              {rowErrors.map((e) => (
                <List.Item key={`${e.path}:${e.message}`}>{e.path && !e.message.startsWith('row') ? `${e.path}: ${e.message}` : e.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ProblemAlert error={dryRun.error} title="The file could not be checked" />
        ))}
      {dryRun.data && !commit.isSuccess && (
        <Paper withBorder radius="sm" p="md" component="section" aria-label="Dry run">
          <Stack gap="sm">
            <Text fw={600}>{outcomeSummary(dryRun.data, true)}</Text>
            {rows.length > 0 && (
              <Table fz="sm" aria-label="Rows to import">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Number</Table.Th>
                    <Table.Th>Title</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{r.row ?? i + 1}</Table.Td>
                      <Table.Td>{r.action}</Table.Td>
                      <Table.Td>{r.number ?? 'new'}</Table.Td>
                      <Table.Td>{r.title}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {commit.isError && <ProblemAlert error={commit.error} title="The import failed; nothing was written" />}
            <Button onClick={() => commit.mutate()} loading={commit.isPending} style={{ alignSelf: 'flex-start' }}>
              Import
            </Button>
          </Stack>
        </Paper>
      )}
      {commit.isSuccess && (
        <Alert color="green" variant="light" icon={<IconCheck size={18} aria-hidden />} title="Imported" role="status">
          <Stack gap="xs">
            <Text size="sm">{outcomeSummary(commit.data, false)}</Text>
            <Button size="xs" variant="light" onClick={() => void navigate('/risks')} style={{ alignSelf: 'flex-start' }}>
              Open the register
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
