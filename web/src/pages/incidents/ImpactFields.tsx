import { Button, Group, NativeSelect, SimpleGrid, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { severityLabel } from '../../components/SeverityBadge';
import type { Option } from '../../meta/useMeta';
import { useMeta } from '../../meta/useMeta';
import type { IncidentDraft } from './incidentDraft';
import { suggestSeverity } from './suggestSeverity';

interface Props {
  draft: IncidentDraft;
  set: <K extends keyof IncidentDraft>(field: K, value: IncidentDraft[K]) => void;
  error: (field: keyof IncidentDraft) => string | undefined;
}

const choices = (options: Option[]) => [{ value: '', label: 'Not rated' }, ...options.map((o) => ({ value: String(o.id), label: o.label }))];

/** NIST impact ratings; together they suggest a severity next to the severity select. The responder decides. */
export function ImpactFields({ draft, set, error }: Props) {
  const meta = useMeta();
  const suggested = suggestSeverity(draft);
  const differs = suggested !== null && String(suggested) !== draft.severity;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect
          label="Functional impact"
          description="Effect on the business’s ability to work"
          data={choices(meta.functional_impacts)}
          value={draft.functional_impact}
          onChange={(e) => set('functional_impact', e.currentTarget.value)}
          error={error('functional_impact')}
        />
        <NativeSelect
          label="Information impact"
          description="Was information exposed or altered?"
          data={choices(meta.information_impacts)}
          value={draft.information_impact}
          onChange={(e) => set('information_impact', e.currentTarget.value)}
          error={error('information_impact')}
        />
        <NativeSelect
          label="Recoverability"
          description="Effort needed to recover"
          data={choices(meta.recoverabilities)}
          value={draft.recoverability}
          onChange={(e) => set('recoverability', e.currentTarget.value)}
          error={error('recoverability')}
        />
      </SimpleGrid>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label="Severity"
          required
          w={200}
          data={[1, 2, 3, 4].map((s) => ({ value: String(s), label: severityLabel(s) }))}
          value={draft.severity}
          onChange={(e) => set('severity', e.currentTarget.value)}
          error={error('severity')}
        />
        <Group gap={6} mih={36} aria-live="polite">
          {suggested === null ? (
            <Text size="sm" c="dimmed">
              Rate the impact to get a suggested severity.
            </Text>
          ) : (
            <>
              <IconBulb size={16} aria-hidden color={differs ? 'var(--mantine-color-yellow-6)' : 'var(--mantine-color-dimmed)'} />
              <Text size="sm" c={differs ? undefined : 'dimmed'}>
                Ratings suggest <strong>{severityLabel(suggested)}</strong>
                {differs ? '' : ' (selected)'}
              </Text>
              {differs && (
                <Button size="compact-sm" variant="light" onClick={() => set('severity', String(suggested))}>
                  Use suggestion
                </Button>
              )}
            </>
          )}
        </Group>
      </Group>
    </>
  );
}
