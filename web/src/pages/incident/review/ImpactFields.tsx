import { Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { formatMoney } from '../../risks/fair';
import { AmountInput } from './AmountInput';
import { formatAmount, totalLoss } from './reviewDraft';
import { IMPACT_COUNTS, IMPACT_COUNT_LABELS, LOSS_FORMS, LOSS_FORM_LABELS, type Impact } from './types';

/** Records, people, systems, downtime, and the realised loss by FAIR form in the organisation's currency. */
export function ImpactFields({ value, onChange, currency, readOnly }: { value: Impact; onChange: (next: Impact) => void; currency: string; readOnly: boolean }) {
  const total = totalLoss(value.realised_loss);
  if (readOnly) return <ImpactSummary value={value} currency={currency} total={total} />;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {IMPACT_COUNTS.map((key) => (
          <AmountInput key={key} label={IMPACT_COUNT_LABELS[key]} value={value[key]} readOnly={readOnly} onChange={(n) => onChange({ ...value, [key]: n })} />
        ))}
      </SimpleGrid>
      <Group justify="space-between" align="baseline">
        <Text size="sm" fw={600}>
          Realised loss by FAIR loss form ({currency})
        </Text>
        <Text size="sm" c="dimmed" aria-label="Total realised loss">
          Total: {total === null ? 'not known' : formatMoney(total, currency)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
        {LOSS_FORMS.map((form) => (
          <AmountInput
            key={form}
            label={`${LOSS_FORM_LABELS[form]} loss`}
            suffix={currency}
            value={value.realised_loss[form]}
            readOnly={readOnly}
            onChange={(n) => onChange({ ...value, realised_loss: { ...value.realised_loss, [form]: n } })}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The completed review's impact: only what is known, amounts in the organisation's currency. */
function ImpactSummary({ value, currency, total }: { value: Impact; currency: string; total: number | null }) {
  const rows = [
    ...IMPACT_COUNTS.filter((k) => value[k] !== null).map((k) => [IMPACT_COUNT_LABELS[k], new Intl.NumberFormat().format(value[k] ?? 0)]),
    ...LOSS_FORMS.filter((f) => value.realised_loss[f] !== null).map((f) => [`${LOSS_FORM_LABELS[f]} loss`, formatAmount(value.realised_loss[f] ?? 0, currency)]),
  ];
  if (!rows.length) {
    return (
      <Text size="sm" c="dimmed">
        No impact recorded.
      </Text>
    );
  }
  return (
    <Table verticalSpacing={2} aria-label="Impact" maw={520}>
      <Table.Tbody>
        {rows.map(([label, shown]) => (
          <Table.Tr key={label}>
            <Table.Td>{label}</Table.Td>
            <Table.Td>{shown}</Table.Td>
          </Table.Tr>
        ))}
        {total !== null && (
          <Table.Tr>
            <Table.Td fw={600}>Total realised loss</Table.Td>
            <Table.Td fw={600}>{formatAmount(total, currency)}</Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
