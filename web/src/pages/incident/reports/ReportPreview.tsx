import { Paper, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { reportHref, type ReportKind } from './reports';

/** The report's HTML in a sandboxed frame: no scripts, no forms, nothing it says can act on the page. */
export function ReportPreview({ incidentId, report }: { incidentId: string; report: { kind: ReportKind; title: string } }) {
  const html = useQuery({
    // Outside ['incident', id]: live events must not rebuild it (each build is an audited export).
    queryKey: ['report-preview', incidentId, report.kind],
    refetchOnWindowFocus: false,
    queryFn: async () => {
      const response = await fetch(reportHref(incidentId, report.kind, 'html'), { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!response.ok) throw new ApiProblem({ title: 'The report could not be built', status: response.status, detail: response.statusText });
      return response.text();
    },
  });
  return (
    <Paper withBorder p="xs">
      <Text size="sm" fw={600} mb="xs">Preview: {report.title}</Text>
      {html.isPending && <Skeleton h={400} />}
      {html.isError && <ProblemAlert error={html.error} title="The preview could not be loaded" onRetry={() => void html.refetch()} />}
      {html.data && <iframe title={`Preview of the ${report.title}`} sandbox="" srcDoc={html.data} style={{ width: '100%', height: '70vh', border: 0, background: 'white' }} />}
    </Paper>
  );
}
