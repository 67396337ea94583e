import { ActionIcon, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowBigUpLines, IconPlus, IconQuestionMark, IconTrash, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useIncidentRisks } from '../risks-controls/queries';
import { MAX_WHYS, askWhy, canAskWhy, deepestWhy, dropWhy, newRootCause, setWhy, whyQuestion } from './reviewDraft';
import type { RootCause } from './types';

/** Root causes and contributing factors, each found with the five whys and optionally tied to a risk. */
export function RootCauses({ incidentId, value, onChange, readOnly }: { incidentId: string; value: RootCause[]; onChange: (next: RootCause[]) => void; readOnly: boolean }) {
  const links = useIncidentRisks(incidentId);
  const risks = (links.data ?? []).map((l) => l.risk);
  const riskName = (id: string | null | undefined) => {
    const risk = risks.find((r) => r.id === id);
    return risk ? `${risk.number} ${risk.title}` : id ?? '';
  };
  const replace = (index: number, cause: RootCause) => onChange(value.map((c, i) => (i === index ? cause : c)));

  if (readOnly) {
    return value.length ? (
      <Stack gap="xs" aria-label="Root causes">
        {value.map((cause, i) => (
          <Paper key={i} withBorder p="sm">
            <Group gap="xs">
              <Badge variant="light" color={cause.kind === 'root' ? 'red' : 'orange'} tt="none">
                {cause.kind === 'root' ? 'Root cause' : 'Contributing factor'}
              </Badge>
              <Text size="sm" fw={600}>
                {cause.statement}
              </Text>
            </Group>
            {cause.whys.length > 0 && (
              <Stack gap={0} mt={4}>
                {cause.whys.map((why, w) => (
                  <Text key={w} size="xs" c="dimmed">
                    Why {w + 1}: {why}
                  </Text>
                ))}
              </Stack>
            )}
            {cause.risk_id && (
              <Anchor component={Link} to={`/risks/${encodeURIComponent(cause.risk_id)}`} size="xs">
                Risk: {riskName(cause.risk_id)}
              </Anchor>
            )}
          </Paper>
        ))}
      </Stack>
    ) : (
      <Text size="sm" c="dimmed">
        None.
      </Text>
    );
  }

  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          No cause yet. Start from what happened and ask “why?” until the answer is something the organisation can change — usually within five whys.
        </Text>
      )}
      {value.map((cause, index) => (
        <Paper key={index} withBorder p="sm" component="fieldset" aria-label={`Cause ${index + 1}`} style={{ border: undefined }}>
          <Stack gap="xs">
            <Group justify="space-between" align="flex-end">
              <NativeSelect
                label="Kind"
                size="xs"
                data={[
                  { value: 'root', label: 'Root cause' },
                  { value: 'contributing', label: 'Contributing factor' },
                ]}
                value={cause.kind}
                onChange={(e) => replace(index, { ...cause, kind: e.currentTarget.value as RootCause['kind'] })}
              />
              <NativeSelect
                label="Risk it shows"
                size="xs"
                data={[
                  { value: '', label: risks.length ? 'None' : 'None (link risks on Risks & controls)' },
                  ...risks.map((r) => ({ value: r.id, label: `${r.number} ${r.title}` })),
                  // A risk named before it was unlinked stays selectable rather than silently dropped.
                  ...(cause.risk_id && !risks.some((r) => r.id === cause.risk_id) ? [{ value: cause.risk_id, label: `${cause.risk_id} (no longer linked)` }] : []),
                ]}
                value={cause.risk_id ?? ''}
                onChange={(e) => replace(index, { ...cause, risk_id: e.currentTarget.value || null })}
                w={{ base: '100%', sm: 320 }}
              />
              <Tooltip label="Remove this cause">
                <ActionIcon variant="subtle" color="red" aria-label={`Remove cause ${index + 1}`} onClick={() => onChange(value.filter((_, i) => i !== index))}>
                  <IconTrash size={14} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
            <Stack gap={6} role="group" aria-label={`Five whys for cause ${index + 1}`}>
              {cause.whys.map((why, w) => (
                <Group key={w} gap={4} wrap="nowrap" align="flex-end" pl={w * 12}>
                  <TextInput
                    size="xs"
                    style={{ flex: 1 }}
                    label={`${w + 1}. ${whyQuestion(cause, w)}`}
                    aria-label={`Why ${w + 1}`}
                    placeholder="Because…"
                    value={why}
                    onChange={(e) => replace(index, setWhy(cause, w, e.currentTarget.value))}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && canAskWhy(cause)) replace(index, askWhy(cause));
                    }}
                  />
                  <ActionIcon variant="subtle" color="gray" aria-label={`Remove why ${w + 1} and the ones after`} onClick={() => replace(index, dropWhy(cause, w))}>
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group gap="xs">
                <Button size="compact-xs" variant="light" leftSection={<IconQuestionMark size={12} aria-hidden />} disabled={!canAskWhy(cause)} onClick={() => replace(index, askWhy(cause))}>
                  Ask why again
                </Button>
                <Text size="xs" c="dimmed">
                  {cause.whys.length} of {MAX_WHYS}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconArrowBigUpLines size={12} aria-hidden />}
                  disabled={!deepestWhy(cause)}
                  onClick={() => replace(index, { ...cause, statement: deepestWhy(cause) })}
                >
                  Use the last answer as the statement
                </Button>
              </Group>
            </Stack>
            <TextInput
              label="Cause statement"
              description="The cause in one sentence, as the action items will address it."
              value={cause.statement}
              onChange={(e) => replace(index, { ...cause, statement: e.currentTarget.value })}
            />
          </Stack>
        </Paper>
      ))}
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...value, newRootCause('root')])}>
          Add a root cause
        </Button>
        <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...value, newRootCause('contributing')])}>
          Add a contributing factor
        </Button>
      </Group>
    </Stack>
  );
}
