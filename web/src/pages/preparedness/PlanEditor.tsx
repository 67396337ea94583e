import { Badge, Button, Card, Group, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant, viewerTimeZone } from '../../format/time';
import { ConfirmDialog } from '../admin/ConfirmDialog';
import { BasicsSection, CadenceSection, EscalationSection, PlaybooksSection, SeveritySection, TeamSection, TemplatesSection, ThirdPartiesSection } from './PlanSections';
import { contentForSave, emptyPlanContent } from './planDraft';
import { useApprovePlan, useSaveDraft } from './queries';
import type { PlanContent, PlanOverview } from './types';

/** "2027-06-30" in the viewer's zone ↔ the instant of that day's start there. */
const dateOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-CA') : '');
const instantOf = (date: string) => (date ? new Date(`${date}T00:00:00`).toISOString() : null);

const SECTIONS = [
  ['basics', 'Basics', BasicsSection],
  ['team', 'Team & contacts', TeamSection],
  ['severities', 'Severity definitions', SeveritySection],
  ['escalation', 'Escalation matrix', EscalationSection],
  ['templates', 'Templates', TemplatesSection],
  ['third-parties', 'Third parties', ThirdPartiesSection],
  ['playbooks', 'Playbooks', PlaybooksSection],
  ['cadence', 'Status updates', CadenceSection],
] as const;

/**
 * Edits the next version of the plan, section by section. The plan in force stays in force until an
 * administrator approves the draft.
 */
export function PlanEditor({ overview }: { overview: PlanOverview }) {
  const canApprove = useCan('plan.approve');
  const { draft, in_force: inForce } = overview;
  const base = draft?.content ?? inForce?.content ?? emptyPlanContent();
  const [content, setContent] = useState<PlanContent>(base);
  const [note, setNote] = useState(draft?.change_note ?? '');
  const [reviewDate, setReviewDate] = useState(dateOf(draft?.review_due_at ?? null));
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const save = useSaveDraft();
  const approve = useApprovePlan();

  // Someone else's save (a live event refetches the plan) replaces the form unless there are unsaved edits here.
  useEffect(() => {
    if (dirty) return;
    setContent(draft?.content ?? inForce?.content ?? emptyPlanContent());
    setNote(draft?.change_note ?? '');
    setReviewDate(dateOf(draft?.review_due_at ?? null));
  }, [draft?.version, draft?.id, inForce?.id]);

  const change = <K extends keyof PlanContent>(key: K, value: PlanContent[K]) => {
    setContent((c) => ({ ...c, [key]: value }));
    setDirty(true);
  };
  const onSave = () =>
    save.mutate(
      { input: { content: contentForSave(content), change_note: note, review_due_at: instantOf(reviewDate) }, version: draft?.version ?? null },
      { onSuccess: () => setDirty(false) },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">
            {draft ? `Draft of version ${draft.plan_version}` : 'Prepare the next version'}
          </Title>
          <Text size="sm" c="dimmed">
            {draft
              ? `Last saved ${formatInstant(draft.updated_at)}${draft.updated_by_name ? ` by ${draft.updated_by_name}` : ''}.`
              : inForce
                ? `Starts from version ${inForce.plan_version}, which stays in force until this draft is approved.`
                : 'No plan yet: start with the team, how to reach them out of band, and who is called at which severity.'}
          </Text>
        </div>
        {dirty ? <Badge color="yellow" variant="light">Unsaved changes</Badge> : draft && <Badge variant="light">Saved</Badge>}
      </Group>

      <Tabs defaultValue="basics" keepMounted={false}>
        <Tabs.List>
          {SECTIONS.map(([value, label]) => (
            <Tabs.Tab key={value} value={value}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SECTIONS.map(([value, , Section]) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Section content={content} change={change} />
          </Tabs.Panel>
        ))}
      </Tabs>

      <Card withBorder padding="sm">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <Textarea label="Change note" description="What changed and why, for the version history" autosize minRows={1} value={note} onChange={(e) => { setNote(e.currentTarget.value); setDirty(true); }} />
            <TextInput type="date" label="Review due" description={`The plan is reviewed by this day (${viewerTimeZone()})`} value={reviewDate} onChange={(e) => { setReviewDate(e.currentTarget.value); setDirty(true); }} />
          </Group>
          {Boolean(save.error) && <ProblemAlert error={save.error} title="The draft was not saved" />}
          <Group>
            <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={save.isPending} onClick={onSave} disabled={!dirty && Boolean(draft)}>
              Save draft
            </Button>
            {canApprove && draft && (
              <Button color="green" variant="light" leftSection={<IconCheck size={16} aria-hidden />} disabled={dirty} onClick={() => setConfirming(true)}>
                Approve version {draft.plan_version}
              </Button>
            )}
            {canApprove && draft && dirty && <Text size="sm" c="dimmed">Save the draft before approving it.</Text>}
          </Group>
        </Stack>
      </Card>

      {draft && (
        <ConfirmDialog
          opened={confirming}
          title={`Approve version ${draft.plan_version}?`}
          confirmLabel="Approve and put in force"
          busy={approve.isPending}
          error={approve.error}
          onClose={() => setConfirming(false)}
          onConfirm={() => approve.mutate({ version: draft.version, review_due_at: instantOf(reviewDate) }, { onSuccess: () => setConfirming(false) })}
        >
          Version {draft.plan_version} comes into force for everyone now{inForce ? `; version ${inForce.plan_version} is superseded` : ''}. Escalations and communications use it from
          the next incident change. Offline copies people keep become outdated: download the offline plan again and hand it out. Review due:{' '}
          {reviewDate || 'not set (required)'}.
        </ConfirmDialog>
      )}
    </Stack>
  );
}
