import { Alert, Button, Checkbox, Group, List, Paper, Select, Stack, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { recogniseObservable, useAddObservables } from './queries';
import { OBSERVABLE_TYPE_LABELS, type NewObservable, type ObservableType } from './types';

const AUTO = 'auto';
const TYPE_OPTIONS = [{ value: AUTO, label: 'Recognise each line' }, ...Object.entries(OBSERVABLE_TYPE_LABELS).map(([value, label]) => ({ value, label }))];

/**
 * Paste observables, one per line (defanged is fine: hxxp, [.] are undone by the server). Lines are
 * typed automatically unless a type is chosen; nothing is added unless every line is valid.
 */
export function AddObservablesForm({ incidentId, focusRequest }: { incidentId: string; focusRequest: number }) {
  const add = useAddObservables(incidentId);
  const [text, setText] = useState('');
  const [type, setType] = useState<string>(AUTO);
  const [ioc, setIoc] = useState(false);
  const [sighted, setSighted] = useState(false);
  const [lineProblems, setLineProblems] = useState<string[]>([]);
  const [recognising, setRecognising] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusRequest > 0) area.current?.focus();
  }, [focusRequest]);

  const lines = [...new Set(text.split('\n').map((l) => l.trim()).filter(Boolean))];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setLineProblems([]);
    add.reset();
    let items: NewObservable[];
    if (type === AUTO) {
      setRecognising(true);
      const recognised = await Promise.all(lines.map((line) => recogniseObservable(line).catch(() => null))).finally(() => setRecognising(false));
      const unknown = lines.filter((_, i) => recognised[i] === null);
      if (unknown.length) {
        setLineProblems(unknown.map((line) => `“${line}”: not recognised; choose its type above and add it separately`));
        return;
      }
      items = lines.map((line, i) => ({ type: recognised[i]!.type, value: line, ioc, sighted }));
    } else {
      items = lines.map((line) => ({ type: type as ObservableType, value: line, ioc, sighted }));
    }
    add.mutate(items, {
      onSuccess: () => setText(''),
      onError: (error) => {
        if (!(error instanceof ApiProblem)) return;
        const perLine = error.errors.flatMap((e) => {
          const match = /^(?:body\.)?observables\.(\d+)\.value$/.exec(e.path);
          return match ? [`“${items[Number(match[1])]?.value}”: ${e.message}`] : [];
        });
        if (perLine.length) setLineProblems(perLine);
      },
    });
  };

  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={(e) => void submit(e)} aria-label="Add observables">
      <Stack gap="xs">
        <Textarea
          ref={area}
          label="Observables, one per line"
          description="IPs, domains, URLs, hashes, e-mail addresses… Defanged values (hxxp, [.]) are fine."
          placeholder={'185.220.101[.]4\nhxxps://login-micros0ft[.]example/auth\n44d88612fea8a8f36de82e1278abb02f'}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          }}
          autosize
          minRows={2}
          maxRows={10}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Group gap="md" align="flex-end">
          <Select label="Type" data={TYPE_OPTIONS} value={type} onChange={(v) => setType(v ?? AUTO)} allowDeselect={false} w={220} searchable />
          <Checkbox label="IOC (known malicious)" checked={ioc} onChange={(e) => setIoc(e.currentTarget.checked)} />
          <Checkbox label="Sighted in our environment" checked={sighted} onChange={(e) => setSighted(e.currentTarget.checked)} />
          <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={recognising || add.isPending} disabled={lines.length === 0} ml="auto">
            Add {lines.length > 1 ? `${lines.length} observables` : 'observable'}
          </Button>
        </Group>
        {lineProblems.length > 0 && (
          <Alert color="red" title="Nothing was added" role="alert">
            <List size="sm">
              {lineProblems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {add.error && lineProblems.length === 0 && <ProblemAlert error={add.error} />}
      </Stack>
    </Paper>
  );
}
