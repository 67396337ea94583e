import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPhoneCall, IconPlus } from '@tabler/icons-react';
import { KIND_LABELS, type Engagement, type ThirdParty } from './types';

/**
 * The plan's third parties as cards: what a responder needs to call them (hotline, phone, policy or
 * contract number) in plain sight, and one button to record the call.
 */
export function PlanParties({ parties, engagements, canWrite, busy, onEngage }: { parties: ThirdParty[]; engagements: Engagement[]; canWrite: boolean; busy: boolean; onEngage: (party: ThirdParty) => void }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {parties.map((party) => {
        const open = engagements.find((e) => e.party_id === party.id && e.status !== 'released' && e.status !== 'declined');
        return (
          <Card key={party.id} withBorder padding="sm" component="section" aria-label={party.name}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{party.name}</Text>
                <Badge variant="light">{KIND_LABELS[party.kind] ?? party.kind}</Badge>
              </Group>
              {party.hotline && (
                <Text size="lg" fw={700}>
                  <IconPhoneCall size={16} aria-hidden /> Hotline <Anchor href={`tel:${party.hotline.replace(/\s+/g, '')}`}>{party.hotline}</Anchor>
                </Text>
              )}
              {party.policy_number && <Text size="sm" fw={600}>Policy number {party.policy_number}</Text>}
              {party.contract_reference && <Text size="sm">Contract {party.contract_reference}</Text>}
              {(party.contact_name || party.phone) && (
                <Text size="sm">
                  {party.contact_name}
                  {party.contact_name && party.phone ? ' · ' : ''}
                  {party.phone && <Anchor href={`tel:${party.phone.replace(/\s+/g, '')}`}>{party.phone}</Anchor>}
                </Text>
              )}
              {party.email && <Anchor size="sm" href={`mailto:${party.email}`}>{party.email}</Anchor>}
              {party.notes && <Text size="xs" c="dimmed">{party.notes}</Text>}
              {canWrite && (
                <Group mt={4}>
                  {open ? (
                    <Text size="sm" c="dimmed">Already {open.status} on this incident</Text>
                  ) : (
                    <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} loading={busy} onClick={() => onEngage(party)} aria-label={`Engage ${party.name}`}>
                      Engage
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
